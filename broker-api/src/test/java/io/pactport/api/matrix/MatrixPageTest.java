package io.pactport.api.matrix;

import static io.pactport.api.ApiFixture.deploy;
import static io.pactport.api.ApiFixture.environment;
import static io.pactport.api.ApiFixture.publish;
import static io.pactport.api.ApiFixture.tag;
import static io.pactport.api.ApiFixture.unique;
import static io.pactport.api.ApiFixture.verify;
import static io.pactport.api.ApiFixture.version;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.pactport.api.BrowserTest;
import io.pactport.core.testing.KafkaResource;
import io.pactport.core.testing.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The matrix and can-i-deploy page, in a real browser, at the Pact Broker's addresses. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class MatrixPageTest extends BrowserTest {

    static final String CHROME_ACCEPT =
            "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8";

    @Test
    void showsTheRowsAndTheVerdictOfABookmarkedMatrixQuery() {
        String consumer = unique("Web");
        String provider = unique("Orders");
        String sha = publish(consumer, provider, "1.0.0", "a");
        tag(consumer, "1.0.0", "prod");
        verify(consumer, provider, sha, "7.0.0", true);
        verify(consumer, provider, sha, "7.1.0", false);

        browser.get("/matrix?q%5B%5D%5Bpacticipant%5D=" + consumer + "&q%5B%5D%5Bversion%5D=1.0.0"
                + "&q%5B%5D%5Bpacticipant%5D=" + provider + "&latestby=cvpv");

        var driver = browser.driver();
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Matrix");
        assertThat(driver.findElements(By.cssSelector("#matrix tbody tr"))).hasSize(2);
        WebElement failed = row("1.0.0", "7.1.0");
        assertThat(cell(failed, "Consumer")).isEqualTo(consumer);
        assertThat(cell(failed, "Consumer version")).contains("1.0.0", "prod");
        assertThat(cell(failed, "Provider")).isEqualTo(provider);
        assertThat(cell(failed, "Verification")).isEqualTo("✘ failure");
        assertThat(failed.findElement(By.cssSelector(".status")).getAttribute("class"))
                .contains("status-failure");
        assertThat(failed.findElement(By.cssSelector("td.result a")).getAttribute("href"))
                .contains("/verification-results/");
        assertThat(cell(row("1.0.0", "7.0.0"), "Verification")).isEqualTo("✔ success");
        assertThat(failed.findElement(By.linkText("1.0.0")).getAttribute("href"))
                .endsWith("/pacts/provider/" + provider + "/consumer/" + consumer + "/version/1.0.0");
        assertThat(driver.findElement(By.id("deployable")).getText()).isEqualTo("✘ No");
        assertThat(driver.findElement(By.cssSelector("[data-count='success']")).getText())
                .isEqualTo("1");
        assertThat(driver.findElement(By.cssSelector("[data-count='failed']")).getText())
                .isEqualTo("1");
        assertThat(driver.findElement(By.id("pacticipant-0")).getAttribute("value"))
                .isEqualTo(consumer);
        assertThat(driver.findElement(By.id("latestby-cvpv")).isSelected()).isTrue();
        assertThat(browser.consoleErrors()).isEmpty();
        browser.screenshot("matrix");
    }

    @Test
    void answersWhatTheApiAnswersForVerifiedFailedUnverifiedAndMissingProviders() {
        String prefix = unique("cid");
        String env = environment(prefix + "-prod", true);
        String envName = prefix + "-prod";
        String empty = prefix + "-empty";
        environment(empty, false);
        String provider = prefix + "-orders";
        version(provider, "7.0.0");
        deploy(provider, "7.0.0", env);
        String verified = prefix + "-web";
        verify(verified, provider, publish(verified, provider, "1.0.0", "a"), "7.0.0", true);
        String failed = prefix + "-mobile";
        verify(failed, provider, publish(failed, provider, "1.0.0", "b"), "7.0.0", false);
        String unverified = prefix + "-batch";
        publish(unverified, provider, "1.0.0", "c");

        for (String consumer : List.of(verified, failed, unverified)) {
            for (String environment : List.of(envName, empty)) {
                assertSameAnswer("/can-i-deploy?pacticipant=" + consumer + "&version=1.0.0&environment=" + environment);
                assertSameAnswer("/matrix?q%5B%5D%5Bpacticipant%5D=" + consumer
                        + "&q%5B%5D%5Bversion%5D=1.0.0&latestby=cvpv&environment=" + environment);
            }
            assertSameAnswer("/matrix?q%5B%5D%5Bpacticipant%5D=" + consumer + "&q%5B%5D%5Bversion%5D=1.0.0"
                    + "&q%5B%5D%5Bpacticipant%5D=" + provider + "&q%5B%5D%5Bversion%5D=7.0.0&latestby=cvpv");
        }
        browser.get("/can-i-deploy?pacticipant=" + verified + "&version=1.0.0&environment=" + envName);
        assertThat(browser.driver().findElement(By.id("deployable")).getText()).isEqualTo("✔ Yes");
        browser.get("/can-i-deploy?pacticipant=" + unverified + "&version=1.0.0&environment=" + envName);
        assertThat(browser.driver().findElement(By.id("deployable")).getText()).isEqualTo("? Unknown");
        assertThat(browser.consoleErrors()).isEmpty();
        browser.screenshot("can-i-deploy");
    }

    @Test
    void badSelectorsShowTheApisMessagesWithStatus400() {
        String missing = unique("Nobody");
        String query = "/matrix?q%5B%5D%5Bpacticipant%5D=" + missing + "&q%5B%5D%5Bversion%5D=1&limit=0";
        List<String> apiErrors = given().urlEncodingEnabled(false)
                .accept("application/hal+json")
                .get(query)
                .then()
                .statusCode(400)
                .extract()
                .jsonPath()
                .getList("errors");

        // the query is encoded already, as a browser sends it
        Response page = given().urlEncodingEnabled(false).accept(CHROME_ACCEPT).get(query);
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.contentType()).startsWith("text/html");

        browser.get(query);
        List<String> shown = browser.driver().findElements(By.cssSelector("#matrix-errors li")).stream()
                .map(WebElement::getText)
                .toList();
        assertThat(shown).containsExactlyElementsOf(apiErrors).contains("Pacticipant " + missing + " not found");
        assertThat(browser.driver().findElement(By.id("pacticipant-0")).getAttribute("value"))
                .isEqualTo(missing);
        assertThat(browser.driver().findElements(By.id("matrix"))).isEmpty();

        Response canIDeploy = given().accept(CHROME_ACCEPT).get("/can-i-deploy?pacticipant=" + missing);
        assertThat(canIDeploy.statusCode()).isEqualTo(400);
        assertThat(canIDeploy.body().asString())
                .contains("pacticipant does not match an existing pacticipant", "version is missing");
    }

    @Test
    void theEmptyFormAsksTheMatrixAndSendsOnlyWhatWasFilledIn() {
        String consumer = unique("Web");
        String provider = unique("Orders");
        verify(consumer, provider, publish(consumer, provider, "1.0.0", "a"), "7.0.0", true);
        browser.get("/matrix");
        var driver = browser.driver();
        assertThat(driver.findElements(By.id("matrix"))).isEmpty();

        driver.findElement(By.id("pacticipant-0")).sendKeys(consumer);
        driver.findElement(By.id("version-0")).sendKeys("1.0.0");
        driver.findElement(By.id("add-selector")).click();
        driver.findElement(By.id("pacticipant-2")).sendKeys(provider);
        driver.findElement(By.cssSelector("#matrix-form button[type='submit']")).click();

        browser.waiting().until(d -> !d.findElements(By.id("matrix")).isEmpty());
        assertThat(driver.getCurrentUrl())
                .contains("q%5B%5D%5Bpacticipant%5D=" + consumer + "&q%5B%5D%5Bversion%5D=1.0.0&")
                .doesNotContain("q%5B%5D%5Bbranch%5D=");
        assertThat(cell(row("1.0.0", "7.0.0"), "Verification")).isEqualTo("✔ success");
        assertThat(driver.findElement(By.id("deployable")).getText()).isEqualTo("✔ Yes");
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void theMatrixOfAnIntegrationOpensAtItsAddress() {
        String consumer = unique("Web");
        String provider = unique("Orders");
        verify(consumer, provider, publish(consumer, provider, "1.0.0", "a"), "7.0.0", true);
        publish(consumer, provider, "2.0.0", "b");

        browser.get("/matrix/provider/" + provider + "/consumer/" + consumer);

        assertThat(browser.driver().findElement(By.tagName("h1")).getText())
                .isEqualTo("Matrix of " + consumer + " and " + provider);
        assertThat(browser.driver().findElements(By.cssSelector("#matrix tbody tr")))
                .hasSize(2);
        assertThat(cell(row("2.0.0", ""), "Verification")).isEqualTo("? unverified");
        assertThat(given().accept(CHROME_ACCEPT)
                        .get("/matrix/provider/{p}/consumer/{c}", unique("Nobody"), consumer)
                        .statusCode())
                .isEqualTo(404);
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void namesThatLookLikeHtmlAreShownAsText() {
        String consumer = unique("<img src=x onerror=alert(1)>");
        String provider = unique("<script>document.title='owned'</script>");
        publish(consumer, provider, "1.0.0", "a");

        browser.get("/matrix?q%5B%5D%5Bpacticipant%5D=" + URLEncoder.encode(consumer, StandardCharsets.UTF_8));

        var driver = browser.driver();
        assertThat(driver.findElements(By.cssSelector("main img"))).isEmpty();
        assertThat(driver.findElements(By.cssSelector("main script:not([src])")))
                .isEmpty();
        assertThat(driver.getTitle()).isEqualTo("Matrix · Pactport");
        assertThat(cell(row("1.0.0", ""), "Consumer")).isEqualTo(consumer);
        assertThat(cell(row("1.0.0", ""), "Provider")).isEqualTo(provider);
        assertThat(browser.consoleErrors()).isEmpty();
    }

    /** The page's verdict and reasons are the API's, for the same address. */
    private void assertSameAnswer(String address) {
        JsonPath api = given().urlEncodingEnabled(false)
                .accept("application/hal+json")
                .get(address)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        Object deployable = api.get("summary.deployable");
        String reason = api.getString("summary.reason");

        browser.get(address);
        var driver = browser.driver();
        assertThat(driver.findElement(By.id("deployable")).getAttribute("data-deployable"))
                .as(address)
                .isEqualTo(deployable == null ? "unknown" : deployable.toString());
        assertThat(String.join(
                        "\n",
                        driver.findElements(By.cssSelector("#reasons .reason-text")).stream()
                                .map(WebElement::getText)
                                .toList()))
                .as(address)
                .isEqualTo(reason);
    }

    private WebElement row(String consumerVersion, String providerVersion) {
        return browser.driver()
                .findElement(By.cssSelector("#matrix tr[data-consumer-version='" + consumerVersion
                        + "'][data-provider-version='" + providerVersion + "']"));
    }

    private static String cell(WebElement row, String label) {
        return row.findElement(By.cssSelector("td[data-label='" + label + "']")).getText();
    }
}
