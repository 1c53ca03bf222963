package io.pactport.api.verifications;

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

import io.pactport.api.pacts.MetadataCodec;
import io.pactport.core.pact.PactContent;
import io.pactport.core.testing.KafkaResource;
import io.pactport.core.testing.PostgresResource;
import io.pactport.core.testing.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class VerificationResultTest {

    private static final String RESULT = """
            {"success":true,"providerApplicationVersion":"2.0.0","buildUrl":"http://ci/provider/7",
             "testResults":{"tests":[{"ok":true}]},
             "verifiedBy":{"implementation":"Pact-JVM","version":"4.6.0",
                           "clientLanguage":{"name":"Java","version":"17","testFramework":"JUnit"}}}""";

    TestDatabase database;

    @Test
    void publishingAResultAnswers201WithLocationAndUpdatesTheHelperTables() {
        String consumer = unique("Condor");
        String provider = unique("Pricing");
        String body = pact(consumer, provider, "a request");
        String sha = PactContent.parse(body).sha();
        putPact(consumer, provider, "1.0.0", body).statusCode(201);
        tagProviderVersion(provider, "2.0.0", "prod");
        // the metadata a pacts-for-verification response would have put in the URL: pending, selected by branch main
        String versionId = text(
                database,
                "SELECT v.id FROM versions v JOIN pacticipants p ON p.id = v.pacticipant_id" + " WHERE p.name = '"
                        + consumer + "'");
        String metadata = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(
                        ("s[][b]=main&s[][l]=true&s[][cv]=" + versionId + "&p=true").getBytes(StandardCharsets.UTF_8));
        String base = "/pacts/provider/{p}/consumer/{c}/pact-version/" + sha;

        Response response = given().contentType("application/json")
                .body(RESULT)
                .when()
                .post(base + "/metadata/" + metadata + "/verification-results", provider, consumer)
                .then()
                .statusCode(201)
                .contentType("application/hal+json;charset=utf-8")
                .extract()
                .response();
        assertThat(response.header("Location")).contains("/pact-version/" + sha + "/verification-results/");
        JsonPath json = response.jsonPath();
        assertThat(json.getString("providerName")).isEqualTo(provider);
        assertThat(json.getString("providerApplicationVersion")).isEqualTo("2.0.0");
        assertThat(json.getBoolean("success")).isTrue();
        assertThat(json.getString("buildUrl")).isEqualTo("http://ci/provider/7");
        assertThat(json.getBoolean("testResults.tests[0].ok")).isTrue();
        assertThat(json.getString("verifiedBy.implementation")).isEqualTo("Pact-JVM");
        assertThat(json.getString("_links.self.href")).endsWith("/verification-results/" + lastNumber(database));
        assertThat(json.getString("_links.'pb:pact-version'.href")).endsWith("/pact-version/" + sha);
        String location = response.header("Location");

        String where = forPact(consumer, sha);
        assertThat(text(
                        database,
                        "SELECT success::text::char || ' ' || wip::text::char || ' '"
                                + " || pact_pending::text::char || ' ' || tag_names FROM verifications" + where))
                .isEqualTo("t f t [\"prod\"]");
        assertThat(text(database, "SELECT consumer_version_selector_hashes FROM verifications" + where))
                .isEqualTo("[{\"branch\":\"main\",\"latest\":\"true\",\"consumer_version_number\":\"1.0.0\"}]");
        assertThat(count(
                        database,
                        "SELECT count(*) FROM" + " latest_verification_id_for_pact_version_and_provider_version"
                                + where))
                .isEqualTo(1);
        assertThat(count(
                        database,
                        "SELECT count(*) FROM pact_version_provider_tag_successful_verifications" + where
                                + " AND provider_version_tag_name = 'prod'"))
                .isEqualTo(1);
        assertThat(
                        count(
                                database,
                                "SELECT count(*) FROM pactport_outbox WHERE event_type ="
                                        + " 'io.pactport.verification.published.v1' AND event_key = '" + consumer + "/"
                                        + provider + "'"
                                        + " AND payload->>'providerVersionNumber' = '2.0.0' AND payload->>'consumerVersionNumber' = '1.0.0'"))
                .isEqualTo(1);

        json = getJson(location);
        assertThat(json.getString("providerApplicationVersion")).isEqualTo("2.0.0");
        json = getJson(base + "/verification-results/latest", provider, consumer);
        assertThat(json.getBoolean("success")).isTrue();
    }

    @Test
    void aSecondResultForTheSameProviderVersionBecomesTheLatest() {
        String consumer = unique("Condor");
        String provider = unique("Pricing");
        String body = pact(consumer, provider, "a request");
        String sha = PactContent.parse(body).sha();
        putPact(consumer, provider, "1.0.0", body).statusCode(201);
        String url = "/pacts/provider/{p}/consumer/{c}/pact-version/" + sha + "/verification-results";
        given().contentType("application/json")
                .body(RESULT)
                .when()
                .post(url, provider, consumer)
                .then()
                .statusCode(201);
        given().contentType("application/json")
                .body(RESULT.replace("\"success\":true", "\"success\":false"))
                .when()
                .post(url, provider, consumer)
                .then()
                .statusCode(201);

        String where = forPact(consumer, sha);
        assertThat(count(
                        database,
                        "SELECT count(*) FROM"
                                + " latest_verification_id_for_pact_version_and_provider_version l" + where
                                + " AND verification_id = (SELECT max(id) FROM verifications" + where + ")"))
                .isEqualTo(1);
        JsonPath json = getJson(url + "/latest", provider, consumer);
        assertThat(json.getBoolean("success")).isFalse();
    }

    @Test
    void anUnknownPactVersionIs404AndABadResult400AndNothingWritten() {
        String consumer = unique("Condor");
        String provider = unique("Pricing");
        String body = pact(consumer, provider, "a request");
        putPact(consumer, provider, "1.0.0", body).statusCode(201);
        Map<String, Long> before = counts(database);
        String url = "/pacts/provider/{p}/consumer/{c}/pact-version/{sha}/verification-results";

        JsonPath json = given().contentType("application/json")
                .body(RESULT)
                .when()
                .post(url, provider, consumer, "0".repeat(40))
                .then()
                .statusCode(404)
                .extract()
                .jsonPath();
        assertThat(json.getString("error")).contains("0".repeat(40));
        json = given().contentType("application/json")
                .body("{\"providerApplicationVersion\":\"1\"}")
                .when()
                .post(url, provider, consumer, PactContent.parse(body).sha())
                .then()
                .statusCode(400)
                .extract()
                .jsonPath();
        assertThat(json.getString("errors.success[0]")).isEqualTo("is missing");
        json = given().contentType("application/json")
                .body("{\"success\":true,\"providerApplicationVersion\":\" \"}")
                .when()
                .post(url, provider, consumer, PactContent.parse(body).sha())
                .then()
                .statusCode(400)
                .extract()
                .jsonPath();
        assertThat(json.getString("errors.providerApplicationVersion[0]")).isEqualTo("can't be blank");

        assertThat(counts(database)).isEqualTo(before);
    }

    @Test
    void metadataDecodesAsRackNestedQueries() {
        String encoded = MetadataCodec.encode(Map.of("cvn", "1.0 beta"));
        assertThat(MetadataCodec.decode(encoded)).isEqualTo(Map.of("cvn", "1.0 beta"));
        String selectors = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString("s[][b]=main&s[][cv]=1&s[][b]=feat&s[][t]=x&w=true".getBytes(StandardCharsets.UTF_8));
        assertThat(MetadataCodec.decode(selectors))
                .isEqualTo(Map.of(
                        "s",
                        java.util.List.of(Map.of("b", "main", "cv", "1"), Map.of("b", "feat", "t", "x")),
                        "w",
                        "true"));
        assertThat(MetadataCodec.decode("%%%")).isEqualTo(Map.of());
    }

    private void tagProviderVersion(String provider, String version, String tag) {
        execute(
                database,
                "INSERT INTO pacticipants (name, created_at, updated_at) VALUES ('" + provider
                        + "', now(), now()) ON CONFLICT DO NOTHING");
        execute(
                database,
                "INSERT INTO versions (number, pacticipant_id, \"order\", created_at,"
                        + " updated_at) SELECT '" + version
                        + "', id, nextval('version_order_sequence'), now(), now() FROM"
                        + " pacticipants WHERE name = '" + provider + "' ON CONFLICT DO NOTHING");
        execute(
                database,
                "INSERT INTO tags (name, version_id, pacticipant_id, version_order, created_at,"
                        + " updated_at) SELECT '" + tag
                        + "', v.id, v.pacticipant_id, v.\"order\", now(), now() FROM versions v"
                        + " JOIN pacticipants p ON p.id = v.pacticipant_id WHERE p.name = '" + provider
                        + "' AND v.number = '"
                        + version + "'");
    }

    /** Pacts of different tests share content, and so SHAs; the consumer tells them apart. */
    private static String forPact(String consumer, String sha) {
        return " WHERE pact_version_id = (SELECT id FROM pact_versions WHERE sha = '" + sha + "' AND consumer_id ="
                + " (SELECT id FROM pacticipants WHERE name = '" + consumer + "'))";
    }

    private static String lastNumber(TestDatabase database) {
        return String.valueOf(count(database, "SELECT last_value FROM verification_number_sequence"));
    }
}
