package io.pactport.api.integrations;

import io.pactport.api.http.BrokerUrls;
import io.pactport.api.pacts.PactFixtures;
import static io.pactport.api.pacts.PactFixtures.count;
import static io.pactport.api.pacts.PactFixtures.pact;
import static io.pactport.api.pacts.PactFixtures.put;
import static io.pactport.api.pacts.PactFixtures.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pactport.core.pact.PactContent;
import io.pactport.core.testing.KafkaResource;
import io.pactport.core.testing.PostgresResource;
import io.pactport.core.testing.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Integrations, and the lists of pacts the CLI reads (shapes from the pact_broker-client's consumer pacts). */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class IntegrationResourceTest {

    TestDatabase database;

    @Test
    void listsTheLatestPactsInTheShapesTheCliReads() {
        String consumer = unique("Condor");
        String provider = unique("Pricing Service");
        put(consumer, provider, "1.2.0", pact(consumer, provider, "a request")).statusCode(201);
        put(consumer, provider, "1.3.0", pact(consumer, provider, "a request")).statusCode(201);
        String encoded = BrokerUrls.encode(provider);

        given().when().get("/pacts/latest").then().statusCode(200)
                .body("pacts.find { it._embedded.consumer.name == '" + consumer + "' }._embedded.consumer._embedded"
                        + ".version.number", equalTo("1.3.0"))
                .body("pacts.find { it._embedded.consumer.name == '" + consumer + "' }._links.self.href",
                        contains(endsWith("/pacts/provider/" + encoded + "/consumer/" + consumer + "/latest"),
                                endsWith("/pacts/provider/" + encoded + "/consumer/" + consumer + "/version/1.3.0")))
                .body("_links.self.href", endsWith("/pacts/latest"));
        given().when().get("/pacts/provider/{p}/latest", provider).then().statusCode(200)
                .body("_links.'pb:pacts'.name", contains(consumer))
                .body("_links.'pb:pacts'[0].title", equalTo("Pact between " + consumer + " (1.3.0) and " + provider))
                .body("_links.provider.title", equalTo(provider))
                .body("_links.provider.href", endsWith("/pacticipants/" + encoded));
        given().when().get("/pacts/provider/{p}/latest/prod", provider).then().statusCode(200)
                .body("_links.'pb:pacts'.size()", equalTo(0));
        given().when().get("/pacts/provider/{p}/consumer/{c}/versions", provider, consumer).then().statusCode(200)
                .body("_embedded.pacts._embedded.consumerVersion.number", contains("1.3.0", "1.2.0"));
        given().when().get("/integrations").then().statusCode(200)
                .body("_embedded.integrations.consumer.name", hasItem(consumer))
                .body("_links.self.href", endsWith("/integrations"));
    }

    @Test
    void deletingAnIntegrationDeletesItsPactsAndVerifications() {
        String consumer = unique("Condor");
        String provider = unique("Pricing");
        String body = pact(consumer, provider, "a request");
        put(consumer, provider, "1.0.0", body).statusCode(201);
        given().contentType("application/json").body("{\"success\":true,\"providerApplicationVersion\":\"9\"}")
                .when().post("/pacts/provider/{p}/consumer/{c}/pact-version/" + PactContent.parse(body).sha()
                        + "/verification-results", provider, consumer)
                .then().statusCode(201);

        given().when().delete("/integrations/provider/{p}/consumer/{c}", provider, consumer).then().statusCode(204);

        String where = " WHERE consumer_id = (SELECT id FROM pacticipants WHERE name = '" + consumer + "')";
        assertEquals(0, count(database, "SELECT count(*) FROM pact_publications" + where));
        assertEquals(0, count(database, "SELECT count(*) FROM pact_versions" + where));
        assertEquals(0, count(database, "SELECT count(*) FROM verifications" + where));
        assertEquals(0, count(database, "SELECT count(*) FROM integrations" + where));
        assertEquals(1, count(database, "SELECT count(*) FROM pactport_outbox WHERE event_type ="
                + " 'io.pactport.integration.deleted.v1' AND event_key = '" + consumer + "/" + provider + "'"));
        given().when().get("/pacts/provider/{p}/consumer/{c}/latest", provider, consumer).then().statusCode(404);
        given().when().delete("/integrations/provider/{p}/consumer/{c}", provider, consumer).then().statusCode(404);
    }

    @Test
    void deletingAnIntegrationsPactsKeepsTheIntegration() {
        String consumer = unique("Condor");
        String provider = unique("Pricing");
        put(consumer, provider, "1.0.0", pact(consumer, provider, "a request")).statusCode(201);

        given().when().delete("/pacts/provider/{p}/consumer/{c}", provider, consumer).then().statusCode(204);

        String where = " WHERE consumer_id = (SELECT id FROM pacticipants WHERE name = '" + consumer + "')";
        assertEquals(0, count(database, "SELECT count(*) FROM pact_publications" + where));
        assertEquals(1, count(database, "SELECT count(*) FROM integrations" + where));
        assertEquals(1, count(database, "SELECT count(*) FROM pactport_outbox WHERE event_type ="
                + " 'io.pactport.pact.deleted.v1' AND event_key = '" + consumer + "/" + provider + "'"));
    }
}
