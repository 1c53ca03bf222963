package io.pactport.api.pacts;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pactport.api.http.BrokerUrls;
import io.pactport.api.http.Hal;
import io.pactport.api.http.PactJson;
import io.pactport.api.http.Timestamps;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A pact as the Pact Broker serves it: the stored content with {@code createdAt} and the {@code _links} that CI tools
 * follow (verifiers publish their results to {@code pb:publish-verification-results}).
 */
final class PactDocument {

    private PactDocument() {}

    /**
     * @param metadata the metadata segment the pact was fetched with, echoed into the verification publication URL
     */
    static String render(PactPublication pact, String base, String metadata) {
        ObjectNode document = PactJson.readObject(pact.content());
        document.put("createdAt", Timestamps.format(pact.createdAt()));
        document.set("_links", PactJson.mapper().valueToTree(links(pact, base, metadata)));
        return PactJson.write(document);
    }

    private static Map<String, Object> links(PactPublication pact, String base, String metadata) {
        String consumer = pact.consumerName();
        String provider = pact.providerName();
        String url = pact.url(base);
        String latest = pact.latestUrl(base);
        String consumerVersion = BrokerUrls.version(base, consumer, pact.consumerVersionNumber());
        String pactVersion = BrokerUrls.pactVersion(base, consumer, provider, pact.sha());
        Map<String, Object> links = new LinkedHashMap<>();
        links.put("self", new Hal.Link(url, "Pact", pact.name(), null));
        links.put("pb:consumer", new Hal.Link(BrokerUrls.pacticipant(base, consumer), "Consumer", consumer, null));
        links.put(
                "pb:consumer-version",
                new Hal.Link(consumerVersion, "Consumer version", pact.consumerVersionNumber(), null));
        links.put("pb:provider", new Hal.Link(BrokerUrls.pacticipant(base, provider), "Provider", provider, null));
        links.put("pb:pact-version", new Hal.Link(pactVersion, "Pact content version permalink", pact.sha(), null));
        links.put("pb:latest-pact-version", link(latest, "Latest version of this pact"));
        links.put(
                "pb:all-pact-versions",
                link(BrokerUrls.integration(base, consumer, provider) + "/versions", "All versions of this pact"));
        links.put(
                "pb:latest-untagged-pact-version",
                link(
                        BrokerUrls.integration(base, consumer, provider) + "/latest-untagged",
                        "Latest untagged version of this pact"));
        links.put(
                "pb:latest-tagged-pact-version",
                Hal.Link.of(latest + "/{tag}", "Latest tagged version of this pact", true));
        links.put("pb:previous-distinct", link(url + "/previous-distinct", "Previous distinct version of this pact"));
        links.put(
                "pb:diff-previous-distinct",
                link(url + "/diff/previous-distinct", "Diff with previous distinct version of this pact"));
        links.put(
                "pb:diff",
                Hal.Link.of(
                        pactVersion + "/diff/pact-version/{pactVersion}",
                        "Diff with another specified version of this pact",
                        true));
        links.put(
                "pb:pact-webhooks",
                link(
                        base + "/webhooks/provider/" + BrokerUrls.encode(provider) + "/consumer/"
                                + BrokerUrls.encode(consumer),
                        "Webhooks for the pact between " + consumer + " and " + provider));
        links.put(
                "pb:consumer-webhooks",
                link(
                        base + "/webhooks/consumer/" + BrokerUrls.encode(consumer),
                        "Webhooks for all pacts with consumer " + consumer));
        links.put(
                "pb:tag-prod-version",
                link(
                        consumerVersion + "/tags/prod",
                        "PUT to this resource to tag this consumer version as 'production'"));
        links.put(
                "pb:tag-version",
                link(consumerVersion + "/tags/{tag}", "PUT to this resource to tag this consumer version"));
        links.put(
                "pb:publish-verification-results",
                link(
                        BrokerUrls.verificationPublication(base, consumer, provider, pact.sha(), metadata),
                        "Publish verification results"));
        links.put(
                "pb:latest-verification-results",
                Hal.Link.to(BrokerUrls.verification(base, consumer, provider, pact.sha(), "latest")));
        links.put(
                "pb:triggered-webhooks",
                link(url + "/triggered-webhooks", "Webhooks triggered by the publication of this pact"));
        links.put(
                "pb:matrix-for-consumer-version",
                link(
                        base + "/matrix?q%5B%5D%5Bpacticipant%5D="
                                + BrokerUrls.encode(consumer) + "&q%5B%5D%5Bversion%5D="
                                + BrokerUrls.encode(pact.consumerVersionNumber())
                                + "&latestby=cvpv",
                        "View matrix rows for the consumer version to which this pact belongs"));
        links.put("curies", List.of(new Hal.Link(base + "/doc/{rel}?context=pact", null, "pb", true)));
        return links;
    }

    private static Hal.Link link(String href, String title) {
        return Hal.Link.titled(href, title);
    }
}
