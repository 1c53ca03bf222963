package io.pactport.api.pacticipants;

import static io.pactport.api.ApiFixture.count;
import static io.pactport.api.ApiFixture.execute;
import static io.pactport.api.ApiFixture.getJson;
import static io.pactport.api.ApiFixture.pact;
import static io.pactport.api.ApiFixture.putPact;
import static io.pactport.api.ApiFixture.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.pactport.api.config.ChangedDomainSettings;
import io.pactport.core.testing.KafkaResource;
import io.pactport.core.testing.PostgresResource;
import io.pactport.core.testing.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

/** Names matched in any case, and no duplicate name check (the defaults: {@link LookalikePacticipantNamesTest}). */
@QuarkusTest
@TestProfile(ChangedDomainSettings.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class PacticipantNamesWithChangedSettingsTest {

    private static final String LIKE = "SELECT count(*) FROM pacticipants WHERE lower(name) = lower(?)";

    TestDatabase database;

    @Test
    void aPacticipantIsFoundAndPublishedToByItsNameInAnyCase() {
        String consumer = unique("Condor");
        String provider = unique("Pricing");
        putPact(consumer, provider, "1.0.0", pact(consumer, provider, "a request"))
                .statusCode(201);

        assertThat(getJson("/pacticipants/{p}", consumer.toUpperCase()).getString("name"))
                .isEqualTo(consumer);
        String lower = consumer.toLowerCase();
        putPact(lower, provider, "1.0.1", pact(lower, provider, "a request")).statusCode(201);
        // POST answers the existing pacticipant, whatever the case of the name
        assertThat(given().contentType("application/json")
                        .body("{\"name\":\"" + consumer.toUpperCase() + "\"}")
                        .post("/pacticipants")
                        .then()
                        .statusCode(201)
                        .extract()
                        .jsonPath()
                        .getString("name"))
                .isEqualTo(consumer);

        assertThat(count(database, LIKE, consumer)).isEqualTo(1);
        assertThat(getJson("/pacticipants/{p}/versions", lower).getList("_embedded.versions.number"))
                .containsExactly("1.0.1", "1.0.0");
    }

    @Test
    void twoPacticipantsWhoseNamesDifferOnlyInCaseAreAConflict() {
        String name = unique("Condor");
        given().contentType("application/json")
                .body("{\"name\":\"" + name + "\"}")
                .post("/pacticipants")
                .then()
                .statusCode(201);
        // as a broker that matched names exactly could have stored them
        execute(
                database,
                "INSERT INTO pacticipants (name, created_at, updated_at) VALUES (?, now(), now())",
                name.toUpperCase());

        assertThat(given().get("/pacticipants/{p}", name.toLowerCase())
                        .then()
                        .statusCode(409)
                        .extract()
                        .jsonPath()
                        .getString("error"))
                .startsWith("Found multiple pacticipants with a case insensitive name match for '" + name.toLowerCase()
                        + "': ");
    }

    @Test
    void aNewPacticipantLookingLikeAnExistingOneIsPublished() {
        String consumer = unique("Condor");
        String provider = unique("Pricing");
        putPact(consumer, provider, "1.0.0", pact(consumer, provider, "a request"))
                .statusCode(201);
        String lookalike = provider + "-service";
        putPact(consumer, lookalike, "1.0.0", pact(consumer, lookalike, "a request"))
                .statusCode(201);
    }
}
