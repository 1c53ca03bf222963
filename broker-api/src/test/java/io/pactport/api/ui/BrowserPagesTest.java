package io.pactport.api.ui;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.pactport.core.testing.KafkaResource;
import io.pactport.core.testing.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

/**
 * Which requests get a page and which get the API, on the same addresses: a browser's GET gets HTML, every client (CI,
 * the CLI, curl, scripts) keeps getting what it got before.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class BrowserPagesTest {

    static final String CHROME_ACCEPT =
            "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8";

    @Test
    void aBrowserGetsThePageOfTheIndex() {
        Response page = given().accept(CHROME_ACCEPT).get("/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body().asString()).contains("<h1>Integrations</h1>");
        assertThat(page.header("Content-Security-Policy")).contains("default-src 'self'", "frame-ancestors 'none'");
        assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
    }

    @Test
    void clientsKeepGettingTheApi() {
        for (String accept : new String[] {"*/*", "application/hal+json", "text/html, application/hal+json"}) {
            Response api = given().accept(accept).get("/");
            assertThat(api.statusCode()).as(accept).isEqualTo(200);
            assertThat(api.contentType()).as(accept).contains("json");
        }
        Response noAccept = given().header("Accept", "").get("/");
        assertThat(noAccept.contentType()).contains("json");
    }

    @Test
    void aResourceWithNoPageOfItsOwnOpensInTheApiExplorer() {
        Response page = given().accept(CHROME_ACCEPT).get("/pacticipants?size=5");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body().asString()).contains("API explorer", "data-resource=\"/pacticipants?size=5\"");
        Response halBrowser = given().accept(CHROME_ACCEPT).get("/hal-browser/browser.html");
        assertThat(halBrowser.statusCode()).isEqualTo(200);
        assertThat(halBrowser.body().asString()).contains("API explorer");
    }

    @Test
    void theDashboardOpensAsAPage() {
        Response page = given().accept(CHROME_ACCEPT).get("/dashboard");
        assertThat(page.body().asString()).contains("<h1>Integrations</h1>");
        assertThat(given().accept("application/hal+json").get("/dashboard").contentType())
                .contains("json");
    }

    @Test
    void writesAndBadgesAreNeverPages() {
        Response post = given().accept(CHROME_ACCEPT)
                .contentType("application/json")
                .body("{}")
                .post("/pacticipants");
        assertThat(post.contentType()).doesNotStartWith("text/html");
        Response badge = given().accept(CHROME_ACCEPT).get("/pacts/provider/Nobody/consumer/Nobody/latest/badge");
        assertThat(badge.contentType()).startsWith("image/svg+xml");
    }

    @Test
    void recognisesABrowsersAcceptHeader() {
        assertThat(BrowserPages.wantsHtml(CHROME_ACCEPT)).isTrue();
        assertThat(BrowserPages.wantsHtml("text/html")).isTrue();
        assertThat(BrowserPages.wantsHtml("*/*")).isFalse();
        assertThat(BrowserPages.wantsHtml(null)).isFalse();
        assertThat(BrowserPages.wantsHtml("application/hal+json, text/html")).isFalse();
        assertThat(BrowserPages.wantsHtml("text/plain")).isFalse();
    }
}
