package io.pactport.api.operations;

import static io.pactport.api.ApiFixture.count;
import static io.pactport.api.ApiFixture.execute;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.pactport.api.BrowserTest;
import io.pactport.api.ui.Csrf;
import io.pactport.core.testing.KafkaResource;
import io.pactport.core.testing.PostgresResource;
import io.pactport.core.testing.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The operations pages without the other services: migration-service's records and the outbox come from this database;
 * retention-service and parallel-sync-service are configured at a closed port in tests, so their sections say so.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class OperationsPageTest extends BrowserTest {

    /** OutboxRelay's advisory lock: while a test holds it, the relay sends nothing, so the backlog stands still. */
    private static final long RELAY_LOCK = 166_129_335L;

    TestDatabase database;

    @Inject
    Csrf csrf;

    @Test
    void migrationShowsTheSchemaTakenOverTheBaselineAndTheLastVerifyWithItsFindingsAsText() {
        execute(
                database,
                "INSERT INTO pactport_migration_baseline (table_name, columns, row_count, checksum,"
                        + " schema_version, recorded_at) VALUES ('versions', '{id}', 1234, 0, 20260217, '2026-01-02T03:04:05Z')");
        execute(
                database,
                "INSERT INTO pactport_migration_verifications (ok, tables_checked, tables_failed,"
                        + " pacts_read, pact_failures, sha_differences, findings) VALUES (false, 1, 1, 77, 0, 2, ?)",
                "versions: <script>alert(1)</script> 1 of 1234 rows missing\n<img src=x onerror=alert(2)>");
        try {
            browser.get("/operations");

            assertThat(text("h1")).isEqualTo("Operations");
            assertThat(text("#migration-facts"))
                    .contains("Pact Broker schema 20260217 (Pact Broker 2.119–2.120)")
                    .contains("2026-01-02T03:04:05Z")
                    .contains("1234 rows in 1 tables");
            assertThat(text("#last-verify"))
                    .contains("✘ failed")
                    .contains("1 tables checked, 1 differ; 77 pacts read, 0 do not read back, 2 with a stored SHA");
            assertThat(browser.driver().findElements(By.cssSelector("#last-verify .findings li")))
                    .extracting(e -> e.getText())
                    .containsExactly(
                            "versions: <script>alert(1)</script> 1 of 1234 rows missing",
                            "<img src=x onerror=alert(2)>");
            assertThat(browser.driver().findElements(By.cssSelector("main img")))
                    .isEmpty();
            assertThat(browser.consoleErrors()).isEmpty();
            browser.screenshot("operations");
        } finally {
            execute(database, "DELETE FROM pactport_migration_verifications");
            execute(database, "DELETE FROM pactport_migration_baseline");
        }
    }

    @Test
    void theOutboxSectionCountsTheUnsentEventsAndTheOldestOnesAge() throws SQLException {
        try (Connection lock = database.connect();
                Statement s = lock.createStatement()) {
            s.execute("SELECT pg_advisory_lock(" + RELAY_LOCK + ")");
            try {
                execute(
                        database,
                        "INSERT INTO pactport_outbox (topic, event_key, event_type, payload, created_at,"
                                + " attempts, last_error) VALUES ('pactport.ops-test', 'k', 'ops.test', '{}',"
                                + " now() - interval '3 hours', 2, 'broker down <b>')");
                long unsent = count(database, "SELECT count(*) FROM pactport_outbox WHERE sent_at IS NULL");

                browser.get("/operations");

                assertThat(text("#outbox-unsent")).isEqualTo("✘ " + unsent);
                assertThat(text("#outbox-oldest")).startsWith("about 3 hours old");
                assertThat(text("#outbox-failing")).contains("last error: broker down <b>");
            } finally {
                execute(database, "DELETE FROM pactport_outbox WHERE topic = 'pactport.ops-test'");
                s.execute("SELECT pg_advisory_unlock(" + RELAY_LOCK + ")");
            }
        }
    }

    @Test
    void eachServicesPageSaysTheServiceIsNotReachableAtItsUrlInsteadOfFailing() {
        browser.get("/operations/sync");
        assertThat(text("h1")).isEqualTo("Sync targets");
        assertThat(text("#sync-problem")).startsWith("parallel-sync-service is not reachable at http://127.0.0.1:1");

        browser.get("/operations/cutover");
        assertThat(text("#cutover-problem")).startsWith("parallel-sync-service is not reachable at http://127.0.0.1:1");
        assertThat(text("#shadow-problem")).startsWith("parallel-sync-service is not reachable");

        browser.get("/operations/retention");
        assertThat(text("#retention-problem")).startsWith("retention-service is not reachable at http://127.0.0.1:1");
        assertThat(browser.consoleErrors()).isEmpty();
        browser.screenshot("operations-retention-unreachable");
    }

    @Test
    void aButtonWhoseServiceDoesNotAnswerIsABadGatewayWithTheReasonNotAServerError() {
        String token = csrf.token(null);
        given().accept("text/html")
                .formParam("target", "old-broker")
                .post("/ui/operations/sync/redrive?csrf=" + token)
                .then()
                .statusCode(502)
                .body(org.hamcrest.Matchers.containsString(
                        "Nothing was re-driven: parallel-sync-service is not reachable at http://127.0.0.1:1"));
        given().accept("text/html")
                .post("/ui/operations/retention/run?csrf=" + token)
                .then()
                .statusCode(502)
                .body(org.hamcrest.Matchers.containsString("No run was started: retention-service is not reachable"));
        given().accept("text/html")
                .post("/ui/operations/cutover/backfill?csrf=" + token)
                .then()
                .statusCode(502)
                .body(org.hamcrest.Matchers.containsString("Nothing was backfilled"));
    }

    @Test
    void aPreviewWithADeletionLimitThatIsNoNumberIsA400SayingSoBesideTheForm() {
        given().accept("text/html")
                .get("/operations/retention?preview=true&selectors=&limit=ten")
                .then()
                .statusCode(400)
                .body(org.hamcrest.Matchers.containsString(
                        "The deletion limit must be a whole number, not &#39;ten&#39;."));
    }

    private String text(String css) {
        return browser.driver().findElement(By.cssSelector(css)).getText();
    }
}
