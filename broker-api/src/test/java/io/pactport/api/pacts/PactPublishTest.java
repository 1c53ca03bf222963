package io.pactport.api.pacts;

import static io.pactport.api.ApiFixture.count;
import static io.pactport.api.ApiFixture.counts;
import static io.pactport.api.ApiFixture.execute;
import static io.pactport.api.ApiFixture.getJson;
import static io.pactport.api.ApiFixture.pact;
import static io.pactport.api.ApiFixture.putPact;
import static io.pactport.api.ApiFixture.text;
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
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class PactPublishTest {

    TestDatabase database;

    @Test
    void publishingANewPactStoresItAndAnswers201WithTheLinksCiFollows() {
        String consumer = unique("Condor");
        String provider = unique("Pricing Service");
        String body = pact(consumer, provider, "a request for prices");
        String sha = PactContent.parse(body).sha();

        Response response = putPact(consumer, provider, "1.3.0", body)
                .statusCode(201)
                .header("X-Pact-Consumer-Version", "1.3.0")
                .extract()
                .response();
        assertThat(response.contentType()).startsWith("application/hal+json");
        JsonPath json = response.jsonPath();
        assertThat(json.getString("consumer.name")).isEqualTo(consumer);
        assertThat(json.getMap("interactions[0]")).containsKey("_id");
        assertThat(json.getString("createdAt")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+00:00");
        assertThat(json.getString("_links.self.href"))
                .endsWith(
                        "/pacts/provider/" + BrokerUrls.encode(provider) + "/consumer/" + consumer + "/version/1.3.0");
        assertThat(json.getString("_links.'pb:publish-verification-results'.href"))
                .endsWith("/pact-version/" + sha + "/verification-results");
        assertThat(json.getString("_links.'pb:pact-version'.name")).isEqualTo(sha);
        assertThat(json.getString("_links.'pb:consumer-version'.name")).isEqualTo("1.3.0");
        assertThat(json.getString("_links.'pb:tag-version'.href")).endsWith("/versions/1.3.0/tags/{tag}");

        String where = " WHERE consumer_id = (SELECT id FROM pacticipants WHERE name = '" + consumer + "')";
        assertThat(text(database, "SELECT sha FROM pact_versions" + where)).isEqualTo(sha);
        assertThat(text(database, "SELECT content FROM pact_versions" + where))
                .isEqualTo(PactContent.parse(body).withInteractionIds());
        assertThat(text(
                        database,
                        "SELECT interactions_count || ' ' || messages_count || ' '"
                                + " || has_messages::text::char || ' ' || count(*) OVER () FROM pact_versions" + where))
                .isEqualTo("1 0 f 1");
        assertThat(text(
                        database,
                        "SELECT revision_number || ' ' || (consumer_version_order = v.\"order\")"
                                + "::text::char FROM pact_publications pp JOIN versions v ON v.id = pp.consumer_version_id"
                                + " WHERE pp.consumer_id = v.pacticipant_id AND v.number = '1.3.0' AND pp.consumer_id ="
                                + " (SELECT id FROM pacticipants WHERE name = '" + consumer + "')"))
                .isEqualTo("1 t");
        assertThat(count(
                        database,
                        "SELECT count(*) FROM latest_pact_publication_ids_for_consumer_versions lp"
                                + " JOIN versions v ON v.id = lp.consumer_version_id AND lp.created_at = v.created_at"
                                + where))
                .isEqualTo(1);
        assertThat(count(
                        database,
                        "SELECT count(*) FROM integrations" + where + " AND contract_data_updated_at IS NOT NULL"))
                .isEqualTo(1);
        String key = consumer + "/" + provider;
        assertThat(count(
                        database,
                        "SELECT count(*) FROM pactport_outbox WHERE event_key = '" + key
                                + "' AND event_type = 'io.pactport.pact.published.v1' AND payload->>'sha' = '" + sha
                                + "' AND payload->>'consumerVersionNumber' = '1.3.0' AND payload->'content'->'consumer'->>'name' = '"
                                + consumer + "'"))
                .isEqualTo(1);
        assertThat(count(
                        database,
                        "SELECT count(*) FROM pactport_outbox WHERE event_type ="
                                + " 'io.pactport.pacticipant.created.v1' AND event_key IN ('" + consumer + "', '"
                                + provider + "')"))
                .isEqualTo(2);
        assertThat(count(
                        database,
                        "SELECT count(*) FROM pactport_outbox WHERE event_type ="
                                + " 'io.pactport.version.created.v1' AND event_key = '" + consumer + "'"))
                .isEqualTo(1);
    }

    @Test
    void republishingTheSameContentAnswers200AndAddsNoRevisionOrContent() {
        String consumer = unique("Condor");
        String provider = unique("Pricing");
        String body = pact(consumer, provider, "a request");
        putPact(consumer, provider, "1.0.0", body).statusCode(201);
        long pactVersions = count(database, "SELECT count(*) FROM pact_versions");
        long publications = count(database, "SELECT count(*) FROM pact_publications");

        JsonPath json = putPact(consumer, provider, "1.0.0", body)
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(json.getString("consumer.name")).isEqualTo(consumer);

        assertThat(count(database, "SELECT count(*) FROM pact_versions")).isEqualTo(pactVersions);
        assertThat(count(database, "SELECT count(*) FROM pact_publications")).isEqualTo(publications);
    }

    @Test
    void changedContentForAPublishedVersionIsRefusedWith409InThePactBrokersWordsAndNothingWritten() {
        String consumer = unique("Condor");
        String provider = unique("Pricing");
        putPact(consumer, provider, "1.0.0", pact(consumer, provider, "a request"))
                .statusCode(201);
        Map<String, Long> before = counts(database);

        // the Pact Broker 2.120's errors.validation.pact_content_modification_not_allowed

        JsonPath json = putPact(consumer, provider, "1.0.0", pact(consumer, provider, "another request"))
                .statusCode(409)
                .extract()
                .jsonPath();
        assertThat(json.getString("error"))
                .isEqualTo("Cannot change the content of the pact for " + consumer + " version 1.0.0 and"
                        + " provider " + provider + ", as race conditions will cause unreliable results for"
                        + " can-i-deploy. Each pact must be published with a unique consumer version number. Some Pact"
                        + " libraries generate random data when a concrete value for a type matcher is not specified,"
                        + " and this can cause the contract to mutate - ensure you have given example values for all"
                        + " type matchers. For more information see https://docs.pact.io/go/versioning");

        assertThat(counts(database)).isEqualTo(before);
    }

    @Test
    void theSameContentUnderAnotherVersionReusesTheStoredContent() {
        String consumer = unique("Condor");
        String provider = unique("Pricing");
        String body = pact(consumer, provider, "a request");
        putPact(consumer, provider, "1.0.0", body).statusCode(201);
        putPact(consumer, provider, "1.0.1", body).statusCode(201);

        String where = " WHERE consumer_id = (SELECT id FROM pacticipants WHERE name = '" + consumer + "')";
        assertThat(count(database, "SELECT count(*) FROM pact_versions" + where))
                .isEqualTo(1);
        assertThat(count(
                        database,
                        "SELECT count(DISTINCT pact_version_id) * 0 + count(*) FROM pact_publications" + where))
                .isEqualTo(2);
        assertThat(count(database, "SELECT count(DISTINCT pact_version_id) FROM pact_publications" + where))
                .isEqualTo(1);
    }

    @Test
    void patchMergesNewInteractionsIntoTheVersionsPact() {
        String consumer = unique("Condor");
        String provider = unique("Pricing");
        putPact(consumer, provider, "1.0.0", pact(consumer, provider, "a request"))
                .statusCode(201);

        JsonPath json = given().contentType("application/json")
                .body(pact(consumer, provider, "another request"))
                .when()
                .patch("/pacts/provider/{p}/consumer/{c}/version/1.0.0", provider, consumer)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(json.getList("interactions.description")).containsExactly("a request", "another request");

        assertThat(count(
                        database,
                        "SELECT max(revision_number) FROM pact_publications WHERE consumer_id ="
                                + " (SELECT id FROM pacticipants WHERE name = '" + consumer + "')"))
                .isEqualTo(2);
    }

    @Test
    void badBodiesAreRefusedWithAMessageAndNothingWritten() {
        String consumer = unique("Condor");
        String provider = unique("Pricing");
        Map<String, Long> before = counts(database);

        JsonPath json = putPact(consumer, provider, "1.0.0", "{\"consumer\": ")
                .statusCode(400)
                .extract()
                .jsonPath();
        assertThat(json.getString("errors.base[0]")).isNotEmpty();
        json = putPact(consumer, provider, "1.0.0", pact("Someone else", provider, "a request"))
                .statusCode(400)
                .extract()
                .jsonPath();
        assertThat(json.getString("errors.'consumer.name'[0]")).contains("does not match name in URL path");
        json = given().contentType("text/plain")
                .body(pact(consumer, provider, "a request"))
                .when()
                .put("/pacts/provider/{p}/consumer/{c}/version/1.0.0", provider, consumer)
                .then()
                .statusCode(415)
                .extract()
                .jsonPath();
        assertThat(json.getString("error")).contains("text/plain");

        assertThat(counts(database)).isEqualTo(before);
    }

    @Test
    void pactsAreReadByVersionLatestTagAndContent() {
        String consumer = unique("Condor");
        String provider = unique("Pricing");
        String first = pact(consumer, provider, "a request");
        putPact(consumer, provider, "1.0.0", first).statusCode(201);
        putPact(consumer, provider, "2.0.0", pact(consumer, provider, "a request", "another"))
                .statusCode(201);
        execute(
                database,
                "INSERT INTO tags (name, version_id, pacticipant_id, version_order, created_at,"
                        + " updated_at) SELECT 'prod', id, pacticipant_id, \"order\", now(), now() FROM versions WHERE number"
                        + " = '1.0.0' AND pacticipant_id = (SELECT id FROM pacticipants WHERE name = '" + consumer
                        + "')");

        String path = "/pacts/provider/{p}/consumer/{c}";
        JsonPath json = getJson(path + "/version/1.0.0", provider, consumer);
        assertThat(json.getInt("interactions.size()")).isEqualTo(1);
        json = given().when()
                .get(path + "/latest", provider, consumer)
                .then()
                .statusCode(200)
                .header("X-Pact-Consumer-Version", "2.0.0")
                .extract()
                .jsonPath();
        assertThat(json.getInt("interactions.size()")).isEqualTo(2);
        given().accept("application/hal+json, application/json")
                .when()
                .get(path + "/latest/prod", provider, consumer)
                .then()
                .statusCode(200)
                .header("X-Pact-Consumer-Version", "1.0.0")
                .contentType("application/hal+json;charset=utf-8");
        given().when()
                .get(path + "/pact-version/" + PactContent.parse(first).sha(), provider, consumer)
                .then()
                .statusCode(200)
                .header("X-Pact-Consumer-Version", "1.0.0");
        given().when()
                .get(path + "/latest/no-such-tag", provider, consumer)
                .then()
                .statusCode(404);
        given().when().get(path + "/latest", provider, unique("Nobody")).then().statusCode(404);
    }
}
