package io.pactport.api.matrix;

import static io.pactport.api.ApiFixture.branch;
import static io.pactport.api.ApiFixture.deploy;
import static io.pactport.api.ApiFixture.environment;
import static io.pactport.api.ApiFixture.execute;
import static io.pactport.api.ApiFixture.pact;
import static io.pactport.api.ApiFixture.publish;
import static io.pactport.api.ApiFixture.tag;
import static io.pactport.api.ApiFixture.unique;
import static io.pactport.api.ApiFixture.verify;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.pactport.api.http.Hal;
import io.pactport.core.pact.PactContent;
import io.pactport.core.testing.KafkaResource;
import io.pactport.core.testing.PostgresResource;
import io.pactport.core.testing.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class MatrixResourceTest {

    TestDatabase database;

    /**
     * GET /matrix with the query string exactly as written: RestAssured would regroup repeated keys, and the order of
     * the q[] keys is what the Pact Broker's parser reads selectors by.
     */
    private static JsonPath matrix(String query) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(
                                            URI.create("http://localhost:" + RestAssured.port + "/matrix?" + query))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type").orElse(null))
                    .isEqualTo(Hal.MEDIA_TYPE);
            return JsonPath.from(response.body());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String q(String pacticipant, String version) {
        return "q%5B%5D%5Bpacticipant%5D=" + pacticipant + (version == null ? "" : "&q%5B%5D%5Bversion%5D=" + version);
    }

    @Test
    void twoVersionsAgainstEachOtherWithTheRowInThePactBrokersShape() {
        String consumer = unique("Foo");
        String provider = unique("Bar");
        String sha = publish(consumer, provider, "1", "for 1");
        tag(consumer, "1", "dev");
        branch(consumer, "main", "1");
        verify(consumer, provider, sha, "10", true);

        JsonPath json = matrix(q(consumer, "1") + "&" + q(provider, "10") + "&latestby=cvpv");
        assertThat(json.getBoolean("summary.deployable")).isTrue();
        assertThat(json.getInt("summary.success")).isEqualTo(1);
        assertThat(json.getList("matrix")).hasSize(1);
        assertThat(json.getString("matrix[0].consumer.version.tags[0].name")).isEqualTo("dev");
        assertThat(json.getBoolean("matrix[0].consumer.version.tags[0].latest")).isTrue();
        assertThat(json.getString("matrix[0].consumer.version.branch")).isEqualTo("main");
        assertThat(json.getBoolean("matrix[0].consumer.version.branchVersions[0].latest"))
                .isTrue();
        assertThat(json.getString("matrix[0].consumer.version._links.self.href"))
                .contains("/pacticipants/" + consumer + "/versions/1");
        assertThat(json.getString("matrix[0].pact._links.self.href"))
                .contains("/pacts/provider/" + provider + "/consumer/" + consumer + "/version/1");
        assertThat(json.getString("matrix[0].verificationResult._links.self.href"))
                .contains("/pact-version/" + sha + "/verification-results/");
        assertThat(json.getString("matrix[0].verificationResult.verifiedAt")).startsWith("20");
    }

    @Test
    void duplicateVerificationsAndOverwrittenRevisionsNeverShow() {
        String consumer = unique("Foo");
        String provider = unique("Bar");
        String sha = publish(consumer, provider, "1", "for 1");
        verify(consumer, provider, sha, "10", false);
        verify(consumer, provider, sha, "10", true);
        JsonPath json = matrix(q(consumer, null) + "&" + q(provider, null) + "&latestby=cvpv");
        assertThat(json.getList("matrix")).hasSize(1);
        assertThat(json.getBoolean("matrix[0].verificationResult.success")).isTrue();

        // a second revision of the pact (as an allowed modification writes it) replaces the first in the matrix
        String changed = pact(consumer, provider, "changed");
        PactContent content = PactContent.parse(changed);
        execute(database, """
                WITH pv AS (INSERT INTO pact_versions (consumer_id, provider_id, sha, content, created_at)
                            SELECT consumer_id, provider_id, '%s', '%s', now() FROM pact_versions WHERE sha = '%s'
                            RETURNING id, consumer_id, provider_id),
                     pp AS (INSERT INTO pact_publications (consumer_version_id, provider_id, revision_number,
                                pact_version_id, created_at, consumer_id, consumer_version_order)
                            SELECT l.consumer_version_id, l.provider_id, 2, pv.id, now(), l.consumer_id, 0
                            FROM latest_pact_publication_ids_for_consumer_versions l JOIN pv
                              ON pv.consumer_id = l.consumer_id AND pv.provider_id = l.provider_id
                            RETURNING id, consumer_version_id, provider_id, pact_version_id)
                UPDATE latest_pact_publication_ids_for_consumer_versions l
                SET pact_publication_id = pp.id, pact_version_id = pp.pact_version_id
                FROM pp WHERE l.consumer_version_id = pp.consumer_version_id AND l.provider_id = pp.provider_id
                """.formatted(
                        content.sha(), content.withInteractionIds().replace("'", "''"), sha));
        json = matrix(q(consumer, null) + "&" + q(provider, null) + "&latestby=cvpv");
        assertThat(json.getList("matrix")).hasSize(1);
        assertThat(json.getString("matrix[0].verificationResult")).isNull();
        assertThat(json.getString("summary.deployable")).isNull();
        Response reply = given().urlEncodingEnabled(false)
                .accept("text/plain")
                .when()
                .get("/matrix?" + q(consumer, null) + "&" + q(provider, null))
                .then()
                .statusCode(200)
                .extract()
                .response();
        assertThat(reply.contentType()).startsWith("text/plain");
        Response response = reply;
        assertThat(response.asString())
                .startsWith("CONSUMER" + " ".repeat(consumer.length() - 8) + " | C_VERSION | REVISION | PROVIDER");
        assertThat(response.asString()).contains(consumer + " | 1         | 2        | " + provider);
        assertThat(response.asString())
                .contains("\n\nDeployable: nil\nReason: There is no verified pact between any version of " + consumer
                        + " and any version of " + provider + "\n");
    }

    @Test
    void latestAloneComparesWithTheLatestVersionOfEachIntegratedApplication() {
        String consumer = unique("Foo");
        String provider = unique("Bar");
        String sha = publish(consumer, provider, "1", "for 1");
        verify(consumer, provider, sha, "10", true);
        verify(consumer, provider, sha, "11", false);
        JsonPath json = matrix(q(consumer, "1") + "&latestby=cvp&latest=true");
        assertThat(json.getBoolean("summary.deployable")).isFalse();
        assertThat(json.getList("matrix.provider.version.number")).containsExactly("11");
        assertThat(json.getList("notices.type")).containsExactly("warning", "error");
        assertThat(json.getString("summary.reason")).startsWith("WARN: It is recommended to specify the environment");
        // without latestby every provider version that verified it is a row, newest first
        json = matrix(q(consumer, "1") + "&" + q(provider, null));
        assertThat(json.getList("matrix.provider.version.number")).containsExactly("11", "10");
        json = matrix(q(consumer, "1") + "&" + q(provider, null) + "&success%5B%5D=true");
        assertThat(json.getList("matrix.provider.version.number")).containsExactly("10");
        json = matrix(q(consumer, "1") + "&" + q(provider, null) + "&limit=1");
        assertThat(json.getList("matrix")).hasSize(1);
    }

    @Test
    void selectorsByBranchEnvironmentAndMainBranch() {
        String consumer = unique("Foo");
        String provider = unique("Bar");
        String env = unique("test");
        String uuid = environment(env, true);
        String sha = publish(consumer, provider, "1", "for 1");
        branch(consumer, "feat", "1");
        verify(consumer, provider, sha, "10", true);
        branch(provider, "main", "10");
        deploy(provider, "10", uuid);

        JsonPath json = matrix("q%5B%5D%5Bpacticipant%5D=" + consumer
                + "&q%5B%5D%5Bbranch%5D=feat&q%5B%5D%5Blatest%5D=true&"
                + "q%5B%5D%5Bpacticipant%5D=" + provider + "&q%5B%5D%5Benvironment%5D=" + env + "&latestby=cvpv");
        assertThat(json.getBoolean("summary.deployable")).isTrue();
        assertThat(json.getList("matrix.provider.version.number")).containsExactly("10");
        // mainBranch as the target: the main branch ("main", detected on its first use) of each integrated app
        json = matrix(q(consumer, "1") + "&latestby=cvp&latest=true&mainBranch=true");
        assertThat(json.getBoolean("summary.deployable")).isTrue();
        assertThat(json.getList("matrix.provider.version.number")).containsExactly("10");
    }

    @Test
    void invalidQueriesAnswer400WithTheMessagesAsAList() {
        JsonPath json = given().urlEncodingEnabled(false)
                .when()
                .get("/matrix?" + q("Wiffle", "1") + "&" + q("Meep", "2"))
                .then()
                .statusCode(400)
                .contentType(Hal.MEDIA_TYPE)
                .extract()
                .jsonPath();
        assertThat(json.getList("errors"))
                .containsExactly("Pacticipant Wiffle not found", "Pacticipant Meep not found");
        json = given().when().get("/matrix").then().statusCode(400).extract().jsonPath();
        assertThat(json.getList("errors")).containsExactly("Please provide 1 or more version selectors.");
        String consumer = unique("Foo");
        publish(consumer, unique("Bar"), "1", "for 1");
        json = given().urlEncodingEnabled(false)
                .when()
                .get("/matrix?" + q(consumer, "1") + "&q%5B%5D%5Blatest%5D=true&limit=0&tag=prod&environment=nowhere")
                .then()
                .statusCode(400)
                .extract()
                .jsonPath();
        assertThat(json.getList("errors"))
                .containsExactly(
                        "A version number and latest flag cannot both be specified for " + consumer,
                        "Cannot specify more than one of tag, environment and mainBranch.",
                        "Environment with name 'nowhere' does not exist",
                        "The limit must be 1 or greater.");
    }
}
