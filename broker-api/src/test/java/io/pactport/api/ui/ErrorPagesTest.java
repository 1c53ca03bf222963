package io.pactport.api.ui;

import static io.pactport.api.ui.BrowserPagesTest.CHROME_ACCEPT;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.pactport.core.testing.Browser;
import io.pactport.core.testing.KafkaResource;
import io.pactport.core.testing.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * A UI request that fails gets a page in the layout with the API's status and message; API clients asking the same
 * address keep the API's JSON error.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class ErrorPagesTest {

    private static final String UNKNOWN = "/webhooks/NoSuchWebhook1234567";

    @TestHTTPResource("/")
    URL root;

    @Inject
    Csrf csrf;

    @Test
    void aBrowserOpeningSomethingUnknownSeesANotFoundPageWithTheMessageAndAWayHome() {
        try (Browser browser = Browser.open(root.toString().replaceAll("/$", ""))) {
            browser.get(UNKNOWN);

            assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("Not Found");
            assertThat(browser.driver()
                            .findElement(By.cssSelector(".message.error"))
                            .getText())
                    .isEqualTo("No webhook with uuid NoSuchWebhook1234567 found");
            assertThat(browser.driver().getTitle()).isEqualTo("Not Found · Pactport");
            assertThat(browser.driver()
                            .findElement(By.linkText("Go to the home page"))
                            .getAttribute("href"))
                    .isEqualTo(root.toString());
            // the browser's own line for the 404 document is the only one
            assertThat(browser.consoleErrors()).allMatch(line -> line.contains("status of 404"));
            browser.screenshot("error-not-found");
        }
        Response page = given().accept(CHROME_ACCEPT).get(UNKNOWN);
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.header("Content-Security-Policy")).contains("default-src 'self'");
    }

    @Test
    void apiClientsKeepTheJsonError() {
        for (String accept : List.of("application/hal+json", "*/*")) {
            Response api = given().accept(accept).get(UNKNOWN);
            assertThat(api.statusCode()).as(accept).isEqualTo(404);
            assertThat(api.contentType()).as(accept).contains("json");
            assertThat(api.jsonPath().getString("error")).isEqualTo("No webhook with uuid NoSuchWebhook1234567 found");
        }
    }

    @Test
    void aFormTheUiRefusesAnswersAPageWithTheReason() {
        Response badValue = given().header("Sec-Fetch-Site", "same-origin")
                .formParam("enabled", "maybe")
                .post("/ui" + UNKNOWN + "/enabled?csrf=" + csrf.token(null));
        assertThat(badValue.statusCode()).isEqualTo(400);
        assertThat(badValue.contentType()).startsWith("text/html");
        assertThat(badValue.body().asString()).contains("<h1>Bad Request</h1>", "enabled: must be true or false");

        Response noToken = given().formParam("enabled", "true").post("/ui" + UNKNOWN + "/enabled");
        assertThat(noToken.statusCode()).isEqualTo(403);
        assertThat(noToken.contentType()).startsWith("text/html");
        assertThat(noToken.body().asString()).contains("<h1>Forbidden</h1>", "reload the page");

        Response noSuchAction =
                given().header("Sec-Fetch-Site", "same-origin").post("/ui/webhooks/x/y/z?csrf=" + csrf.token(null));
        assertThat(noSuchAction.statusCode()).isIn(404, 405);
        assertThat(noSuchAction.contentType()).startsWith("text/html");
    }
}
