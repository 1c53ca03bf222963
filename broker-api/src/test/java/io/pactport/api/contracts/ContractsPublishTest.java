package io.pactport.api.contracts;

import static io.pactport.api.ApiFixture.base64;
import static io.pactport.api.ApiFixture.count;
import static io.pactport.api.ApiFixture.counts;
import static io.pactport.api.ApiFixture.pact;
import static io.pactport.api.ApiFixture.text;
import static io.pactport.api.ApiFixture.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.pactport.core.testing.KafkaResource;
import io.pactport.core.testing.PostgresResource;
import io.pactport.core.testing.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class ContractsPublishTest {

    TestDatabase database;

    private static String request(String pacticipant, String version, String contracts) {
        return """
                {"pacticipantName":"%s","pacticipantVersionNumber":"%s","branch":"main","tags":["dev","prod"],
                 "buildUrl":"http://ci/builds/1","contracts":[%s]}""".formatted(pacticipant, version, contracts);
    }

    private static String contract(String consumer, String provider, String content) {
        return """
                {"consumerName":"%s","providerName":"%s","specification":"pact","contentType":"application/json",
                 "content":"%s","onConflict":"overwrite"}""".formatted(consumer, provider, content);
    }

    private static ValidatableResponse post(String body) {
        return given().contentType("application/json")
                .accept("application/hal+json")
                .body(body)
                .when()
                .post("/contracts/publish")
                .then();
    }

    @Test
    void publishesTheVersionWithBranchTagsAndPactsAndAnswersNotices() {
        String consumer = unique("Foo");
        String provider = unique("Bar");
        String body = request(
                consumer, "5556b81", contract(consumer, provider, base64(pact(consumer, provider, "a request"))));

        JsonPath json = post(body)
                .statusCode(200)
                .contentType("application/hal+json;charset=utf-8")
                .extract()
                .jsonPath();
        assertThat(json.getString("_embedded.pacticipant.name")).isEqualTo(consumer);
        assertThat(json.getString("_embedded.version.number")).isEqualTo("5556b81");
        assertThat(json.getList("_links.'pb:pacticipant-version-tags'.name")).containsExactly("dev", "prod");
        assertThat(json.getString("_links.'pb:contracts'[0].href"))
                .endsWith("/pacts/provider/" + provider + "/consumer/" + consumer + "/version/5556b81");
        assertThat(json.getString("_links.'pb:contracts'[0].name"))
                .isEqualTo("Pact between " + consumer + " (5556b81) and " + provider);
        assertThat(json.getList("notices.type")).contains("success");
        assertThat(json.getString("notices[0].text"))
                .isEqualTo("Created " + consumer + " version 5556b81 with branch main and tags dev," + " prod");
        assertThat(json.getList("notices.text", String.class))
                .anySatisfy(item -> assertThat(item)
                        .contains("/pacts/provider/" + provider + "/consumer/" + consumer + "/version/5556b81"));
        assertThat(json.getList("notices.text")).contains("  Next steps:");
        assertThat(json.getString("logs[0].level")).isEqualTo("debug");
        assertThat(json.getString("logs[0].message")).startsWith("Created");

        String version = "(SELECT v.id FROM versions v JOIN pacticipants p ON p.id = v.pacticipant_id WHERE p.name = '"
                + consumer + "')";
        assertThat(count(
                        database,
                        "SELECT count(*) FROM branch_heads WHERE branch_name = 'main' AND version_id = " + version))
                .isEqualTo(1);
        assertThat(count(database, "SELECT count(*) FROM tags WHERE version_id = " + version))
                .isEqualTo(2);
        assertThat(count(
                        database,
                        "SELECT count(*) FROM versions WHERE build_url = 'http://ci/builds/1' AND id = " + version))
                .isEqualTo(1);
        assertThat(count(database, "SELECT count(*) FROM pact_publications WHERE consumer_version_id = " + version))
                .isEqualTo(1);
        // the same payload as the branch resource's: the branch was given, not made from a tag
        assertThat(count(
                        database,
                        "SELECT count(*) FROM pactport_outbox WHERE event_type ="
                                + " 'io.pactport.branch.version.added.v1' AND event_key = '" + consumer + "'"
                                + " AND payload->'autoCreated' = 'false'::jsonb"))
                .isEqualTo(1);
        assertThat(count(
                        database,
                        "SELECT count(*) FROM pactport_outbox WHERE event_type ="
                                + " 'io.pactport.tag.added.v1' AND event_key = '" + consumer + "'"))
                .isEqualTo(2);
        assertThat(count(
                        database,
                        "SELECT count(*) FROM pactport_outbox WHERE event_type ="
                                + " 'io.pactport.pact.published.v1' AND payload->>'branch' = 'main'"
                                + " AND payload->'tags' = '[\"dev\", \"prod\"]'::jsonb AND event_key = '" + consumer
                                + "/" + provider
                                + "'"))
                .isEqualTo(1);

        json = post(body).statusCode(200).extract().jsonPath();
        assertThat(json.getString("notices[0].text")).startsWith("Updated " + consumer);
        assertThat(json.getList("notices.text", String.class))
                .anySatisfy(item -> assertThat(item).contains("with no content changes"));
    }

    @Test
    void withTagsAndNoBranchTheFirstTagBecomesTheBranchAndTheMainBranchSoMainBranchSelectorsFindThePact() {
        String consumer = unique("Foo");
        String provider = unique("Bar");
        // what pact-broker publish --tag master --tag dev sends without --branch
        post("""
                {"pacticipantName":"%s","pacticipantVersionNumber":"1","tags":["master","dev"],"contracts":[%s]}""".formatted(consumer, contract(consumer, provider, base64(pact(consumer, provider, "a request")))))
                .statusCode(200);

        String pacticipant = "(SELECT id FROM pacticipants WHERE name = '" + consumer + "')";
        assertThat(text(
                        database,
                        "SELECT string_agg(branch_name || ':' || auto_created, ',') FROM branch_versions"
                                + " WHERE pacticipant_id = " + pacticipant))
                .isEqualTo("master:true");
        assertThat(count(
                        database,
                        "SELECT count(*) FROM branch_heads WHERE branch_name = 'master' AND pacticipant_id = "
                                + pacticipant))
                .isEqualTo(1);
        assertThat(text(database, "SELECT main_branch FROM pacticipants WHERE id = " + pacticipant))
                .isEqualTo("master");
        assertThat(count(
                        database,
                        "SELECT count(*) FROM pactport_outbox WHERE event_type ="
                                + " 'io.pactport.pact.published.v1' AND payload->>'branch' = 'master' AND event_key = '"
                                + consumer
                                + "/" + provider + "'"))
                .isEqualTo(1);

        List<String> names = given().contentType("application/json")
                .body("{\"consumerVersionSelectors\":[{\"mainBranch\":true}]}")
                .when()
                .post("/pacts/provider/{p}/for-verification", provider)
                .then()
                .statusCode(200)
                .extract()
                .path("_embedded.pacts._links.self.name");
        assertThat(names).containsExactly("Pact between " + consumer + " (1) and " + provider);
    }

    @Test
    void withABranchNoTagBecomesABranch() {
        String consumer = unique("Foo");
        String provider = unique("Bar");
        post("""
                {"pacticipantName":"%s","pacticipantVersionNumber":"1","branch":"feat/x","tags":["master"],
                 "contracts":[%s]}""".formatted(consumer, contract(consumer, provider, base64(pact(consumer, provider, "a request")))))
                .statusCode(200);

        String pacticipant = "(SELECT id FROM pacticipants WHERE name = '" + consumer + "')";
        assertThat(text(
                        database,
                        "SELECT string_agg(branch_name || ':' || auto_created, ',') FROM branch_versions"
                                + " WHERE pacticipant_id = " + pacticipant))
                .isEqualTo("feat/x:false");
        // a tag named like a main branch candidate still sets the main branch, as the Pact Broker's tag rules do
        assertThat(text(database, "SELECT main_branch FROM pacticipants WHERE id = " + pacticipant))
                .isEqualTo("master");
    }

    @Test
    void changedContentForThePublishedVersionIsA409WithNoticesAndNothingWritten() {
        String consumer = unique("Foo");
        String provider = unique("Bar");
        post(request(consumer, "1", contract(consumer, provider, base64(pact(consumer, provider, "a request")))))
                .statusCode(200);
        Map<String, Long> before = counts(database);

        JsonPath json = post(request(
                        consumer, "1", contract(consumer, provider, base64(pact(consumer, provider, "changed")))))
                .statusCode(409)
                .extract()
                .jsonPath();
        assertThat(json.getString("notices[0].type")).isEqualTo("error");
        assertThat(json.getString("errors.contracts[0]")).contains("Cannot change the content of the pact");

        assertThat(counts(database)).isEqualTo(before);
    }

    @Test
    void everyInvalidFieldIsReportedAndNothingWritten() {
        String consumer = unique("Foo");
        String provider = unique("Bar");
        Map<String, Long> before = counts(database);

        JsonPath json = post(request(consumer, "1", contract(consumer, provider, "not base64!")))
                .statusCode(400)
                .extract()
                .jsonPath();
        assertThat(json.getString("errors.'contracts.0.content'[0]")).isEqualTo("is not valid Base64");
        json = post(request(consumer, "1", contract(consumer, provider, base64("this is not json"))))
                .statusCode(400)
                .extract()
                .jsonPath();
        assertThat(json.getString("errors.'contracts.0.content'[0]"))
                .startsWith("could not be parsed as application/json");
        json = post(request(consumer, "1", contract("Someone", provider, base64(pact("Someone", provider, "a")))))
                .statusCode(400)
                .extract()
                .jsonPath();
        assertThat(json.getString("errors.'contracts.0.consumerName'[0]"))
                .isEqualTo("consumerName ('Someone') must match" + " pacticipantName ('" + consumer + "')");
        json = post("""
                {"pacticipantName":"%s","contracts":[]}""".formatted(consumer)).statusCode(400).extract().jsonPath();
        assertThat(json.getString("errors.pacticipantVersionNumber[0]")).isEqualTo("is missing");
        json = post(request(consumer, "1\\n2", contract(consumer, provider, base64(pact(consumer, provider, "a")))))
                .statusCode(400)
                .extract()
                .jsonPath();
        assertThat(json.getString("errors.pacticipantVersionNumber[0]")).isEqualTo("cannot contain multiple lines");
        json = post("{\"pacticipantName\": ").statusCode(400).extract().jsonPath();
        assertThat(json.getString("error")).startsWith("Error parsing JSON");
        json = given().contentType("text/plain")
                .body(request(consumer, "1", ""))
                .when()
                .post("/contracts/publish")
                .then()
                .statusCode(415)
                .extract()
                .jsonPath();
        assertThat(json.getString("error")).contains("text/plain");

        assertThat(counts(database)).isEqualTo(before);
    }

    @Test
    void aBodyOverTheLimitIsRefusedWith413AndAMessage() {
        Map<String, Long> before = counts(database);
        byte[] huge = new byte[11 * 1024 * 1024];
        java.util.Arrays.fill(huge, (byte) ' ');

        JsonPath json = given().contentType("application/json")
                .body(huge)
                .when()
                .post("/contracts/publish")
                .then()
                .statusCode(413)
                .extract()
                .jsonPath();
        assertThat(json.getString("error")).contains("at most 10485760 bytes");

        assertThat(counts(database)).isEqualTo(before);
    }
}
