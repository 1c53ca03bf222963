package io.pactport.api.pacts;

import io.pactport.api.http.BrokerUrls;
import io.pactport.api.http.Hal;
import io.pactport.api.http.Timestamps;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Pact Broker's lists of one integration's pacts (its {@code PactVersionsDecorator}, for all versions and by
 * branch, and {@code TaggedPactVersionsDecorator}, by tag), and the body it answers a delete of pacts with.
 */
final class PactVersionsHal {

    /** The Pact Broker names each pact "Version 1.0.0 - 31/12/2026", the day it was published. */
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private PactVersionsHal() {}

    /** {@code …/versions} and the consumer branch lists: {@code self} is the URL asked. */
    static Map<String, Object> versions(
            String provider, String consumer, List<PactPublication> pacts, String base, String self) {
        Map<String, Object> links = new LinkedHashMap<>();
        links.put(
                "self",
                new Hal.Link(self, "All versions of the pact between " + consumer + " and " + provider, null, null));
        links.put("consumer", new Hal.Link(BrokerUrls.pacticipant(base, consumer), "Consumer", consumer, null));
        links.put("provider", new Hal.Link(BrokerUrls.pacticipant(base, provider), "Provider", provider, null));
        links.put("pact-versions", pactLinks(pacts, base, "Pact"));
        return body(pacts, base, links);
    }

    /** {@code …/tag/{tag}}. */
    static Map<String, Object> tagged(
            String provider, String consumer, String tag, List<PactPublication> pacts, String base, String self) {
        Map<String, Object> links = new LinkedHashMap<>();
        links.put(
                "self",
                new Hal.Link(
                        self,
                        "All versions of the pact between " + consumer + " and " + provider + " with tag " + tag,
                        null,
                        null));
        links.put("pb:consumer", new Hal.Link(BrokerUrls.pacticipant(base, consumer), "Consumer", consumer, null));
        links.put("pb:provider", new Hal.Link(BrokerUrls.pacticipant(base, provider), "Provider", provider, null));
        links.put("pb:pact-versions", pactLinks(pacts, base, "Pact version"));
        return body(pacts, base, links);
    }

    /** What a delete by tag, branch or consumer version answers: the index, and the latest pact left, if any. */
    static Map<String, Object> afterDeletion(Optional<PactPublication> latest, String base) {
        Map<String, Object> links = new LinkedHashMap<>();
        links.put("index", Map.of("href", base));
        latest.ifPresent(pact ->
                links.put("pb:latest-pact-version", new Hal.Link(pact.latestUrl(base), "Latest pact", null, null)));
        return Map.of("_links", links);
    }

    private static Map<String, Object> body(List<PactPublication> pacts, String base, Map<String, Object> links) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(
                "_embedded",
                Map.of(
                        "pacts",
                        pacts.stream()
                                .map(pact -> {
                                    Map<String, Object> item = new LinkedHashMap<>();
                                    item.put("createdAt", Timestamps.format(pact.createdAt()));
                                    item.put("_embedded", Map.of("consumerVersion", embeddedVersion(pact, base)));
                                    item.put(
                                            "_links",
                                            Map.of("self", new Hal.Link(pact.url(base), pact.name(), null, null)));
                                    return item;
                                })
                                .toList()));
        body.put("_links", links);
        return body;
    }

    private static List<Hal.Link> pactLinks(List<PactPublication> pacts, String base, String title) {
        return pacts.stream()
                .map(pact -> new Hal.Link(
                        pact.url(base),
                        title,
                        "Version " + pact.consumerVersionNumber() + " - " + DAY.format(pact.createdAt()),
                        null))
                .toList();
    }

    private static Map<String, Object> embeddedVersion(PactPublication pact, String base) {
        String url = BrokerUrls.version(base, pact.consumerName(), pact.consumerVersionNumber());
        return Hal.object(
                "number",
                pact.consumerVersionNumber(),
                "_links",
                Map.of("self", new Hal.Link(url, "Version", pact.consumerVersionNumber(), null)));
    }
}
