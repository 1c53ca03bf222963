package io.pactport.api.pacts;

import static io.pactport.api.ApiFixture.branch;
import static io.pactport.api.ApiFixture.payloads;
import static io.pactport.api.ApiFixture.putPact;
import static io.pactport.api.ApiFixture.tag;
import static io.pactport.api.ApiFixture.unique;
import static io.pactport.api.ApiFixture.verify;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.pactport.api.BrowserTest;
import io.pactport.core.pact.PactContent;
import io.pactport.core.testing.KafkaResource;
import io.pactport.core.testing.PostgresResource;
import io.pactport.core.testing.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The pact page, in a real browser, at the pact's own addresses. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class PactPageTest extends BrowserTest {

    static final String CHROME_ACCEPT =
            "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8";

    TestDatabase database;

    /** A V3 pact: an HTTP interaction with states, query, headers, body and matching rules, and a message. */
    static String v3Pact(String consumer, String provider, String price) {
        return """
                {"consumer":{"name":"%s"},"provider":{"name":"%s"},
                 "interactions":[{"description":"a request for an order",
                   "providerStates":[{"name":"an order exists","params":{"id":42}}],
                   "request":{"method":"GET","path":"/orders/42","query":{"expand":["lines"]},
                              "headers":{"Accept":"application/json"}},
                   "response":{"status":200,"headers":{"Content-Type":"application/json"},
                               "body":{"id":42,"price":%s},
                               "matchingRules":{"body":{"$.price":{"matchers":[{"match":"decimal"}]}}}}}],
                 "messages":[{"description":"an order created event","providerStates":[{"name":"an order is placed"}],
                   "contents":{"orderId":42},"metadata":{"contentType":"application/json"}}],
                 "metadata":{"pactSpecification":{"version":"3.0.0"}}}""".formatted(consumer, provider, price);
    }

    @Test
    void showsWhoPublishedItsInteractionsMessagesVerificationsVersionsAndDiff() {
        String consumer = unique("Web");
        String provider = unique("Orders");
        putPact(consumer, provider, "1.0.0", v3Pact(consumer, provider, "1.5")).statusCode(201);
        String pact = v3Pact(consumer, provider, "2.5");
        putPact(consumer, provider, "2.0.0", pact).statusCode(201);
        branch(consumer, "main", "2.0.0");
        tag(consumer, "2.0.0", "prod");
        verify(consumer, provider, PactContent.parse(pact).sha(), "7.1.0", true);

        browser.get("/pacts/provider/" + provider + "/consumer/" + consumer + "/latest");

        var driver = browser.driver();
        assertThat(driver.findElement(By.tagName("h1")).getText())
                .isEqualTo("Pact between " + consumer + " and " + provider);
        assertThat(text("#pact-consumer-version")).contains("2.0.0", "main", "prod");
        assertThat(text("#pact-published")).matches("\\d{4}-\\d\\d-\\d\\d .*UTC");
        assertThat(driver.findElements(By.cssSelector(".pact-toc li"))).hasSize(2);
        WebElement message = driver.findElement(By.id("interaction-1"));
        assertThat(message.getText()).contains("an order created event", "an order is placed", "\"orderId\" : 42");
        WebElement http = driver.findElement(By.id("interaction-2"));
        assertThat(http.findElement(By.tagName("h3")).getText()).isEqualTo("a request for an order");
        assertThat(http.getText())
                .contains("an order exists", "\"id\" : 42", "GET /orders/42?expand=lines", "Accept", "application/json")
                .contains("200", "\"price\" : 2.5");
        assertThat(http.findElement(By.cssSelector("details pre")).getAttribute("textContent"))
                .contains("decimal");
        WebElement verification =
                driver.findElement(By.cssSelector("#verifications tr[data-provider-version='7.1.0']"));
        assertThat(verification.findElement(By.cssSelector("td.result")).getText())
                .isEqualTo("✔ success");
        assertThat(verification.findElement(By.cssSelector(".status")).getAttribute("class"))
                .contains("status-success");
        assertThat(verification.findElement(By.linkText("Verification result")).getAttribute("href"))
                .contains("/pacts/provider/" + provider + "/consumer/" + consumer + "/pact-version/")
                .contains("/verification-results/");
        List<WebElement> versions = driver.findElements(By.cssSelector("#pact-versions tbody tr"));
        assertThat(versions).extracting(WebElement::getText).hasSize(2);
        assertThat(versions.get(0).getText()).contains("2.0.0", "this page");
        assertThat(versions.get(1).findElement(By.tagName("a")).getAttribute("href"))
                .endsWith("/pacts/provider/" + provider + "/consumer/" + consumer + "/version/1.0.0");
        driver.findElement(By.cssSelector("#pact-diff-details summary")).click();
        browser.waiting().until(d -> d.findElement(By.id("pact-diff")).getText().contains("Diff between versions"));
        assertThat(text("#pact-diff")).contains("Diff between versions 1.0.0 and 2.0.0", "2.5", "1.5");
        assertThat(driver.findElement(By.id("badge-markdown")).getAttribute("value"))
                .startsWith("[![" + consumer + "/" + provider + " Pact Status](http")
                .contains("/pacts/provider/" + provider + "/consumer/" + consumer + "/latest/badge)");
        assertThat(driver.findElement(By.linkText("Open in the API explorer")).getAttribute("href"))
                .endsWith(
                        "/hal-browser/browser.html#/pacts/provider/" + provider + "/consumer/" + consumer + "/latest");
        assertThat(browser.consoleErrors()).isEmpty();
        browser.screenshot("pact");
    }

    @Test
    void showsEachKindOfV4Interaction() {
        String consumer = unique("Web");
        String provider = unique("Orders");
        String pact = """
                {"consumer":{"name":"%s"},"provider":{"name":"%s"},
                 "interactions":[
                  {"type":"Synchronous/HTTP","description":"an http call","pending":true,
                   "request":{"method":"POST","path":"/orders","headers":{"Content-Type":["application/json"]},
                     "body":{"content":{"item":"book"},"contentType":"application/json","encoded":false}},
                   "response":{"status":201,"body":{"content":"{\\"id\\":7}","contentType":"application/json"}}},
                  {"type":"Asynchronous/Messages","description":"an async message",
                   "contents":{"content":{"event":"shipped"},"contentType":"application/json"},
                   "metadata":{"topic":"orders"}},
                  {"type":"Synchronous/Messages","description":"a sync message",
                   "request":{"contents":{"content":"ping","contentType":"text/plain"}},
                   "response":[{"contents":{"content":"pong","contentType":"text/plain"}}]}],
                 "metadata":{"pactSpecification":{"version":"4.0"}}}""".formatted(consumer, provider);
        putPact(consumer, provider, "1.0.0", pact).statusCode(201);

        browser.get("/pacts/provider/" + provider + "/consumer/" + consumer + "/version/1.0.0");

        assertThat(text("#interaction-1"))
                .contains("an http call", "HTTP", "pending", "POST /orders")
                .contains("\"item\" : \"book\"", "201", "\"id\" : 7");
        assertThat(text("#interaction-2"))
                .contains("an async message", "Asynchronous message", "topic", "orders")
                .contains("\"event\" : \"shipped\"");
        assertThat(text("#interaction-3"))
                .contains("a sync message", "Request message", "ping", "Response message", "pong");
        assertThat(browser.consoleErrors()).isEmpty();
        browser.screenshot("pact-v4");
    }

    @Test
    void opensAtItsContentAddressesToo() {
        String consumer = unique("Web");
        String provider = unique("Orders");
        String pact = v3Pact(consumer, provider, "1.5");
        putPact(consumer, provider, "1.0.0", pact).statusCode(201);
        branch(consumer, "feat", "1.0.0");
        tag(consumer, "1.0.0", "dev");
        String sha = PactContent.parse(pact).sha();
        String path = "/pacts/provider/" + provider + "/consumer/" + consumer;

        for (String address : List.of(
                "/pact-version/" + sha,
                "/latest/dev",
                "/branch/feat/latest",
                "/pact-version/" + sha + "/metadata/e30")) {
            browser.get(path + address);
            assertThat(text("#pact-consumer-version")).as(address).contains("1.0.0");
            assertThat(text("#interaction-2")).as(address).contains("a request for an order");
        }
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void anUnknownPactIsAnHtmlPageWithStatus404() {
        String consumer = unique("Web");
        String provider = unique("Orders");
        Response page =
                given().accept(CHROME_ACCEPT).get("/pacts/provider/{p}/consumer/{c}/latest", provider, consumer);

        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body().asString()).contains("<h1>Not Found</h1>", "No pact found between " + consumer);
        given().accept("application/hal+json")
                .get("/pacts/provider/{p}/consumer/{c}/latest", provider, consumer)
                .then()
                .statusCode(404)
                .contentType("application/hal+json");
    }

    @Test
    void deletesThePactVersionAfterAskingAndTheApiNoLongerHasIt() {
        String consumer = unique("Web");
        String provider = unique("Orders");
        putPact(consumer, provider, "1.0.0", v3Pact(consumer, provider, "1.5")).statusCode(201);
        putPact(consumer, provider, "2.0.0", v3Pact(consumer, provider, "2.5")).statusCode(201);
        browser.get("/pacts/provider/" + provider + "/consumer/" + consumer + "/version/2.0.0");

        browser.driver().findElement(By.cssSelector("button.danger")).click();
        assertThat(browser.driver().switchTo().alert().getText()).contains(consumer, "2.0.0", provider);
        browser.driver().switchTo().alert().accept();

        browser.waiting().until(d -> d.getCurrentUrl().endsWith("/version/1.0.0"));
        assertThat(text("#pact-consumer-version")).contains("1.0.0");
        given().accept("application/hal+json")
                .get("/pacts/provider/{p}/consumer/{c}/version/2.0.0", provider, consumer)
                .then()
                .statusCode(404);
        given().accept("application/hal+json")
                .get("/pacts/provider/{p}/consumer/{c}/version/1.0.0", provider, consumer)
                .then()
                .statusCode(200);
        // the API's delete event, which the old brokers written in parallel replay
        assertThat(payloads(database, consumer + "/" + provider, "io.pactport.pact.deleted.v1"))
                .singleElement()
                .asString()
                .contains("\"2.0.0\"");
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void aDeleteWithoutAVersionIsRefusedAndChangesNothing() {
        String consumer = unique("Web");
        String provider = unique("Orders");
        putPact(consumer, provider, "1.0.0", v3Pact(consumer, provider, "1.5")).statusCode(201);
        browser.get("/pacts/provider/" + provider + "/consumer/" + consumer + "/latest");
        String action = browser.driver()
                .findElement(By.cssSelector("form[data-confirm]"))
                .getAttribute("action");

        given().formParam("consumer", consumer)
                .formParam("provider", provider)
                .formParam("version", "")
                .post(action.substring(root.toString().length() - 1))
                .then()
                .statusCode(400);
        given().accept("application/hal+json")
                .get("/pacts/provider/{p}/consumer/{c}/version/1.0.0", provider, consumer)
                .then()
                .statusCode(200);
        assertThat(payloads(database, consumer + "/" + provider, "io.pactport.pact.deleted.v1"))
                .isEmpty();
    }

    @Test
    void markupInAPactIsShownAsText() {
        String consumer = unique("Web");
        String provider = unique("Orders");
        String script = "<script>document.title='owned'</script>";
        String img = "<img src=x onerror=\\\"document.title='owned'\\\">";
        String pact = """
                {"consumer":{"name":"%s"},"provider":{"name":"%s"},
                 "interactions":[{"description":"%s","providerState":"%s",
                   "request":{"method":"GET","path":"/x","headers":{"X-Evil":"%s"}},
                   "response":{"status":200,"body":"%s"}}],
                 "metadata":{"pactSpecification":{"version":"2.0.0"}}}""".formatted(consumer, provider, script, img, script, img);
        putPact(consumer, provider, "1.0.0", pact).statusCode(201);

        browser.get("/pacts/provider/" + provider + "/consumer/" + consumer + "/latest");

        var driver = browser.driver();
        assertThat(driver.getTitle()).isEqualTo("Pact between " + consumer + " and " + provider + " · Pactport");
        // the page's own script only
        assertThat(driver.findElements(By.cssSelector("main script:not([src$='/ui-assets/pact.js'])")))
                .isEmpty();
        // the badge is the page's only image
        assertThat(driver.findElements(By.cssSelector("main img"))).hasSize(1);
        String shown = text("#interaction-1");
        assertThat(shown).contains("<script>document.title='owned'</script>", "<img src=x onerror=");
        assertThat(driver.getPageSource()).doesNotContain("<img src=x");
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void apiClientsStillGetThePactAsHal() {
        String consumer = unique("Web");
        String provider = unique("Orders");
        putPact(consumer, provider, "1.0.0", v3Pact(consumer, provider, "1.5")).statusCode(201);
        given().accept("application/hal+json")
                .get("/pacts/provider/{p}/consumer/{c}/latest", provider, consumer)
                .then()
                .statusCode(200)
                .contentType("application/hal+json");
    }

    private String text(String css) {
        return browser.driver().findElement(By.cssSelector(css)).getText();
    }
}
