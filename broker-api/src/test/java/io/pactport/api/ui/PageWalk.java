package io.pactport.api.ui;

import static io.pactport.api.ApiFixture.createWebhook;
import static io.pactport.api.ApiFixture.deploy;
import static io.pactport.api.ApiFixture.disabled;
import static io.pactport.api.ApiFixture.environment;
import static io.pactport.api.ApiFixture.event;
import static io.pactport.api.ApiFixture.publish;
import static io.pactport.api.ApiFixture.unique;
import static io.pactport.api.ApiFixture.verify;
import static io.pactport.api.ApiFixture.webhook;

import java.util.List;

/**
 * One of every page of the UI, on a small dataset seeded through the API: what the page-wide tests
 * ({@link PagesTest}, {@link UiAuthTest}) open.
 */
record PageWalk(String consumer, String provider, List<PageWalk.Page> pages) {

    /** A page by a stable name (its screenshot's) and the address a user opens. */
    record Page(String name, String path) {}

    static PageWalk seed() {
        String consumer = unique("walk-web");
        String provider = unique("walk-orders");
        String sha = publish(consumer, provider, "1.0.0", "a");
        verify(consumer, provider, sha, "9.0.0", true);
        String productionName = unique("walk-prod");
        String production = environment(productionName, true);
        deploy(provider, "9.0.0", production);
        String webhook = createWebhook(disabled(webhook(
                "\"consumer\":{\"name\":\"" + consumer + "\"},",
                "https://ci.example.com/build",
                event("contract_content_changed"))));
        String pact = "/pacts/provider/" + provider + "/consumer/" + consumer;
        return new PageWalk(
                consumer,
                provider,
                List.of(
                        new Page("integrations", "/"),
                        new Page("integrations-with-tags", "/?tags=true&search=" + consumer),
                        new Page("pacticipant", "/pacticipants/" + consumer),
                        new Page("pacticipant-network", "/pacticipants/" + consumer + "/network"),
                        new Page("network", "/network"),
                        new Page("pact-latest", pact + "/latest"),
                        new Page("pact-version", pact + "/version/1.0.0"),
                        new Page(
                                "matrix",
                                "/matrix?q%5B%5D%5Bpacticipant%5D=" + consumer
                                        + "&q%5B%5D%5Bversion%5D=1.0.0&latestby=cvp" + "&latest=true"),
                        new Page("matrix-integration", "/matrix/provider/" + provider + "/consumer/" + consumer),
                        new Page(
                                "can-i-deploy",
                                "/can-i-deploy?pacticipant=" + consumer + "&version=1.0.0&environment="
                                        + productionName),
                        new Page("environments", "/environments"),
                        new Page("environment", "/environments/" + production),
                        new Page("webhooks", "/webhooks"),
                        new Page("webhook", "/webhooks/" + webhook),
                        new Page("operations", "/operations"),
                        new Page("operations-cutover", "/operations/cutover"),
                        new Page("operations-sync", "/operations/sync"),
                        new Page("operations-retention", "/operations/retention"),
                        new Page("explorer", "/hal-browser/browser.html#/pacticipants"),
                        new Page("explorer-versions", "/pacticipants/" + consumer + "/versions")));
    }
}
