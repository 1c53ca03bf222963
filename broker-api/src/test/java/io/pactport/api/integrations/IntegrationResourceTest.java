package io.pactport.api.integrations;

import static io.pactport.api.ApiFixture.count;
import static io.pactport.api.ApiFixture.getJson;
import static io.pactport.api.ApiFixture.pact;
import static io.pactport.api.ApiFixture.putPact;
import static io.pactport.api.ApiFixture.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.pactport.api.http.BrokerUrls;
import io.pactport.core.pact.PactContent;
import io.pactport.core.testing.KafkaResource;
import io.pactport.core.testing.PostgresResource;
import io.pactport.core.testing.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
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
        putPact(consumer, provider, "1.2.0", pact(consumer, provider, "a request"))
                .statusCode(201);
        putPact(consumer, provider, "1.3.0", pact(consumer, provider, "a request"))
                .statusCode(201);
        String encoded = BrokerUrls.encode(provider);

        JsonPath json = getJson("/pacts/latest");
        assertThat(json.getString("pacts.find { it._embedded.consumer.name == '" + consumer
                        + "' }._embedded.consumer._embedded"
                        + ".version.number"))
                .isEqualTo("1.3.0");
        assertThat(json.getList(
                        "pacts.find { it._embedded.consumer.name == '" + consumer + "' }._links.self.href",
                        String.class))
                .satisfiesExactly(
                        item -> assertThat(item)
                                .endsWith("/pacts/provider/" + encoded + "/consumer/" + consumer + "/latest"),
                        item -> assertThat(item)
                                .endsWith("/pacts/provider/" + encoded + "/consumer/" + consumer + "/version/1.3.0"));
        assertThat(json.getString("_links.self.href")).endsWith("/pacts/latest");
        json = getJson("/pacts/provider/{p}/latest", provider);
        assertThat(json.getList("_links.'pb:pacts'.name")).containsExactly(consumer);
        assertThat(json.getString("_links.'pb:pacts'[0].title"))
                .isEqualTo("Pact between " + consumer + " (1.3.0) and " + provider);
        assertThat(json.getString("_links.provider.title")).isEqualTo(provider);
        assertThat(json.getString("_links.provider.href")).endsWith("/pacticipants/" + encoded);
        json = getJson("/pacts/provider/{p}/latest/prod", provider);
        assertThat(json.getInt("_links.'pb:pacts'.size()")).isEqualTo(0);
        json = getJson("/pacts/provider/{p}/consumer/{c}/versions", provider, consumer);
        assertThat(json.getList("_embedded.pacts._embedded.consumerVersion.number"))
                .containsExactly("1.3.0", "1.2.0");
        json = getJson("/integrations");
        assertThat(json.getList("_embedded.integrations.consumer.name")).contains(consumer);
        assertThat(json.getString("_links.self.href")).endsWith("/integrations");
    }

    @Test
    void deletingAnIntegrationDeletesItsPactsAndVerifications() {
        String consumer = unique("Condor");
        String provider = unique("Pricing");
        String body = pact(consumer, provider, "a request");
        putPact(consumer, provider, "1.0.0", body).statusCode(201);
        given().contentType("application/json")
                .body("{\"success\":true,\"providerApplicationVersion\":\"9\"}")
                .when()
                .post(
                        "/pacts/provider/{p}/consumer/{c}/pact-version/"
                                + PactContent.parse(body).sha() + "/verification-results",
                        provider,
                        consumer)
                .then()
                .statusCode(201);

        given().when()
                .delete("/integrations/provider/{p}/consumer/{c}", provider, consumer)
                .then()
                .statusCode(204);

        String where = " WHERE consumer_id = (SELECT id FROM pacticipants WHERE name = '" + consumer + "')";
        assertThat(count(database, "SELECT count(*) FROM pact_publications" + where))
                .isEqualTo(0);
        assertThat(count(database, "SELECT count(*) FROM pact_versions" + where))
                .isEqualTo(0);
        assertThat(count(database, "SELECT count(*) FROM verifications" + where))
                .isEqualTo(0);
        assertThat(count(database, "SELECT count(*) FROM integrations" + where)).isEqualTo(0);
        assertThat(count(
                        database,
                        "SELECT count(*) FROM pactport_outbox WHERE event_type ="
                                + " 'io.pactport.integration.deleted.v1' AND event_key = '" + consumer + "/" + provider
                                + "'"))
                .isEqualTo(1);
        given().when()
                .get("/pacts/provider/{p}/consumer/{c}/latest", provider, consumer)
                .then()
                .statusCode(404);
        given().when()
                .delete("/integrations/provider/{p}/consumer/{c}", provider, consumer)
                .then()
                .statusCode(404);
    }

    @Test
    void deletingAnIntegrationsPactsKeepsTheIntegration() {
        String consumer = unique("Condor");
        String provider = unique("Pricing");
        putPact(consumer, provider, "1.0.0", pact(consumer, provider, "a request"))
                .statusCode(201);

        given().when()
                .delete("/pacts/provider/{p}/consumer/{c}", provider, consumer)
                .then()
                .statusCode(204);

        String where = " WHERE consumer_id = (SELECT id FROM pacticipants WHERE name = '" + consumer + "')";
        assertThat(count(database, "SELECT count(*) FROM pact_publications" + where))
                .isEqualTo(0);
        assertThat(count(database, "SELECT count(*) FROM integrations" + where)).isEqualTo(1);
        assertThat(count(
                        database,
                        "SELECT count(*) FROM pactport_outbox WHERE event_type ="
                                + " 'io.pactport.pact.deleted.v1' AND event_key = '" + consumer + "/" + provider + "'"))
                .isEqualTo(1);
    }

    @Test
    void theListIsPagedWhenAPageIsAskedFor() {
        for (int i = 0; i < 3; i++) {
            String consumer = unique("PagedConsumer");
            putPact(consumer, "PagedProvider", "1", pact(consumer, "PagedProvider", "a request"))
                    .statusCode(201);
        }
        long all = getJson("/integrations").getList("_embedded.integrations").size();
        JsonPath first = getJson("/integrations?page=1&size=2");
        assertThat(first.getList("_embedded.integrations")).hasSize(2);
        assertThat(first.getLong("page.totalElements")).isEqualTo(all);
        assertThat(first.getInt("page.size")).isEqualTo(2);
        assertThat(first.getString("_links.next.href")).endsWith("/integrations?size=2&page=2");
        assertThat(first.getString("_links.previous.href")).isNull();
        JsonPath second = getJson("/integrations?page=2&size=2");
        assertThat(second.getList("_embedded.integrations.consumer.name"))
                .doesNotContainAnyElementsOf(first.getList("_embedded.integrations.consumer.name"));

        JsonPath refused = given().get("/integrations?page=0")
                .then()
                .statusCode(400)
                .extract()
                .jsonPath();
        assertThat(refused.getList("errors.page")).hasSize(1);
    }
}
