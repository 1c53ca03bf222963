package io.pactport.api.environments;

import static io.pactport.api.ApiFixture.deploy;
import static io.pactport.api.ApiFixture.environment;
import static io.pactport.api.ApiFixture.post;
import static io.pactport.api.ApiFixture.release;
import static io.pactport.api.ApiFixture.unique;
import static io.pactport.api.ApiFixture.version;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.pactport.api.BrowserTest;
import io.pactport.core.testing.KafkaResource;
import io.pactport.core.testing.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The environments pages, in a real browser, at the API's addresses {@code /environments[/{uuid}]}. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class EnvironmentsPageTest extends BrowserTest {

    @Test
    void theListShowsEachEnvironmentsDisplayNameAndWhetherItIsProduction() {
        String production = unique("prod");
        String test = unique("test");
        environment(production, true);
        post("/environments", "{\"name\":\"" + test + "\",\"displayName\":\"Test <b>lab</b>\",\"production\":false}")
                .statusCode(201);

        browser.get("/environments");

        assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("Environments");
        assertThat(cell("environments", production, "production").getText())
                .contains("production")
                .doesNotContain("not");
        assertThat(cell("environments", test, "production").getText()).contains("not production");
        assertThat(row("environments", test).getText()).contains("Test <b>lab</b>");
        assertThat(row("environments", test).findElements(By.tagName("b"))).isEmpty();
        assertThat(browser.consoleErrors()).isEmpty();
        browser.screenshot("environments");
    }

    @Test
    void anEnvironmentShowsWhatIsDeployedAndReleasedThereNowLinkedToItsPacticipant() {
        String uuid = environment(unique("prod"), true);
        String web = unique("<img src=x onerror=alert(1)>");
        String app = unique("<script>document.title='owned'</script>");
        String gone = unique("Gone");
        version(web, "1.0.0");
        version(app, "2.0.0");
        version(gone, "0.1.0");
        post(
                        "/pacticipants/{p}/versions/{v}/deployed-versions/environment/{e}",
                        "{\"applicationInstance\":\"blue\"}",
                        web,
                        "1.0.0",
                        uuid)
                .statusCode(201);
        deploy(gone, "0.1.0", uuid);
        String undeploy = given().accept("application/hal+json")
                .get("/environments/{e}/deployed-versions/currently-deployed?pacticipant={p}", uuid, gone)
                .then()
                .statusCode(200)
                .extract()
                .path("_embedded.deployedVersions[0].uuid");
        given().contentType("application/merge-patch+json")
                .body("{\"currentlyDeployed\":false}")
                .patch("/deployed-versions/{u}", undeploy)
                .then()
                .statusCode(200);
        release(app, "2.0.0", uuid);

        browser.get("/environments/" + uuid);

        WebElement deployed = row("deployed", web);
        assertThat(deployed.findElement(By.cssSelector("td[data-label='Version']"))
                        .getText())
                .isEqualTo("1.0.0");
        assertThat(deployed.findElement(By.cssSelector("td[data-label='Application instance']"))
                        .getText())
                .isEqualTo("blue");
        assertThat(deployed.findElement(By.cssSelector("td[data-label='Pacticipant'] a"))
                        .getText())
                .isEqualTo(web);
        assertThat(browser.driver().findElements(By.cssSelector("#deployed tbody tr")))
                .as("the ended deployment is not shown")
                .hasSize(1);
        assertThat(row("released", app)
                        .findElement(By.cssSelector("td[data-label='Version']"))
                        .getText())
                .isEqualTo("2.0.0");
        assertThat(browser.driver().findElements(By.cssSelector("main img"))).isEmpty();
        assertThat(browser.driver().getTitle()).startsWith("Environment ");
        assertThat(browser.consoleErrors()).isEmpty();
        browser.screenshot("environment");
        row("released", app).findElement(By.cssSelector("a")).click();
        browser.waiting().until(d -> d.getCurrentUrl().contains("/pacticipants/"));
        assertThat(browser.driver().findElement(By.tagName("h1")).getText()).contains(app);
    }

    @Test
    void anUnknownEnvironmentIsANotFoundPage() {
        browser.get("/environments/no-such-uuid");

        assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("Not Found");
        assertThat(browser.driver().findElement(By.cssSelector("main .message")).getText())
                .contains("no-such-uuid");
        given().accept("text/html").get("/environments/no-such-uuid").then().statusCode(404);
        given().accept("application/hal+json")
                .get("/environments/no-such-uuid")
                .then()
                .statusCode(404);
    }

    private WebElement row(String table, String name) {
        return browser.driver().findElements(By.cssSelector("#" + table + " tbody tr")).stream()
                .filter(r ->
                        name.equals(r.getAttribute("data-name")) || name.equals(r.getAttribute("data-pacticipant")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no row for " + name + " in #" + table));
    }

    private WebElement cell(String table, String name, String cellClass) {
        return row(table, name).findElement(By.cssSelector("td." + cellClass));
    }
}
