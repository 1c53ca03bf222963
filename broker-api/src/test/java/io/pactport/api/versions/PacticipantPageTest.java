package io.pactport.api.versions;

import static io.pactport.api.ApiFixture.branch;
import static io.pactport.api.ApiFixture.deploy;
import static io.pactport.api.ApiFixture.environment;
import static io.pactport.api.ApiFixture.publish;
import static io.pactport.api.ApiFixture.release;
import static io.pactport.api.ApiFixture.tag;
import static io.pactport.api.ApiFixture.unique;
import static io.pactport.api.ApiFixture.version;
import static io.pactport.api.ApiFixture.versionRow;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.pactport.api.BrowserTest;
import io.pactport.core.testing.KafkaResource;
import io.pactport.core.testing.PostgresResource;
import io.pactport.core.testing.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** A pacticipant's page, in a real browser, at the Pact Broker's address {@code /pacticipants/{p}}. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class PacticipantPageTest extends BrowserTest {

    TestDatabase database;

    @Test
    void showsItsFactsLabelsIntegrationsAndVersionsWithWhereEachIsNow() {
        String web = unique("Web");
        String orders = unique("Orders");
        String mobile = unique("Mobile");
        publish(web, orders, "1.0.0", "a");
        publish(mobile, web, "5.0.0", "b");
        given().contentType("application/merge-patch+json")
                .body("{\"mainBranch\":\"main\",\"repositoryUrl\":\"https://git.example.org/web\"}")
                .patch("/pacticipants/{p}", web)
                .then()
                .statusCode(200);
        given().contentType("application/json").body("{}").put("/pacticipants/{p}/labels/{l}", web, "team-a");
        branch(web, "main", "1.0.0");
        tag(web, "1.0.0", "stable");
        version(web, "2.0.0");
        String production = unique("production");
        String uuid = environment(production, true);
        deploy(web, "2.0.0", uuid);
        release(web, "1.0.0", uuid);

        browser.get("/pacticipants/" + web);

        assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo(web);
        String facts = browser.driver().findElement(By.id("facts")).getText();
        assertThat(facts).contains("Main branch\nmain", "https://git.example.org/web");
        assertThat(browser.driver().findElement(By.id("labels")).getText()).isEqualTo("team-a");
        assertThat(integration(web, orders)
                        .findElement(By.cssSelector("td[data-label='Pact'] a"))
                        .getAttribute("href"))
                .endsWith("/pacts/provider/" + orders + "/consumer/" + web + "/latest");
        assertThat(integration(mobile, web)
                        .findElement(By.cssSelector("td[data-label='Consumer'] a"))
                        .getAttribute("href"))
                .endsWith("/pacticipants/" + mobile);
        List<WebElement> versions = browser.driver().findElements(By.cssSelector("#versions tbody tr"));
        assertThat(versions).extracting(r -> r.getAttribute("data-version")).containsExactly("2.0.0", "1.0.0");
        assertThat(cell("2.0.0", "deployed")).contains("Production");
        assertThat(cell("2.0.0", "released")).isEmpty();
        assertThat(cell("1.0.0", "branches")).contains("main");
        assertThat(cell("1.0.0", "tags")).contains("stable");
        assertThat(cell("1.0.0", "released")).contains("Production");
        assertThat(cell("1.0.0", "deployed")).isEmpty();
        assertThat(browser.driver()
                        .findElement(By.linkText("Network of " + web))
                        .getAttribute("href"))
                .endsWith("/pacticipants/" + web + "/network");
        assertThat(browser.consoleErrors()).isEmpty();
        browser.screenshot("pacticipant");
    }

    @Test
    void versionsArePagedNewestFirst() {
        String app = unique("Batch");
        for (int i = 1; i <= PacticipantPage.PAGE_SIZE + 3; i++) {
            versionRow(database, app, "1." + i);
        }

        browser.get("/pacticipants/" + app);

        List<WebElement> first = browser.driver().findElements(By.cssSelector("#versions tbody tr"));
        assertThat(first).hasSize(PacticipantPage.PAGE_SIZE);
        assertThat(first.get(0).getAttribute("data-version")).isEqualTo("1." + (PacticipantPage.PAGE_SIZE + 3));
        browser.driver()
                .findElement(By.cssSelector(".pagination a[rel='next']"))
                .click();
        browser.waiting().until(d -> d.getCurrentUrl().endsWith("?page=2"));
        assertThat(browser.driver().findElements(By.cssSelector("#versions tbody tr")))
                .extracting(r -> r.getAttribute("data-version"))
                .containsExactly("1.3", "1.2", "1.1");
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void deletesAVersionAfterAskingAndTheApiNoLongerHasIt() {
        String web = unique("Web");
        String orders = unique("Orders");
        publish(web, orders, "1.0.0", "a");
        publish(web, orders, "2.0.0", "b");
        browser.get("/pacticipants/" + web);

        versionOnPage("1.0.0").findElement(By.cssSelector("button.danger")).click();
        assertThat(browser.driver().switchTo().alert().getText()).contains("1.0.0", web);
        browser.driver().switchTo().alert().accept();

        browser.waiting()
                .until(d -> d.findElements(By.cssSelector("#versions tr[data-version='1.0.0']"))
                        .isEmpty());
        assertThat(browser.driver().getCurrentUrl()).endsWith("/pacticipants/" + web);
        given().accept("application/hal+json")
                .get("/pacticipants/{p}/versions/{v}", web, "1.0.0")
                .then()
                .statusCode(404);
        given().accept("application/hal+json")
                .get("/pacticipants/{p}/versions/{v}", web, "2.0.0")
                .then()
                .statusCode(200);
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void deletesThePacticipantAfterAskingAndReturnsToTheIntegrations() {
        String web = unique("Web");
        publish(web, unique("Orders"), "1.0.0", "a");
        browser.get("/pacticipants/" + web);

        browser.driver().findElement(By.id("delete-pacticipant")).click();
        assertThat(browser.driver().switchTo().alert().getText()).contains(web);
        browser.driver().switchTo().alert().accept();

        browser.waiting().until(d -> d.findElement(By.tagName("h1")).getText().equals("Integrations"));
        given().accept("application/hal+json")
                .get("/pacticipants/{p}", web)
                .then()
                .statusCode(404);
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void aDeleteWithoutThePagesTokenIsRefusedAndAFormWithoutANameIsA400() {
        String web = unique("Web");
        version(web, "1.0.0");

        given().redirects()
                .follow(false)
                .formParam("pacticipant", web)
                .post("/ui/pacticipants/delete")
                .then()
                .statusCode(403);
        given().accept("application/hal+json")
                .get("/pacticipants/{p}", web)
                .then()
                .statusCode(200);

        browser.get("/pacticipants/" + web);
        String action = browser.driver()
                .findElement(By.cssSelector("form[action*='/ui/versions/delete']"))
                .getAttribute("action");
        given().redirects()
                .follow(false)
                .formParam("pacticipant", web)
                .post(action)
                .then()
                .statusCode(400)
                .contentType(containsString("text/html"))
                .body(containsString("version: version is missing"));
        given().accept("application/hal+json")
                .get("/pacticipants/{p}/versions/{v}", web, "1.0.0")
                .then()
                .statusCode(200);
    }

    @Test
    void anUnknownPacticipantIsANotFoundPageThatSaysSo() {
        String missing = unique("Nobody");

        browser.get("/pacticipants/" + missing);

        assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("Not Found");
        assertThat(browser.driver().findElement(By.cssSelector("main .message")).getText())
                .isEqualTo("No pacticipant with name '" + missing + "' found");
        given().accept("text/html")
                .get("/pacticipants/{p}", missing)
                .then()
                .statusCode(404)
                .contentType("text/html");
        assertThat(browser.consoleErrors()).hasSize(1).allMatch(e -> e.contains("404"));
    }

    @Test
    void aNameThatLooksLikeHtmlIsShownAsText() {
        String web = unique("<img src=x onerror=alert(1)>");
        String orders = unique("<script>document.title='owned'</script>");
        publish(web, orders, "1.0.0", "a");
        given().contentType("application/json").body("{}").put("/pacticipants/{p}/labels/{l}", web, "<b>team");

        browser.get("/pacticipants/"
                + URLEncoder.encode(web, StandardCharsets.UTF_8).replace("+", "%20"));

        assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo(web);
        assertThat(browser.driver().getTitle()).isEqualTo(web + " · Pactport");
        assertThat(browser.driver().findElements(By.cssSelector("main img, main b")))
                .isEmpty();
        assertThat(integration(web, orders).getText()).contains(web, orders);
        assertThat(browser.driver().findElement(By.id("labels")).getText()).isEqualTo("<b>team");
    }

    private WebElement integration(String consumer, String provider) {
        return browser.driver().findElements(By.cssSelector("#integrations tbody tr")).stream()
                .filter(r -> consumer.equals(r.getAttribute("data-consumer"))
                        && provider.equals(r.getAttribute("data-provider")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no integration " + consumer + " → " + provider));
    }

    private WebElement versionOnPage(String number) {
        return browser.driver().findElement(By.cssSelector("#versions tr[data-version='" + number + "']"));
    }

    private String cell(String version, String cellClass) {
        return versionOnPage(version)
                .findElement(By.cssSelector("td." + cellClass))
                .getText();
    }
}
