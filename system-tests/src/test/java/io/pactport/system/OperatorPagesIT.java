package io.pactport.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pactport.core.testing.Browser;
import io.pactport.core.testing.TestDatabase;
import io.pactport.core.testing.TestKafka;
import io.pactport.core.testing.TestPostgres;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The operations pages in a real browser against the packaged suite: broker-api reads migration-service's records
 * from the database it shares with it, and retention-service and parallel-sync-service (with one old Pact Broker) over
 * HTTP at the addresses it is configured with.
 */
class OperatorPagesIT {

    private static final Duration START = Duration.ofSeconds(90);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static ServiceProcess oldBroker;
    private static ServiceProcess retention;
    private static ServiceProcess sync;
    private static ServiceProcess api;
    private static String consumer;

    private Browser browser;

    @BeforeAll
    static void startTheSuite() throws Exception {
        TestDatabase db = TestPostgres.newDatabase("operator_pages");
        Map<String, String> env = new HashMap<>(
                Map.of("PACTFLOW_DATABASE_URL", db.rubyUrl(), "KAFKA_BOOTSTRAP_SERVERS", TestKafka.bootstrapServers()));
        try (ServiceProcess migrate = ServiceProcess.start("migration-service", env, "migrate")) {
            assertThat(migrate.awaitExit(START)).as(migrate.output()).isZero();
        }
        try (ServiceProcess verify = ServiceProcess.start("migration-service", env, "verify")) {
            assertThat(verify.awaitExit(START)).as(verify.output()).isZero();
        }
        // the old broker's own events must not reach the suite's topics
        oldBroker = ServiceProcess.start(
                "broker-api",
                Map.of(
                        "PACTFLOW_DATABASE_URL",
                        TestPostgres.newDatabase("operator_pages_old").rubyUrl(),
                        "PACTFLOW_DATABASE_AUTO_MIGRATE",
                        "true",
                        "KAFKA_BOOTSTRAP_SERVERS",
                        "127.0.0.1:" + ServiceProcess.freePort()));
        oldBroker.awaitAnswer("/q/health/live", START);

        int apiPort = ServiceProcess.freePort();
        retention = ServiceProcess.start("retention-service", env);
        retention.awaitReady(START);
        Map<String, String> syncEnv = new HashMap<>(env);
        syncEnv.put("PACTFLOW_SYNC_PACTPORT_URL", "http://127.0.0.1:" + apiPort);
        syncEnv.put("PACTFLOW_SYNC_TARGETS_0__NAME", "old-broker");
        syncEnv.put("PACTFLOW_SYNC_TARGETS_0__URL", "http://127.0.0.1:" + oldBroker.port);
        syncEnv.put("PACTFLOW_SYNC_TIMEOUT", "5s");
        sync = ServiceProcess.start("parallel-sync-service", syncEnv);
        sync.awaitReady(START);
        Map<String, String> apiEnv = new HashMap<>(env);
        apiEnv.put("PACTFLOW_UI_RETENTION_URL", "http://127.0.0.1:" + retention.port);
        apiEnv.put("PACTFLOW_UI_SYNC_URL", "http://127.0.0.1:" + sync.port);
        apiEnv.put("PACTFLOW_UI_SERVICE_TIMEOUT", "20s");
        api = ServiceProcess.startOn(apiPort, "broker-api", apiEnv);
        api.awaitReady(START);

        consumer = "ops-web-" + UUID.randomUUID().toString().substring(0, 8);
        for (String version : List.of("1.0.0", "2.0.0", "3.0.0")) {
            HttpResponse<String> published = api.send(
                    "PUT",
                    "/pacts/provider/ops-stock/consumer/" + consumer + "/version/" + version,
                    """
                    {"consumer":{"name":"%s"},"provider":{"name":"ops-stock"},
                     "interactions":[{"description":"v%s","request":{"method":"GET","path":"/"},
                                      "response":{"status":200}}],
                     "metadata":{"pactSpecification":{"version":"2.0.0"}}}""".formatted(consumer, version),
                    "Content-Type",
                    "application/json");
            assertThat(published.statusCode()).as(published.body()).isEqualTo(201);
        }
    }

    @AfterAll
    static void stopTheSuite() throws InterruptedException {
        for (ServiceProcess service : new ServiceProcess[] {api, sync, retention, oldBroker}) {
            if (service != null) {
                service.close();
            }
        }
    }

