package io.pactport.api.resource;

import io.pactport.api.model.PactPublication;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The Pact Broker's URLs for pacts, pacticipants, versions and verification results; names percent-encoded. */
public final class PactUrls {

    private PactUrls() {
    }

    /** Ruby's {@code ERB::Util.url_encode}: everything but {@code A-Za-z0-9_.~-} is percent-encoded (space as %20). */
    public static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8)
                .replace("+", "%20").replace("*", "%2A").replace("%7E", "~");
    }

    public static String pacticipant(String base, String name) {
        return base + "/pacticipants/" + encode(name);
    }

    public static String version(String base, String pacticipant, String number) {
        return pacticipant(base, pacticipant) + "/versions/" + encode(number);
    }

    public static String tag(String base, String pacticipant, String number, String tag) {
        return version(base, pacticipant, number) + "/tags/" + encode(tag);
    }

    /** {@code /pacts/provider/P/consumer/C}: the base of every URL about one integration's pacts. */
    public static String integration(String base, String consumer, String provider) {
        return base + "/pacts/provider/" + encode(provider) + "/consumer/" + encode(consumer);
    }

    public static String pact(String base, PactPublication pact) {
        return integration(base, pact.consumerName(), pact.providerName()) + "/version/"
                + encode(pact.consumerVersionNumber());
    }

    public static String latestPact(String base, PactPublication pact) {
        return integration(base, pact.consumerName(), pact.providerName()) + "/latest";
    }

    public static String pactVersion(String base, String consumer, String provider, String sha) {
        return integration(base, consumer, provider) + "/pact-version/" + sha;
    }

    /** Where verification results for this content are published; keeps the metadata the pact was fetched with. */
    public static String verificationPublication(String base, String consumer, String provider, String sha,
            String metadata) {
        return pactVersion(base, consumer, provider, sha) + (metadata == null ? "" : "/metadata/" + metadata)
                + "/verification-results";
    }

    public static String verification(String base, String consumer, String provider, String sha, Object number) {
        return pactVersion(base, consumer, provider, sha) + "/verification-results/" + number;
    }
}
