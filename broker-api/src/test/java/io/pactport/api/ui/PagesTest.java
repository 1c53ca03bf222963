package io.pactport.api.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.pactport.core.testing.Browser;
import io.pactport.core.testing.KafkaResource;
import io.pactport.core.testing.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Every page, in a real browser: it loads without a console error (a script error, a failed request, anything the
 * content security policy blocked), and its HTML is the plain, accessible kind the UI promises — one main heading, a
 * label for every field, header cells in every table, text beside every image — on a desktop and on a phone's width.
 * Each page's screenshot is saved for a reviewer.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class PagesTest {

    @TestHTTPResource("/")
    URL root;

    @Test
    void everyPageLoadsCleanlyAndIsAccessible() {
        PageWalk walk = PageWalk.seed();
        List<String> problems = new ArrayList<>();
        try (Browser browser = Browser.open(root.toString().replaceAll("/$", ""))) {
            for (PageWalk.Page page : walk.pages()) {
                String path = page.path();
                browser.get(path);
                String heading = browser.driver().findElement(By.tagName("h1")).getText();
                if (heading.startsWith("Not Found") || heading.startsWith("Bad Request")) {
                    problems.add(path + ": answered " + heading);
                }
                browser.consoleErrors().forEach(error -> problems.add(path + ": console: " + error));
                problems.addAll(accessibility(browser, path));
                browser.screenshot("page-" + page.name());
            }
            browser.resize(390, 844);
            for (PageWalk.Page page : walk.pages()) {
                String path = page.path();
                browser.get(path);
                browser.consoleErrors().forEach(error -> problems.add(path + " (narrow): console: " + error));
                browser.screenshot("page-" + page.name() + "-narrow");
            }
        }
        assertThat(problems).isEmpty();
    }

    /** What an automated check can see of the promises: headings, labels, table headers, alternative text. */
    static List<String> accessibility(Browser browser, String path) {
        List<String> problems = new ArrayList<>();
        var driver = browser.driver();
        if (driver.findElements(By.tagName("h1")).size() != 1) {
            problems.add(path + ": not exactly one h1");
        }
        for (WebElement field : driver.findElements(By.cssSelector("input, select, textarea"))) {
            String type = field.getAttribute("type");
            if (List.of("hidden", "submit", "button").contains(type)) {
                continue;
            }
            String id = field.getAttribute("id");
            boolean labelled = field.getAttribute("aria-label") != null
                    || (id != null
                            && !id.isEmpty()
                            && !driver.findElements(By.cssSelector("label[for='" + id + "']"))
                                    .isEmpty())
                    || !field.findElements(By.xpath("ancestor::label")).isEmpty();
            if (!labelled) {
                problems.add(path + ": a field without a label: " + field.getAttribute("outerHTML"));
            }
        }
        for (WebElement table : driver.findElements(By.tagName("table"))) {
            if (table.findElements(By.tagName("th")).isEmpty()) {
                problems.add(path + ": a table without header cells");
            }
        }
        for (WebElement image : driver.findElements(By.tagName("img"))) {
            if (image.getAttribute("alt") == null) {
                problems.add(path + ": an image without alternative text");
            }
        }
        return problems;
    }
}
