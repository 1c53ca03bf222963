package io.pactport.api.pacts;

import static io.pactport.api.ApiFixture.branch;
import static io.pactport.api.ApiFixture.count;
import static io.pactport.api.ApiFixture.counts;
import static io.pactport.api.ApiFixture.execute;
import static io.pactport.api.ApiFixture.pact;
import static io.pactport.api.ApiFixture.putPact;
import static io.pactport.api.ApiFixture.tag;
import static io.pactport.api.ApiFixture.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.pactport.core.testing.KafkaResource;
import io.pactport.core.testing.PostgresResource;
import io.pactport.core.testing.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Deleting an integration's pacts as the Pact Broker 2.120 does (all, by tag, by branch, one consumer version): what
 * goes from the tables (every revision, with the webhook rows naming it; the content stays), the answer, and the
 * {@code pact.deleted} events in the outbox. Versions 1 to 4 are published: 1 and 2 on main, 3 and 4 on feat-x, 1 and 3
 * tagged prod.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class PactDeletionTest {

    private static final String HAL = "application/hal+json;charset=utf-8";

    TestDatabase database;

    private String consumer;
    private String provider;
    private String integration;

    @BeforeEach
    void publish() {
        consumer = unique("DeleteConsumer");
        provider = unique("DeleteProvider");
        integration = "/pacts/provider/" + provider + "/consumer/" + consumer;
        for (String version : new String[] {"1", "2", "3", "4"}) {
            putPact(consumer, provider, version, pact(consumer, provider, "request " + version))
                    .statusCode(201);
        }
        branch(consumer, "main", "1");
        branch(consumer, "main", "2");
        branch(consumer, "feat-x", "3");
        branch(consumer, "feat-x", "4");
        tag(consumer, "1", "prod");
        tag(consumer, "3", "prod");
    }

    private List<String> versionsWithPacts() {
        return given().get(integration + "/versions")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("_embedded.pacts._embedded.consumerVersion.number");
    }

    /** The pact.deleted events for the integration, each as "scope consumerVersionNumber". */
    private List<String> deletedEvents() {
        List<String> events = new ArrayList<>();
        String sql = "SELECT payload->>'scope', payload->>'consumerVersionNumber' FROM pactport_outbox"
                + " WHERE event_type = 'io.pactport.pact.deleted.v1' AND event_key = '" + consumer + "/" + provider
                + "' ORDER BY id";
        try (Connection connection = database.connect();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                events.add(rows.getString(1) + " " + rows.getString(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
        return events;
    }

    private long publications() {
        return count(
                database,
                "SELECT count(*) FROM pact_publications WHERE consumer_id ="
                        + " (SELECT id FROM pacticipants WHERE name = '" + consumer + "')");
    }

    private long contents() {
        return count(
                database,
                "SELECT count(*) FROM pact_versions WHERE consumer_id ="
                        + " (SELECT id FROM pacticipants WHERE name = '" + consumer + "')");
    }

    /** A webhook run the publication of version 2 set off, as the webhook executor records it. */
    private void triggerWebhookForVersion2() {
        String ofVersion2 = "(SELECT pp.id FROM pact_publications pp JOIN versions v ON v.id = pp.consumer_version_id"
                + " WHERE v.number = '2' AND pp.consumer_id = v.pacticipant_id AND v.pacticipant_id ="
                + " (SELECT id FROM pacticipants WHERE name = '" + consumer + "'))";
        execute(
                database,
                "INSERT INTO triggered_webhooks (trigger_uuid, trigger_type, pact_publication_id,"
                        + " webhook_uuid, consumer_id, provider_id, status, created_at, updated_at) SELECT 'trigger-"
                        + consumer + "', 'publication', id, 'hook-" + consumer
                        + "', consumer_id, provider_id, 'success',"
                        + " now(), now() FROM pact_publications WHERE id = " + ofVersion2);
    }

    private static JsonPath deletedWithLinks(Response response) {
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.contentType()).isEqualTo(HAL);
        return response.jsonPath();
    }

    @Test
    void deletingTheVersionsListDeletesEveryPactWithOneAllVersionsEvent() {
        given().delete(integration + "/versions").then().statusCode(204);

        assertThat(publications()).isZero();
        assertThat(contents()).isEqualTo(4);
        assertThat(versionsWithPacts()).isEmpty();
        assertThat(deletedEvents()).containsExactly("all-versions null");
        assertThat(given().get(integration + "/latest").statusCode()).isEqualTo(404);
    }

    @Test
    void deletingByTagDeletesTheTaggedVersionsPactsWithAnEventForEach() {
        JsonPath body = deletedWithLinks(given().delete(integration + "/tag/prod"));

        assertThat(versionsWithPacts()).containsExactly("4", "2");
        assertThat(deletedEvents()).containsExactly("consumer-version 1", "consumer-version 3");
        assertThat(body.getString("_links.index.href")).matches("https?://[^/]+");
        assertThat(body.getString("_links.'pb:latest-pact-version'.href")).endsWith(integration + "/latest");
        assertThat(body.getString("_links.'pb:latest-pact-version'.title")).isEqualTo("Latest pact");
    }

    @Test
    void deletingByBranchDeletesTheBranchVersionsPactsWithAnEventForEach() {
        deletedWithLinks(given().delete(integration + "/branch/feat-x"));

        assertThat(versionsWithPacts()).containsExactly("2", "1");
        assertThat(deletedEvents()).containsExactly("consumer-version 3", "consumer-version 4");
    }

    @Test
    void deletingOneVersionsPactDeletesEveryRevisionAndTheWebhookRowsNamingIt() {
        triggerWebhookForVersion2();
        execute(
                database,
                "INSERT INTO webhook_executions (pact_publication_id, consumer_id, provider_id, success,"
                        + " created_at, triggered_webhook_id) SELECT pact_publication_id, consumer_id, provider_id, true, now(),"
                        + " id FROM triggered_webhooks WHERE trigger_uuid = 'trigger-" + consumer + "'");

        JsonPath body = deletedWithLinks(given().delete(integration + "/version/2"));

        assertThat(versionsWithPacts()).containsExactly("4", "3", "1");
        assertThat(deletedEvents()).containsExactly("consumer-version 2");
        assertThat(count(
                        database,
                        "SELECT count(*) FROM triggered_webhooks WHERE trigger_uuid = 'trigger-" + consumer + "'"))
                .isZero();
        assertThat(body.getString("_links.'pb:latest-pact-version'.href")).endsWith(integration + "/latest");
        assertThat(given().get(integration + "/version/2").statusCode()).isEqualTo(404);
    }

    @Test
    void aWebhookRunRecordedWhileThePactIsDeletedDoesNotStopTheDelete() throws Exception {
        triggerWebhookForVersion2();
        try (Connection executor = database.connect();
                Statement statement = executor.createStatement()) {
            // the executor records a run against the trigger and has not committed when the delete starts
            executor.setAutoCommit(false);
            statement.execute("INSERT INTO webhook_executions (triggered_webhook_id, success, logs, created_at)"
                    + " SELECT id, true, 'ran', now() FROM triggered_webhooks WHERE trigger_uuid = 'trigger-"
                    + consumer + "'");
            CompletableFuture<Response> delete =
                    CompletableFuture.supplyAsync(() -> given().delete(integration + "/version/2"));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (count(database, "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'") == 0
                    && !delete.isDone()
                    && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            executor.commit();

            assertThat(delete.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        }
        assertThat(versionsWithPacts()).containsExactly("4", "3", "1");
        assertThat(count(
                        database,
                        "SELECT count(*) FROM triggered_webhooks WHERE trigger_uuid = 'trigger-" + consumer + "'"))
                .isZero();
    }

    @Test
    void afterTheLastPactGoesTheAnswerLinksOnlyToTheIndex() {
        given().delete(integration + "/branch/main").then().statusCode(200);

        JsonPath body = deletedWithLinks(given().delete(integration + "/branch/feat-x"));

        assertThat(body.getMap("_links")).containsOnlyKeys("index");
        assertThat(publications()).isZero();
    }

    @Test
    void aDeleteThatMatchesNothingChangesNothing() {
        Map<String, Long> before = counts(database);

        deletedWithLinks(given().delete(integration + "/tag/none"));

        assertThat(counts(database)).isEqualTo(before);
    }

    @Test
    void deletesNamingWhatDoesNotExistAre404InJsonAndChangeNothing() {
        Map<String, Long> before = counts(database);
        Map<String, String> refusals = Map.of(
                integration + "/version/9", "No pact found between " + consumer + " version 9 and " + provider,
                "/pacts/provider/" + provider + "/consumer/nobody/tag/prod", "No consumer with name 'nobody' found",
                "/pacts/provider/nobody/consumer/" + consumer + "/branch/main", "No provider with name 'nobody' found",
                "/pacts/provider/nobody/consumer/" + consumer + "/versions", "No provider with name 'nobody' found");

        refusals.forEach((path, message) -> {
            Response response = given().delete(path);
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.contentType()).as(path).startsWith("application/json");
            assertThat(response.jsonPath().getString("error")).as(path).isEqualTo(message);
        });
        assertThat(counts(database)).isEqualTo(before);
    }

    @Test
    void deletingTheMainBranchFormsDeletesTheMainBranchsPactsOnly() {
        deletedWithLinks(given().delete(integration + "/branch/versions"));

        assertThat(versionsWithPacts()).containsExactly("4", "3");
        assertThat(deletedEvents()).containsExactly("consumer-version 1", "consumer-version 2");
        deletedWithLinks(given().delete(integration + "/branch/latest/versions"));
        assertThat(versionsWithPacts()).containsExactly("4", "3");
    }

    @Test
    void deletingABranchsLatestListDeletesEveryPactOnTheBranch() {
        deletedWithLinks(given().delete(integration + "/branch/feat-x/latest/versions"));

        assertThat(versionsWithPacts()).containsExactly("2", "1");
        assertThat(deletedEvents()).containsExactly("consumer-version 3", "consumer-version 4");
    }

    @Test
    void theDeprecatedPathsPublishMergeAndDeleteAsTheCurrentOnes() {
        given().contentType("application/json")
                .body(pact(consumer, provider, "request 5"))
                .put(integration + "/versions/5")
                .then()
                .statusCode(201);
        given().contentType("application/json")
                .body(pact(consumer, provider, "request 6"))
                .put("/pact/provider/" + provider + "/consumer/" + consumer + "/version/6")
                .then()
                .statusCode(201);
        given().contentType("application/json")
                .body(pact(consumer, provider, "another request"))
                .patch(integration + "/versions/6?ignored=1")
                .then()
                .statusCode(200);
        assertThat(given().get(integration + "/version/6").asString()).contains("another request", "request 6");

        given().delete("/pact/provider/" + provider + "/consumer/" + consumer + "/version/5")
                .then()
                .statusCode(200);
        given().delete(integration + "/versions/6").then().statusCode(200);
        assertThat(versionsWithPacts()).containsExactly("4", "3", "2", "1");
        assertThat(deletedEvents()).containsExactly("consumer-version 5", "consumer-version 6");
    }
}
