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
record PageWalk(String consumer, String provider, List<String> paths) {

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
                        "/",
                        "/?tags=true&search=" + consumer,
                        "/pacticipants/" + consumer,
                        "/pacticipants/" + consumer + "/network",
                        "/network",
                        pact + "/latest",
                        pact + "/version/1.0.0",
                        "/matrix?q%5B%5D%5Bpacticipant%5D=" + consumer + "&q%5B%5D%5Bversion%5D=1.0.0&latestby=cvp"
                                + "&latest=true",
                        "/matrix/provider/" + provider + "/consumer/" + consumer,
                        "/can-i-deploy?pacticipant=" + consumer + "&version=1.0.0&environment=" + productionName,
                        "/environments",
                        "/environments/" + production,
                        "/webhooks",
                        "/webhooks/" + webhook,
                        "/operations",
                        "/operations/cutover",
                        "/operations/sync",
                        "/operations/retention",
                        "/hal-browser/browser.html#/pacticipants",
                        "/pacticipants/" + consumer + "/versions"));
    }
}