    @BeforeEach
    void openBrowser() {
        browser = Browser.open("http://127.0.0.1:" + api.port);
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void everyOperationsPageLoadsWithTheOtherServicesDataAndNoConsoleError() {
        browser.get("/operations");
        assertThat(text("#last-verify")).contains("✔ nothing was lost");
        assertThat(text("#outbox-facts")).contains("Unsent events");
        browser.screenshot("operations-suite");

        browser.get("/operations/sync");
        assertThat(text("#targets tbody tr[data-target='old-broker']")).contains("old-broker", "none waiting");
        browser.screenshot("operations-sync");

        browser.get("/operations/cutover");
        assertThat(text("#cutover tbody tr[data-target='old-broker']")).contains("old-broker");
        assertThat(text("#shadow-summary")).contains("asked of the old brokers");
        browser.screenshot("operations-cutover");

        browser.get("/operations/retention");
        assertThat(text("#schedule-enabled")).contains("off");
        assertThat(browser.driver().findElements(By.cssSelector("[role=alert]")))
                .as("no section says its service is unreachable")
                .isEmpty();
        browser.screenshot("operations-retention");
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void theRetentionPreviewShowsExactlyWhatPostRetentionPreviewAnswersForTheSameSelectors() throws Exception {
        String selectors = "[{\"latest\":true},{\"max_age\":30}]";
        browser.get("/operations/retention");
        WebElement field = browser.driver().findElement(By.id("selectors"));
        field.clear();
        field.sendKeys(selectors);
        browser.driver()
                .findElement(By.cssSelector("#preview-form button[type=submit]"))
                .click();
        browser.waiting().until(d -> !d.findElements(By.id("preview-counts")).isEmpty());

        HttpResponse<String> answered =
                retention.send("POST", "/retention/preview", selectors, "Content-Type", "application/json");
        assertThat(answered.statusCode()).as(answered.body()).isEqualTo(200);
        JsonNode preview = JSON.readTree(answered.body());
        JsonNode counts = preview.get("counts");
        assertThat(text("#total-versions"))
                .isEqualTo(counts.get("totalVersions").asText());
        assertThat(text("#versions-to-delete"))
                .isEqualTo(counts.get("versionsToDelete").asText());
        assertThat(text("#versions-not-to-keep"))
                .isEqualTo(counts.get("versionsNotToKeep").asText());
        assertThat(text("#versions-to-keep"))
                .isEqualTo(counts.get("versionsToKeep").asText());
        List<String> bySelector = new java.util.ArrayList<>();
        counts.get("versionsToKeepBySelector")
                .forEach(s ->
                        bySelector.add(s.get("selector") + " " + s.get("count").asText()));
        assertThat(browser.driver().findElements(By.cssSelector("#by-selector tbody tr")))
                .extracting(row -> row.findElement(By.tagName("code")).getText() + " "
                        + row.findElement(By.cssSelector(".count")).getText())
                .containsExactlyElementsOf(bySelector);
        List<String> perPacticipant = new java.util.ArrayList<>();
        preview.get("versionSummary")
                .fields()
                .forEachRemaining(p -> perPacticipant.add(p.getKey() + " "
                        + p.getValue().path("toDelete").path("count").asText() + " "
                        + p.getValue().path("toKeep").path("count").asText()));
        assertThat(browser.driver().findElements(By.cssSelector("#by-pacticipant tbody tr")))
                .extracting(row -> row.getAttribute("data-pacticipant") + " "
                        + row.findElement(By.cssSelector(".to-delete")).getText() + " "
                        + row.findElement(By.cssSelector(".to-keep")).getText())
                .containsExactlyElementsOf(perPacticipant);
        assertThat(perPacticipant).anyMatch(line -> line.startsWith(consumer + " "));
        assertThat(browser.consoleErrors()).isEmpty();
        browser.screenshot("operations-retention-preview");
    }

    @Test
    void aPreviewOfSelectorsRetentionServiceRefusesShowsItsReasonBesideTheForm() {
        browser.get("/operations/retention?preview=true&selectors=%5B%7B%22nonsense%22%3Atrue%7D%5D");

        assertThat(text("#preview-problem")).startsWith("retention-service answered 400");
        assertThat(browser.driver().findElement(By.id("selectors")).getAttribute("value"))
                .isEqualTo("[{\"nonsense\":true}]");
    }

    @Test
    void theReDriveButtonAsksThenAnswersWithTheReDrivesOutcome() {
        browser.get("/operations/sync");
        browser.driver().findElement(By.id("redrive-all")).click();
        assertThat(browser.driver().switchTo().alert().getText()).contains("dead letters");
        browser.driver().switchTo().alert().accept();
        browser.waiting().until(d -> !d.findElements(By.id("outcome")).isEmpty());

        assertThat(text("#outcome")).startsWith("Re-drove the dead letters of 1 target:");
        assertThat(browser.driver().getCurrentUrl()).contains("/operations/sync?redriven=1");
        assertThat(browser.consoleErrors()).isEmpty();
        browser.screenshot("operations-sync-redriven");
    }

    private String text(String css) {
        return browser.driver().findElement(By.cssSelector(css)).getText();
    }
}
