package io.pactport.api.integrations;

import static io.pactport.api.ApiFixture.publish;
import static io.pactport.api.ApiFixture.unique;
import static io.pactport.api.ApiFixture.verify;
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
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The UI's integrations page, in a real browser, at the Pact Broker's address {@code /}. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class IntegrationsPageTest extends BrowserTest {

    @Test
    void showsEachIntegrationsVerificationInWordsAndColour() {
        String prefix = unique("shop");
        String verified = prefix + "-web";
        String failed = prefix + "-mobile";
        String unverified = prefix + "-batch";
        String provider = prefix + "-orders";
        verify(verified, provider, publish(verified, provider, "1.0.0", "a"), "7.0.0", true);
        verify(failed, provider, publish(failed, provider, "2.0.0", "b"), "7.0.1", false);
        publish(unverified, provider, "3.0.0", "c");

        browser.get("/?search=" + prefix);

        assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("Integrations");
        assertThat(status(verified)).contains("verified").contains("7.0.0");
        assertThat(row(verified).findElement(By.cssSelector(".status")).getAttribute("class"))
                .contains("status-success");
        assertThat(status(failed)).contains("failed").contains("7.0.1");
        assertThat(row(failed).findElement(By.cssSelector(".status")).getAttribute("class"))
                .contains("status-failure");
        assertThat(status(unverified)).contains("unverified");
        assertThat(browser.driver().findElements(By.cssSelector("#integrations tbody tr")))
                .hasSize(3);
        assertThat(browser.consoleErrors()).isEmpty();
        browser.screenshot("integrations");

        // on a phone each row is a card whose cells name their column
        browser.resize(390, 844);
        assertThat(row(failed).findElement(By.cssSelector("td.verification")).getCssValue("display"))
                .isEqualTo("block");
        browser.screenshot("integrations-narrow");
    }

    @Test
    void deletesAnIntegrationAfterAskingAndTheApiNoLongerHasIt() {
        String consumer = unique("Web");
        String provider = unique("Orders");
        publish(consumer, provider, "1.0.0", "a");
        browser.get("/?search=" + consumer);

        WebElement before = row(consumer);
        before.findElement(By.cssSelector("details.actions summary")).click();
        row(consumer)
                .findElement(By.cssSelector("button[aria-label^='Delete the integration']"))
                .click();
        assertThat(browser.driver().switchTo().alert().getText()).contains(consumer, provider);
        browser.driver().switchTo().alert().accept();
        browser.waiting().until(ExpectedConditions.stalenessOf(before));

        browser.waiting()
                .until(d -> d.findElements(By.cssSelector("#integrations tr[data-consumer='" + consumer + "']"))
                        .isEmpty());
        given().get("/pacts/provider/{p}/consumer/{c}/latest", provider, consumer)
                .then()
                .statusCode(404);
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void deletesThePactsAndKeepsTheApplications() {
        String consumer = unique("Web");
        String provider = unique("Orders");
        publish(consumer, provider, "1.0.0", "a");
        browser.get("/?search=" + consumer);

        WebElement before = row(consumer);
        before.findElement(By.cssSelector("details.actions summary")).click();
        row(consumer)
                .findElement(By.cssSelector("button[aria-label^='Delete the pacts']"))
                .click();
        assertThat(browser.driver().switchTo().alert().getText()).contains("stay");
        browser.driver().switchTo().alert().accept();
        browser.waiting().until(ExpectedConditions.stalenessOf(before));

        // the integration stays, with no pact; so do the applications and their versions
        assertThat(status(consumer)).contains("no pact");
        given().get("/pacts/provider/{p}/consumer/{c}/latest", provider, consumer)
                .then()
                .statusCode(404);
        given().get("/pacticipants/{p}/versions/1.0.0", consumer).then().statusCode(200);
    }

    @Test
    void aNameThatLooksLikeHtmlIsShownAsText() {
        String consumer = unique("<img src=x onerror=alert(1)>");
        String provider = unique("<script>document.title='owned'</script>");
        publish(consumer, provider, "1.0.0", "a");

        browser.get("/?search=" + java.net.URLEncoder.encode(consumer, java.nio.charset.StandardCharsets.UTF_8));

        assertThat(browser.driver().findElements(By.cssSelector("#integrations img")))
                .isEmpty();
        assertThat(browser.driver().getTitle()).isEqualTo("Integrations · Pactport");
        assertThat(row(consumer).getText()).contains(consumer, provider);
        assertThat(browser.driver().getPageSource()).doesNotContain("<img src=x");
    }

    @Test
    void apiClientsStillGetTheIndexAsHal() {
        given().accept("application/hal+json").get("/").then().statusCode(200).contentType("application/hal+json");
    }

    private WebElement row(String consumer) {
        return browser.driver().findElement(By.cssSelector("#integrations tr[data-consumer='" + consumer + "']"));
    }

    private String status(String consumer) {
        return row(consumer).findElement(By.cssSelector("td.verification")).getText();
    }
}
