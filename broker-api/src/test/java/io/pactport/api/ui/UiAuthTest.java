package io.pactport.api.ui;

import static io.pactport.api.ApiFixture.publish;
import static io.pactport.api.ApiFixture.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.pactport.core.testing.AuthContract;
import io.pactport.core.testing.Browser;
import io.pactport.core.testing.KafkaResource;
import io.pactport.core.testing.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * With authentication on, the UI is the API's: the browser is asked for credentials, a read-only user sees every page but
 * no write action, and a write from the UI by a read-only user is refused even with a valid form token.
 */
@QuarkusTest
@TestProfile(AuthContract.Locked.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class UiAuthTest {

    @TestHTTPResource("/")
    URL root;

    @Inject
    Csrf csrf;

    private String consumer;
    private String provider;

    @BeforeEach
    void seedAsTheWriter() {
        RestAssured.authentication = RestAssured.preemptive().basic(AuthContract.WRITER, AuthContract.WRITER_PASSWORD);
        consumer = unique("Web");
        provider = unique("Orders");
        publish(consumer, provider, "1.0.0", "a");
        RestAssured.authentication = RestAssured.DEFAULT_AUTH;
    }

    @AfterEach
    void forgetCredentials() {
        RestAssured.authentication = RestAssured.DEFAULT_AUTH;
    }

    @Test
    void aBrowserWithoutCredentialsIsAskedForThem() {
        Response page = given().accept(BrowserPagesTest.CHROME_ACCEPT).get("/");
        assertThat(page.statusCode()).isEqualTo(401);
        assertThat(page.header("WWW-Authenticate")).startsWith("Basic ");
    }

    @Test
    void aReadOnlyUserSeesThePageWithoutAnyWriteAction() {
        try (Browser browser = Browser.open(base()).signedInAs(AuthContract.READER, AuthContract.READER_PASSWORD)) {
            browser.get("/?search=" + consumer);
            assertThat(browser.driver()
                            .findElement(By.cssSelector("#integrations tbody"))
                            .getText())
                    .contains(consumer, provider);
            assertThat(browser.driver().findElements(By.cssSelector("form[method='post'], button.danger")))
                    .isEmpty();
            assertThat(browser.driver().findElement(By.cssSelector(".viewer")).getText())
                    .isEqualTo("Read only");
            assertThat(browser.consoleErrors()).isEmpty();
            browser.screenshot("integrations-read-only");
        }
    }

    @Test
    void noPageOffersAReadOnlyUserAnythingThatChangesData() {
        RestAssured.authentication = RestAssured.preemptive().basic(AuthContract.WRITER, AuthContract.WRITER_PASSWORD);
        PageWalk walk = PageWalk.seed();
        RestAssured.authentication = RestAssured.DEFAULT_AUTH;
        try (Browser browser = Browser.open(base()).signedInAs(AuthContract.READER, AuthContract.READER_PASSWORD)) {
            for (PageWalk.Page page : walk.pages()) {
                String path = page.path();
                browser.get(path);
                assertThat(browser.driver().findElements(By.tagName("h1")))
                        .as(path)
                        .hasSize(1);
                assertThat(browser.driver().findElements(By.cssSelector("form[method='post']")))
                        .as(path)
                        .isEmpty();
            }
        }
    }

    @Test
    void theWriterSeesTheDeleteActions() {
        try (Browser browser = Browser.open(base()).signedInAs(AuthContract.WRITER, AuthContract.WRITER_PASSWORD)) {
            browser.get("/?search=" + consumer);
            assertThat(browser.driver().findElements(By.cssSelector("button.danger")))
                    .hasSize(2);
            assertThat(browser.consoleErrors()).isEmpty();
        }
    }

    @Test
    void aReadOnlyUsersWriteIsRefusedEvenWithTheirOwnFormToken() {
        String authorization = "Basic "
                + Base64.getEncoder()
                        .encodeToString((AuthContract.READER + ":" + AuthContract.READER_PASSWORD)
                                .getBytes(StandardCharsets.UTF_8));
        given().header("Authorization", authorization)
                .redirects()
                .follow(false)
                .formParam("consumer", consumer)
                .formParam("provider", provider)
                .post("/ui/integrations/delete?csrf=" + csrf.token(authorization))
                .then()
                .statusCode(403);
        given().auth()
                .preemptive()
                .basic(AuthContract.READER, AuthContract.READER_PASSWORD)
                .get("/pacts/provider/{p}/consumer/{c}/latest", provider, consumer)
                .then()
                .statusCode(200);
    }

    @Test
    void theWritersTokenDoesNotServeAnotherUser() {
        String writer = "Basic "
                + Base64.getEncoder()
                        .encodeToString((AuthContract.WRITER + ":" + AuthContract.WRITER_PASSWORD)
                                .getBytes(StandardCharsets.UTF_8));
        given().auth()
                .preemptive()
                .basic(AuthContract.WRITER, AuthContract.WRITER_PASSWORD)
                .redirects()
                .follow(false)
                .formParam("consumer", consumer)
                .formParam("provider", provider)
                .post("/ui/integrations/delete?csrf=" + csrf.token(writer + "x"))
                .then()
                .statusCode(403);
    }

    private String base() {
        return root.toString().replaceAll("/$", "");
    }
}
