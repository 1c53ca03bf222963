package io.pactport.api.ui;

import static io.pactport.api.ApiFixture.pacticipant;
import static io.pactport.api.ApiFixture.publish;
import static io.pactport.api.ApiFixture.unique;
import static org.assertj.core.api.Assertions.assertThat;

import io.pactport.api.BrowserTest;
import io.pactport.core.testing.KafkaResource;
import io.pactport.core.testing.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The API explorer in a real browser: the HAL browser's address opens the resource after its {@code #}, a templated link's
 * form opens the resource its variables name, embedded resources are listed with their own links, and a resource that
 * is not there says so.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class ExplorerPageTest extends BrowserTest {

    @Test
    void theHalBrowsersAddressOpensTheResourceAfterItsHashWithItsEmbeddedResourcesAndTheirLinks() {
        String name = unique("Explorer");
        pacticipant(name);

        browser.get("/hal-browser/browser.html#/pacticipants");

        awaitLoaded();
        assertThat(browser.driver().findElement(By.id("explorer-title")).getText())
                .isEqualTo("/pacticipants");
        assertThat(browser.driver().findElement(By.id("explorer-status")).getText())
                .startsWith("200");
        assertThat(browser.driver()
                        .findElement(By.cssSelector("#explorer-links tr[data-rel='self'] a"))
                        .getAttribute("href"))
                .endsWith("/pacticipants");
        WebElement item = embedded("pacticipants", name);
        WebElement self = item.findElement(By.cssSelector("tr[data-rel='self'] a"));
        assertThat(self.getText()).isEqualTo("/pacticipants/" + name);
        assertThat(item.findElement(By.cssSelector("tr[data-rel='pb:versions'] td:first-child a"))
                        .getAttribute("href"))
                .contains("/doc/");
        assertThat(browser.driver().findElement(By.linkText("OpenAPI document")).getAttribute("href"))
                .endsWith("/q/openapi");
        assertThat(browser.consoleErrors()).isEmpty();
        browser.screenshot("explorer-pacticipants");

        self.click();

        browser.waiting().until(d -> d.getCurrentUrl().endsWith("/pacticipants/" + name));
    }

    @Test
    void aTemplatedLinksFormFillsItsVariablesAndOpensTheResource() {
        String consumer = unique("Web");
        String provider = unique("Orders");
        publish(consumer, provider, "1.0.0", "a");
        browser.get("/hal-browser/browser.html#/");
        awaitLoaded();
        WebElement form = browser.driver()
                .findElement(By.cssSelector("tr[data-rel='pb:latest-provider-pacts'] form.template-form"));
        WebElement input = form.findElement(By.cssSelector("input[name='provider']"));
        assertThat(browser.driver()
                        .findElement(By.cssSelector("label[for='" + input.getAttribute("id") + "']"))
                        .getText())
                .isEqualTo("provider");
        browser.screenshot("explorer-index");

        input.sendKeys(provider);
        form.findElement(By.tagName("button")).click();

        browser.waiting().until(d -> d.getCurrentUrl().endsWith("/pacts/provider/" + provider + "/latest"));
        awaitLoaded();
        assertThat(browser.driver().findElement(By.id("explorer-status")).getText())
                .startsWith("200");
        assertThat(browser.driver().findElements(By.cssSelector("#explorer-links tr[data-rel='pb:pacts'] a")))
                .extracting(WebElement::getText)
                .anySatisfy(path -> assertThat(path).contains("/consumer/" + consumer + "/"));
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void aResourceThatIsNotThereSaysSoInWords() {
        browser.get("/hal-browser/browser.html#/webhooks/provider/" + unique("Nobody"));

        awaitLoaded();
        assertThat(browser.driver().findElement(By.id("explorer-status")).getText())
                .startsWith("404");
        assertThat(browser.driver().findElement(By.id("explorer-refusal")).getText())
                .contains("There is no resource at this address");
        assertThat(browser.driver().findElement(By.id("explorer-body")).getText())
                .contains("No pacticipant with name");
        // Chrome logs the failed request itself; the page adds nothing of its own
        assertThat(browser.consoleErrors()).allMatch(line -> line.contains("status of 404"));
        browser.screenshot("explorer-not-found");
    }

    private void awaitLoaded() {
        browser.waiting()
                .until(d -> !d.findElement(By.id("explorer-status")).getText().startsWith("Loading"));
    }

    private WebElement embedded(String rel, String name) {
        List<WebElement> items =
                browser.driver().findElements(By.cssSelector("#explorer-embedded section[data-rel='" + rel + "']"));
        return items.stream()
                .filter(item -> item.findElement(By.tagName("h3")).getText().contains(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no embedded " + rel + " named " + name));
    }
}
