package io.pactport.api.matrix;

import io.pactport.api.http.Hal;
import io.pactport.api.pacts.PactFixtures;
import static io.pactport.api.matrix.MatrixFixtures.branch;
import static io.pactport.api.matrix.MatrixFixtures.deploy;
import static io.pactport.api.matrix.MatrixFixtures.environment;
import static io.pactport.api.matrix.MatrixFixtures.publish;
import static io.pactport.api.matrix.MatrixFixtures.tag;
import static io.pactport.api.matrix.MatrixFixtures.verify;
import static io.pactport.api.pacts.PactFixtures.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pactport.core.pact.PactContent;
import io.pactport.core.testing.KafkaResource;
import io.pactport.core.testing.PostgresResource;
import io.pactport.core.testing.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
@SuppressWarnings("unchecked")
class MatrixResourceTest {

    TestDatabase database;

    /** An answer's JSON, checked in the manner of RestAssured's {@code body(path, matcher)}. */
    record Answer(String body) {
        Answer body(String path, Matcher<?> matcher) {
            assertThat(path + " in " + body, JsonPath.from(body).get(path), (Matcher<Object>) matcher);
            return this;
        }
    }

    /**
     * GET /matrix with the query string exactly as written: RestAssured would regroup repeated keys, and the order of
     * the q[] keys is what the Pact Broker's parser reads selectors by.
     */
    private static Answer matrix(String query) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + RestAssured.port + "/matrix?" + query)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), response.body());
            assertEquals(Hal.MEDIA_TYPE, response.headers().firstValue("Content-Type").orElse(null));
            return new Answer(response.body());
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
        String sha = publish(consumer, "1", provider);
        tag(consumer, "1", "dev");
        branch(consumer, "1", "main");
        verify(consumer, provider, sha, "10", true);

        matrix(q(consumer, "1") + "&" + q(provider, "10") + "&latestby=cvpv")
                .body("summary.deployable", equalTo(true))
                .body("summary.success", equalTo(1))
                .body("matrix", hasSize(1))
                .body("matrix[0].consumer.version.tags[0].name", equalTo("dev"))
                .body("matrix[0].consumer.version.tags[0].latest", equalTo(true))
                .body("matrix[0].consumer.version.branch", equalTo("main"))
                .body("matrix[0].consumer.version.branchVersions[0].latest", equalTo(true))
                .body("matrix[0].consumer.version._links.self.href", containsString("/pacticipants/" + consumer
                        + "/versions/1"))
                .body("matrix[0].pact._links.self.href", containsString("/pacts/provider/" + provider + "/consumer/"
                        + consumer + "/version/1"))
                .body("matrix[0].verificationResult._links.self.href", containsString("/pact-version/" + sha
                        + "/verification-results/"))
                .body("matrix[0].verificationResult.verifiedAt", startsWith("20"));
    }

    @Test
    void duplicateVerificationsAndOverwrittenRevisionsNeverShow() {
        String consumer = unique("Foo");
        String provider = unique("Bar");
        String sha = publish(consumer, "1", provider);
        verify(consumer, provider, sha, "10", false);
        verify(consumer, provider, sha, "10", true);
        matrix(q(consumer, null) + "&" + q(provider, null) + "&latestby=cvpv")
                .body("matrix", hasSize(1))
                .body("matrix[0].verificationResult.success", equalTo(true));

        // a second revision of the pact (as an allowed modification writes it) replaces the first in the matrix
        String changed = PactFixtures.pact(consumer, provider, "changed");
        PactContent content = PactContent.parse(changed);
        PactFixtures.execute(database, """
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
                """.formatted(content.sha(), content.withInteractionIds().replace("'", "''"), sha));
        matrix(q(consumer, null) + "&" + q(provider, null) + "&latestby=cvpv")
                .body("matrix", hasSize(1))
                .body("matrix[0].verificationResult", nullValue())
                .body("summary.deployable", nullValue());
        given().urlEncodingEnabled(false).accept("text/plain").when().get("/matrix?" + q(consumer, null) + "&" + q(provider, null))
                .then().statusCode(200).contentType(startsWith("text/plain"))
                .body(startsWith("CONSUMER" + " ".repeat(consumer.length() - 8) + " | C_VERSION | REVISION | PROVIDER"))
                .body(containsString(consumer + " | 1         | 2        | " + provider))
                .body(containsString("\n\nDeployable: nil\nReason: There is no verified pact between any version of "
                        + consumer + " and any version of " + provider + "\n"));
    }

    @Test
    void latestAloneComparesWithTheLatestVersionOfEachIntegratedApplication() {
        String consumer = unique("Foo");
        String provider = unique("Bar");
        String sha = publish(consumer, "1", provider);
        verify(consumer, provider, sha, "10", true);
        verify(consumer, provider, sha, "11", false);
        matrix(q(consumer, "1") + "&latestby=cvp&latest=true")
                .body("summary.deployable", equalTo(false))
                .body("matrix.provider.version.number", contains("11"))
                .body("notices.type", contains("warning", "error"))
                .body("summary.reason", startsWith("WARN: It is recommended to specify the environment"));
        // without latestby every provider version that verified it is a row, newest first
        matrix(q(consumer, "1") + "&" + q(provider, null))
                .body("matrix.provider.version.number", contains("11", "10"));
        matrix(q(consumer, "1") + "&" + q(provider, null) + "&success%5B%5D=true")
                .body("matrix.provider.version.number", contains("10"));
        matrix(q(consumer, "1") + "&" + q(provider, null) + "&limit=1")
                .body("matrix", hasSize(1));
    }

    @Test
    void selectorsByBranchEnvironmentAndMainBranch() {
        String consumer = unique("Foo");
        String provider = unique("Bar");
        String env = unique("test");
        String uuid = environment(env);
        String sha = publish(consumer, "1", provider);
        branch(consumer, "1", "feat");
        verify(consumer, provider, sha, "10", true);
        branch(provider, "10", "main");
        deploy(provider, "10", uuid);

        matrix("q%5B%5D%5Bpacticipant%5D=" + consumer + "&q%5B%5D%5Bbranch%5D=feat&q%5B%5D%5Blatest%5D=true&"
                + "q%5B%5D%5Bpacticipant%5D=" + provider + "&q%5B%5D%5Benvironment%5D=" + env + "&latestby=cvpv")
                .body("summary.deployable", equalTo(true))
                .body("matrix.provider.version.number", contains("10"));
        // mainBranch as the target: the main branch ("main", detected on its first use) of each integrated app
        matrix(q(consumer, "1") + "&latestby=cvp&latest=true&mainBranch=true")
                .body("summary.deployable", equalTo(true))
                .body("matrix.provider.version.number", contains("10"));
    }

    @Test
    void invalidQueriesAnswer400WithTheMessagesAsAList() {
        given().urlEncodingEnabled(false).when().get("/matrix?" + q("Wiffle", "1") + "&" + q("Meep", "2"))
                .then().statusCode(400).contentType(Hal.MEDIA_TYPE)
                .body("errors", contains("Pacticipant Wiffle not found", "Pacticipant Meep not found"));
        given().when().get("/matrix").then().statusCode(400)
                .body("errors", contains("Please provide 1 or more version selectors."));
        String consumer = unique("Foo");
        publish(consumer, "1", unique("Bar"));
        given().urlEncodingEnabled(false).when()
                .get("/matrix?" + q(consumer, "1") + "&q%5B%5D%5Blatest%5D=true&limit=0&tag=prod&environment=nowhere")
                .then().statusCode(400)
                .body("errors", contains("A version number and latest flag cannot both be specified for " + consumer,
                        "Cannot specify more than one of tag, environment and mainBranch.",
                        "Environment with name 'nowhere' does not exist", "The limit must be 1 or greater."));
    }
}
