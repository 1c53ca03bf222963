package io.pactport.api.pacticipants;

import static io.pactport.api.ApiFixture.count;
import static io.pactport.api.ApiFixture.pact;
import static io.pactport.api.ApiFixture.publishContract;
import static io.pactport.api.ApiFixture.putPact;
import static io.pactport.api.ApiFixture.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.pactport.core.testing.KafkaResource;
import io.pactport.core.testing.PostgresResource;
import io.pactport.core.testing.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

/**
 * The Pact Broker's defaults for pacticipant names: matched exactly, and a publication that names a new pacticipant
 * looking like an existing one refused (changed: {@link PacticipantNamesWithChangedSettingsTest}).
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class LookalikePacticipantNamesTest {

    private static final String NAMED = "SELECT count(*) FROM pacticipants WHERE name = ?";

    TestDatabase database;

    @Test
    void aPactForANewPacticipantLookingLikeAnExistingOneIsRefusedWithThePactBrokersMessage() {
        String provider = unique("pricing");
        String consumer = unique("Condor");
        putPact(consumer, provider, "1", pact(consumer, provider, "a request")).statusCode(201);
        String lookalike = provider.replace("pricing-", "Pricing ") + "-services";
        String newConsumer = unique("Kite");

        String body = putPact(newConsumer, lookalike, "1", pact(newConsumer, lookalike, "a request"))
                .statusCode(409)
                .contentType("text/plain")
                .extract()
                .asString();

        assertThat(body)
                .isEqualTo("This is the first time a pact has been published for \"" + lookalike + "\".\n"
                        + "The name \"" + lookalike + "\" is very similar to the following existing pacticipants:\n"
                        + "* " + provider + "\n"
                        + "If you meant to specify one of the above names, please correct the pact configuration, and"
                        + " re-publish the pact.\n"
                        + "If the pact is intended to be for a new consumer or provider, please manually create \""
                        + lookalike + "\" using the following command from the Pact Broker CLI, and then re-publish"
                        + " the pact:\n\n"
                        + "pact-broker create-or-update-pacticipant --name \"" + lookalike + "\" --broker-base-url "
                        + "http://localhost:" + io.restassured.RestAssured.port + "\n\n"
                        + "For information on the Pact Broker CLI see https://docs.pact.io/go/pbc-cli\n"
                        + "To disable this check, set `check_for_potential_duplicate_pacticipant_names` to false in"
                        + " the configuration.\n");
        // nothing written: not even the new consumer, whose own name is fine
        assertThat(count(database, NAMED, newConsumer)).isZero();
        assertThat(count(database, NAMED, lookalike)).isZero();
    }

    @Test
    void contractsPublishRefusesTheLookalikeAsAnErrorNotice() {
        String consumer = unique("Condor");
        String provider = unique("Pricing");
        putPact(consumer, provider, "1", pact(consumer, provider, "a request")).statusCode(201);
        String lookalikeConsumer = consumer + "Service";

        JsonPath json = publishContract(
                        lookalikeConsumer, provider, "1", pact(lookalikeConsumer, provider, "a request"))
                .statusCode(409)
                .extract()
                .jsonPath();

        assertThat(json.getString("notices[0].type")).isEqualTo("error");
        assertThat(json.getList("errors.contracts", String.class))
                .singleElement()
                .asString()
                .startsWith("This is the first time a pact has been published for \"" + lookalikeConsumer + "\".")
                .contains("* " + consumer + "\n");
        assertThat(count(database, NAMED, lookalikeConsumer)).isZero();
    }

    @Test
    void anExistingNameAndAnUnlikeNewOneArePublishedAndNamesAreMatchedExactly() {
        String consumer = unique("Condor");
        String provider = unique("Pricing");
        putPact(consumer, provider, "1", pact(consumer, provider, "a request")).statusCode(201);
        String other = unique("Billing");
        putPact(consumer, other, "1", pact(consumer, other, "a request")).statusCode(201);

        given().get("/pacticipants/{p}", consumer.toUpperCase()).then().statusCode(404);
    }
}
