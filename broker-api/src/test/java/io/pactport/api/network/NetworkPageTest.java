package io.pactport.api.network;

import static io.pactport.api.ApiFixture.count;
import static io.pactport.api.ApiFixture.execute;
import static io.pactport.api.ApiFixture.publish;
import static io.pactport.api.ApiFixture.unique;
import static org.assertj.core.api.Assertions.assertThat;

import io.pactport.api.BrowserTest;
import io.pactport.core.testing.KafkaResource;
import io.pactport.core.testing.PostgresResource;
import io.pactport.core.testing.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The network pages, in a real browser: the graph network.js draws and the table of links under it. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class NetworkPageTest extends BrowserTest {

    private static final String NODES = "#network-drawing svg .node";
    /** Pairs of node boxes that overlap, as the browser lays them out. */
    private static final String OVERLAPS = """
            const boxes = [...document.querySelectorAll('#network-drawing svg .node rect')]
                .map(e => e.getBoundingClientRect());
            let overlaps = 0;
            for (let i = 0; i < boxes.length; i++) {
              for (let j = i + 1; j < boxes.length; j++) {
                const a = boxes[i], b = boxes[j];
                if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom) overlaps++;
              }
            }
            return overlaps;""";

    TestDatabase database;

    @Test
    void aPacticipantsNetworkDrawsItsGroupOnlyAndItsNodesOpenTheirPages() {
        String web = unique("Web");
        String orders = unique("Orders");
        String stock = unique("Stock");
        String elsewhere = unique("Elsewhere");
        publish(web, orders, "1", "a");
        publish(orders, stock, "1", "b");
        publish(elsewhere, unique("Other"), "1", "c");

        browser.get("/pacticipants/" + web + "/network");

        assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("Network of " + web);
        browser.waiting().until(d -> d.findElements(By.cssSelector(NODES)).size() == 3);
        assertThat(browser.driver().findElements(By.cssSelector(NODES)))
                .extracting(WebElement::getText)
                .containsExactlyInAnyOrder(web, orders, stock);
        assertThat(browser.driver().findElements(By.cssSelector("#network-drawing svg .edge")))
                .hasSize(2);
        assertThat(browser.driver()
                        .findElement(By.cssSelector(NODES + ".centre"))
                        .getText())
                .isEqualTo(web);
        assertThat(browser.driver().findElements(By.cssSelector("#network-links tbody tr")))
                .extracting(r -> r.getAttribute("data-consumer") + " → " + r.getAttribute("data-provider"))
                .containsExactlyInAnyOrder(web + " → " + orders, orders + " → " + stock);
        assertThat(browser.consoleErrors()).isEmpty();
        browser.screenshot("network-of-pacticipant");

        browser.driver().findElements(By.cssSelector(NODES)).stream()
                .filter(n -> n.getText().equals(stock))
                .findFirst()
                .orElseThrow()
                .click();
        browser.waiting().until(d -> d.findElement(By.tagName("h1")).getText().equals(stock));
    }

    @Test
    void twoHundredPacticipantsAreAllDrawnWithoutOverlappingLabels() {
        String prefix = unique("net");
        seedNetworkOf200(prefix);

        long start = System.nanoTime();
        browser.get("/pacticipants/" + prefix + "-svc-001/network");
        browser.waiting()
                .withMessage(() -> "drawn: "
                        + browser.driver().findElements(By.cssSelector(NODES)).size() + " nodes, "
                        + browser.driver()
                                .findElements(By.cssSelector("#network-links tbody tr"))
                                .size() + " links, "
                        + browser.consoleErrors())
                .until(d -> d.findElements(By.cssSelector(NODES)).size() == 200);
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(browser.driver().findElements(By.cssSelector("#network-links tbody tr")))
                .hasSize(276);
        assertThat(browser.driver().executeScript(OVERLAPS)).isEqualTo(0L);
        assertThat(browser.consoleErrors()).isEmpty();
        browser.screenshot("network-200");
        browser.driver()
                .findElement(By.xpath("//button[text()='Fit to the page']"))
                .click();
        assertThat(browser.driver().executeScript(OVERLAPS)).isEqualTo(0L);
        browser.screenshot("network-200-fitted");
        System.out.println("network of 200 pacticipants loaded and drawn in " + millis + " ms");

        browser.get("/network");
        browser.waiting().until(d -> !d.findElements(By.cssSelector(NODES)).isEmpty());
        long drawn = count(database, """
                SELECT count(DISTINCT id) FROM pacticipants
                WHERE id IN (SELECT consumer_id FROM integrations UNION SELECT provider_id FROM integrations)
                """);
        assertThat(browser.driver().findElements(By.cssSelector(NODES))).hasSize((int) drawn);
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void aNameThatLooksLikeHtmlIsDrawnAndListedAsText() {
        String web = unique("<img src=x onerror=alert(1)>");
        String orders = unique("<b>Orders</b>");
        publish(web, orders, "1", "a");

        browser.get("/pacticipants/"
                + URLEncoder.encode(web, StandardCharsets.UTF_8).replace("+", "%20") + "/network");

        browser.waiting().until(d -> d.findElements(By.cssSelector(NODES)).size() == 2);
        assertThat(browser.driver().findElements(By.cssSelector(NODES)))
                .extracting(WebElement::getText)
                .containsExactlyInAnyOrder(web, orders);
        assertThat(browser.driver().findElements(By.cssSelector("main img, main b, #network-drawing svg image")))
                .isEmpty();
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void anUnknownPacticipantsNetworkIsANotFoundPage() {
        browser.get("/pacticipants/" + unique("Nobody") + "/network");
        assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("Not Found");
    }

    /**
     * 160 applications and 40 services in tiers, as a company's network grows: each application consumes one of 10
     * front services and every other one also a core service; each front service consumes two of the 30 services under
     * it, the middle tier the lowest, and one of the lowest consumes one of the middle (a cycle). The 200 form one group
     * of 276 integrations.
     */
    private void seedNetworkOf200(String prefix) {
        execute(database, """
                INSERT INTO pacticipants (name, created_at, updated_at)
                SELECT ? || '-svc-' || lpad(i::text, 3, '0'), now(), now() FROM generate_series(1, 40) i
                UNION ALL
                SELECT ? || '-app-' || lpad(i::text, 3, '0'), now(), now() FROM generate_series(1, 160) i
                """, prefix, prefix);
        execute(database, """
                INSERT INTO integrations (consumer_id, provider_id, created_at)
                SELECT c.id, p.id, now() FROM (
                    SELECT '-app-' || lpad(i::text, 3, '0') AS consumer, i % 10 + 1 AS provider
                    FROM generate_series(1, 160) i
                    UNION ALL
                    SELECT '-app-' || lpad(i::text, 3, '0'), (i * 7) % 29 + 11 FROM generate_series(2, 160, 2) i
                    UNION ALL
                    SELECT '-svc-' || lpad(i::text, 3, '0'), i + 10 FROM generate_series(1, 10) i
                    UNION ALL
                    SELECT '-svc-' || lpad(i::text, 3, '0'), i + 20 FROM generate_series(1, 10) i
                    UNION ALL
                    SELECT '-svc-' || lpad(i::text, 3, '0'), i + 15 FROM generate_series(11, 25) i
                    UNION ALL
                    SELECT '-svc-026', 11
                ) l
                JOIN pacticipants c ON c.name = ? || l.consumer
                JOIN pacticipants p ON p.name = ? || '-svc-' || lpad(l.provider::text, 3, '0')
                """, prefix, prefix);
        assertThat(count(
                        database,
                        "SELECT count(*) FROM integrations i JOIN pacticipants c ON c.id = i.consumer_id"
                                + " WHERE c.name LIKE ?",
                        prefix + "-%"))
                .isEqualTo(276);
    }
}
