package io.pactport.api.pacts;

import static io.pactport.api.ApiFixture.base64;
import static io.pactport.api.ApiFixture.count;
import static io.pactport.api.ApiFixture.pact;
import static io.pactport.api.ApiFixture.putPact;
import static io.pactport.api.ApiFixture.text;
import static io.pactport.api.ApiFixture.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.pactport.core.pact.PactContent;
import io.pactport.core.testing.KafkaResource;
import io.pactport.core.testing.PostgresResource;
import io.pactport.core.testing.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(PactDangerousModificationTest.AllowModification.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class PactDangerousModificationTest {

    /** PACTFLOW_ALLOW_DANGEROUS_CONTRACT_MODIFICATION=true. */
    public static class AllowModification implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("pactflow.allow-dangerous-contract-modification", "true");
        }
    }

    TestDatabase database;

    @Test
    void changedContentBecomesTheNextRevisionAndTheLatest() {
        String consumer = unique("Condor");
        String provider = unique("Pricing");
        putPact(consumer, provider, "1.0.0", pact(consumer, provider, "a request"))
                .statusCode(201);
        String changed = pact(consumer, provider, "another request");

        JsonPath json = putPact(consumer, provider, "1.0.0", changed)
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(json.getString("interactions[0].description")).isEqualTo("another request");
        assertThat(json.getString("_links.'pb:pact-version'.name"))
                .isEqualTo(PactContent.parse(changed).sha());

        String where = " WHERE consumer_id = (SELECT id FROM pacticipants WHERE name = '" + consumer + "')";
        assertThat(count(database, "SELECT count(*) FROM pact_publications" + where))
                .isEqualTo(2);
        assertThat(count(
                        database,
                        "SELECT pp.revision_number FROM latest_pact_publication_ids_for_consumer_versions"
                                + " lp JOIN pact_publications pp ON pp.id = lp.pact_publication_id WHERE lp.consumer_id ="
                                + " (SELECT id FROM pacticipants WHERE name = '" + consumer + "')"))
                .isEqualTo(2);
    }

    @Test
    void contractsPublishMergesAChangedRequestOverTheInteractionAsThePactBrokerDoes() {
        String consumer = unique("Condor");
        String provider = unique("Pricing");
        String original = pact(consumer, provider, "a request");
        putPact(consumer, provider, "1.0.0", original).statusCode(201);
        // the same description and provider state, another request: PATCH refuses it, contracts/publish merges it
        String changed = original.replace("\"path\":\"/a-request\"", "\"path\":\"/another-path\"");
        given().contentType("application/json")
                .body(changed)
                .when()
                .patch("/pacts/provider/{p}/consumer/{c}/version/1.0.0", provider, consumer)
                .then()
                .statusCode(409);

        given().contentType("application/json")
                .body("""
                {"pacticipantName":"%s","pacticipantVersionNumber":"1.0.0","contracts":[{"consumerName":"%s",
                 "providerName":"%s","specification":"pact","contentType":"application/json","content":"%s",
                 "onConflict":"merge"}]}""".formatted(consumer, consumer, provider, base64(changed)))
                .when()
                .post("/contracts/publish")
                .then()
                .statusCode(200);

        String latest = " FROM pact_publications pp JOIN pact_versions pv ON pv.id = pp.pact_version_id"
                + " WHERE pp.consumer_id = (SELECT id FROM pacticipants WHERE name = '" + consumer + "')"
                + " ORDER BY pp.revision_number DESC LIMIT 1";
        assertThat(text(database, "SELECT pv.sha" + latest))
                .isEqualTo(PactContent.parse(changed).sha());
        assertThat(text(database, "SELECT pv.content" + latest))
                .isEqualTo(PactContent.parse(changed).withInteractionIds());
    }
}
