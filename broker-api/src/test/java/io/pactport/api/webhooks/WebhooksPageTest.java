package io.pactport.api.webhooks;

import static io.pactport.api.ApiFixture.createWebhook;
import static io.pactport.api.ApiFixture.disabled;
import static io.pactport.api.ApiFixture.event;
import static io.pactport.api.ApiFixture.pacticipant;
import static io.pactport.api.ApiFixture.publish;
import static io.pactport.api.ApiFixture.unique;
import static io.pactport.api.ApiFixture.webhook;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.pactport.api.BrowserTest;
import io.pactport.api.webhooks.WebhookReceiver.Received;
import io.pactport.core.testing.KafkaResource;
import io.pactport.core.testing.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The webhooks pages in a real browser: the list and a webhook's page show what the API holds, never a secret (the
 * fixture's webhook has a basic-auth password and an Authorization header), and the test, disable and delete buttons do
 * what the API's requests do. The receiver is a local HTTP server, allowed as in {@link WebhookExecutionTest}.
 */
@QuarkusTest
@TestProfile(WebhookExecutionTest.LocalReceiverAllowed.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class WebhooksPageTest extends BrowserTest {

    /** What the fixture's webhook must never show: its password, its bearer token, and its basic-auth token. */
    private static final List<String> SECRETS =
            List.of("p4ssw0rd", "secret-token", Base64.getEncoder().encodeToString("user:p4ssw0rd".getBytes()));

    private static final WebhookReceiver RECEIVER = new WebhookReceiver();

    @AfterAll
    static void stopReceiver() {
        RECEIVER.close();
    }

    @Test
    void theListShowsEachWebhooksScopeEventsAndLastRunWithoutSecrets() {
        String consumer = unique("Web");
        String provider = unique("Orders");
        String ran = integrationWebhook(consumer, provider, "/list");
        publish(consumer, provider, "1.0.0", "a");
        String label = unique("team");
        String labelled = createWebhook(disabled(webhook(
                "\"provider\":{\"label\":\"" + label + "\"},", receiverUrl("/x"), event("contract_published"))));
        awaitRun(ran, "success");

        browser.get("/webhooks");

        assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("Webhooks");
        WebElement row = row(ran);
        assertThat(cell(row, "description")).isEqualTo("a webhook");
        assertThat(cell(row, "consumer")).isEqualTo(consumer);
        assertThat(cell(row, "provider")).isEqualTo(provider);
        assertThat(cell(row, "events")).isEqualTo("contract_published");
        assertThat(cell(row, "enabled")).isEqualTo("✔ enabled");
        assertThat(cell(row, "last-run")).contains("✔ success", "contract_published");
        assertThat(row.findElement(By.cssSelector(".last-run .status")).getAttribute("class"))
                .contains("status-success");
        WebElement other = row(labelled);
        assertThat(cell(other, "consumer")).isEqualTo("all");
        assertThat(cell(other, "provider")).isEqualTo("labelled " + label);
        assertThat(cell(other, "enabled")).isEqualTo("○ disabled");
        assertThat(cell(other, "last-run")).isEqualTo("– never run");
        assertThat(browser.driver().getPageSource()).doesNotContain(SECRETS);
        assertThat(browser.consoleErrors()).isEmpty();
        browser.screenshot("webhooks");
    }

    @Test
    void aWebhooksPageShowsItsRequestMaskedAndItsRunsNewestFirstWithTheirLogs() {
        String consumer = unique("Web");
        String provider = unique("Orders");
        String uuid = integrationWebhook(consumer, provider, "/detail");
        publish(consumer, provider, "1.0.0", "a");
        awaitRun(uuid, "success");
        RECEIVER.answer("/" + consumer + "/detail", 500, 500, 500);
        publish(consumer, provider, "2.0.0", "b");
        awaitRun(uuid, "failure");

        browser.get("/webhooks/" + uuid);

        assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("a webhook");
        assertThat(browser.driver().findElement(By.id("webhook-facts")).getText())
                .contains("A webhook for the pact between " + consumer + " and " + provider, "contract_published");
        assertThat(browser.driver().findElement(By.id("webhook-request")).getText())
                .contains("POST", receiverUrl("/" + consumer + "/detail"), "user", "**********");
        assertThat(browser.driver().findElements(By.cssSelector("#webhook-headers tbody tr")))
                .extracting(WebElement::getText)
                .containsExactly("content-type application/json", "authorization **********");
        assertThat(browser.driver().findElement(By.id("webhook-body")).getText())
                .contains("${pactbroker.pactUrl}");
        List<WebElement> runs = browser.driver().findElements(By.cssSelector("#webhook-history tbody tr"));
        assertThat(runs).extracting(r -> cell(r, "status-cell")).containsExactly("✘ failure", "✔ success");
        List<WebElement> logs = runs.get(1).findElements(By.tagName("details"));
        assertThat(logs).hasSize(1);
        logs.get(0).findElement(By.tagName("summary")).click();
        assertThat(logs.get(0).findElement(By.tagName("pre")).getText())
                .contains("POST " + receiverUrl("/" + consumer + "/detail"));
        // the first attempt and the profile's two retries, newest first
        assertThat(runs.get(0).findElements(By.cssSelector("details summary")))
                .extracting(WebElement::getText)
                .hasSize(3)
                .allMatch(summary -> summary.startsWith("✘ failed"));
        assertThat(browser.driver().getPageSource()).doesNotContain(SECRETS);
        assertThat(browser.consoleErrors()).isEmpty();
        browser.screenshot("webhook");
    }

    @Test
    void theTestButtonRunsTheWebhookAsTheApiDoesAndShowsItsLogWithoutSecrets() {
        String consumer = unique("Web");
        String provider = unique("Orders");
        String uuid = integrationWebhook(consumer, provider, "/test");
        browser.get("/webhooks/" + uuid);

        browser.driver().findElement(By.id("webhook-test")).click();

        WebElement result = browser.waiting().until(d -> d.findElement(By.id("webhook-test-result")));
        assertThat(result.findElement(By.cssSelector(".status")).getText()).isEqualTo("✔ success");
        assertThat(result.getText()).contains("HTTP 200");
        assertThat(browser.driver().findElement(By.id("webhook-test-log")).getText())
                .contains("POST " + receiverUrl("/" + consumer + "/test"), "Successfully executed webhook");
        List<Received> sent = RECEIVER.matching(r -> r.uri().equals("/" + consumer + "/test"));
        assertThat(sent).hasSize(1);
        // the receiver got the real credentials (basic auth wins over the Authorization header), the page none
        assertThat(sent.get(0).header("Authorization")).isEqualTo("Basic " + SECRETS.get(2));
        assertThat(browser.driver().getPageSource()).doesNotContain(SECRETS);
        assertThat(browser.consoleErrors()).isEmpty();
        browser.screenshot("webhook-tested");
    }

    @Test
    void disablingAndDeletingFromThePageAreSeenThroughTheApi() {
        String uuid = integrationWebhook(unique("Web"), unique("Orders"), "/off");
        browser.get("/webhooks/" + uuid);

        browser.driver().findElement(By.id("webhook-enable")).click();

        browser.waiting()
                .until(d -> d.findElement(By.cssSelector("#webhook-facts .enabled"))
                        .getText()
                        .contains("disabled"));
        given().accept("application/hal+json")
                .get("/webhooks/{uuid}", uuid)
                .then()
                .statusCode(200)
                .body("enabled", org.hamcrest.Matchers.is(false));
        assertThat(browser.driver().findElement(By.id("webhook-enable")).getText())
                .isEqualTo("Enable");

        browser.driver().findElement(By.id("webhook-delete")).click();
        assertThat(browser.driver().switchTo().alert().getText()).contains("Delete the webhook", "a webhook");
        browser.driver().switchTo().alert().accept();

        browser.waiting().until(d -> d.findElement(By.tagName("h1")).getText().equals("Webhooks"));
        assertThat(browser.driver().findElements(By.cssSelector("tr[data-uuid='" + uuid + "']")))
                .isEmpty();
        given().accept("application/hal+json")
                .get("/webhooks/{uuid}", uuid)
                .then()
                .statusCode(404);
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void aBadEnabledValueIsRefusedAndChangesNothing() {
        String uuid = integrationWebhook(unique("Web"), unique("Orders"), "/bad");
        browser.get("/webhooks/" + uuid);
        String action = browser.driver()
                .findElement(By.cssSelector("form[action*='/enabled']"))
                .getAttribute("action");

        var refused = given().redirects()
                .follow(false)
                .header("Sec-Fetch-Site", "same-origin")
                .formParam("enabled", "maybe")
                .post(action);

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("text/html");
        assertThat(refused.body().asString()).contains("enabled: must be true or false");
        given().accept("application/hal+json")
                .get("/webhooks/{uuid}", uuid)
                .then()
                .body("enabled", org.hamcrest.Matchers.is(true));
    }

    @Test
    void descriptionsAndNamesThatLookLikeHtmlAreShownAsText() {
        String consumer = unique("<img src=x onerror=alert(1)>");
        String provider = unique("<script>document.title='owned'</script>");
        pacticipant(consumer);
        pacticipant(provider);
        String body = webhook(
                        "\"consumer\":{\"name\":\"" + consumer + "\"},\"provider\":{\"name\":\"" + provider + "\"},",
                        receiverUrl("/html"),
                        event("contract_published"))
                .replace("\"a webhook\"", "\"<script>document.title='owned'</script>\"");
        String uuid = createWebhook(body);

        for (String page : new String[] {"/webhooks", "/webhooks/" + uuid}) {
            browser.get(page);
            assertThat(browser.driver().getTitle()).as(page).endsWith("· Pactport");
            assertThat(browser.driver().findElements(By.cssSelector("main img")))
                    .as(page)
                    .isEmpty();
            assertThat(browser.driver().findElement(By.tagName("main")).getText())
                    .as(page)
                    .contains(consumer, provider, "<script>document.title='owned'</script>");
            assertThat(browser.driver().getPageSource()).as(page).doesNotContain("<img src=x");
            assertThat(browser.consoleErrors()).as(page).isEmpty();
        }
    }

    // ---- fixtures

    /** A webhook for the integration, calling the receiver at {@code /<consumer><path>} on a publication. */
    private static String integrationWebhook(String consumer, String provider, String path) {
        pacticipant(consumer);
        pacticipant(provider);
        return createWebhook(webhook(
                "\"consumer\":{\"name\":\"" + consumer + "\"},\"provider\":{\"name\":\"" + provider + "\"},",
                receiverUrl("/" + consumer + path),
                event("contract_published")));
    }

    private static String receiverUrl(String path) {
        return "http://localhost:" + RECEIVER.port() + path;
    }

    /** Waits for the webhook's newest run to end in this status, reading the API as a client would. */
    private void awaitRun(String uuid, String status) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(40))
                .pollingEvery(Duration.ofMillis(300))
                .until(d -> {
                    browser.get("/webhooks/" + uuid);
                    List<WebElement> cells = d.findElements(By.cssSelector("#webhook-history tbody tr .status"));
                    return !cells.isEmpty() && cells.get(0).getText().contains(status);
                });
    }

    private WebElement row(String uuid) {
        return browser.driver().findElement(By.cssSelector("#webhooks tr[data-uuid='" + uuid + "']"));
    }

    private static String cell(WebElement row, String name) {
        return row.findElement(By.cssSelector("td." + name)).getText().trim();
    }
}
