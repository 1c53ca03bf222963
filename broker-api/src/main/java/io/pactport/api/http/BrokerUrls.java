package io.pactport.api.http;

import jakarta.ws.rs.core.UriInfo;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Every URL broker-api puts in a link, in the Pact Broker's forms, with names percent-encoded as the Pact Broker encodes
 * them; one place, so that a link and the route it points at cannot drift apart.
 */
public final class BrokerUrls {

    private BrokerUrls() {}

    /** Ruby's {@code ERB::Util.url_encode}: everything but {@code A-Za-z0-9_.~-} is percent-encoded (space as %20). */
    public static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8)
                .replace("+", "%20")
                .replace("*", "%2A")
                .replace("%7E", "~");
    }

    public static String pacticipants(String base) {
        return base + "/pacticipants";
    }

    public static String pacticipant(String base, String name) {
        return pacticipants(base) + "/" + encode(name);
    }

    public static String versions(String base, String pacticipant) {
        return pacticipant(base, pacticipant) + "/versions";
    }

    public static String version(String base, String pacticipant, String number) {
        return versions(base, pacticipant) + "/" + encode(number);
    }

    public static String branches(String base, String pacticipant) {
        return pacticipant(base, pacticipant) + "/branches";
    }

    public static String branch(String base, String pacticipant, String branch) {
        return branches(base, pacticipant) + "/" + encode(branch);
    }

    public static String branchVersion(String base, String pacticipant, String branch, String number) {
        return branch(base, pacticipant, branch) + "/versions/" + encode(number);
    }

    public static String label(String base, String pacticipant, String label) {
        return pacticipant(base, pacticipant) + "/labels/" + encode(label);
    }

    public static String environment(String base, String uuid) {
        return base + "/environments/" + encode(uuid);
    }

    public static String deployedVersion(String base, String uuid) {
        return base + "/deployed-versions/" + encode(uuid);
    }

    public static String releasedVersion(String base, String uuid) {
        return base + "/released-versions/" + encode(uuid);
    }

    public static String tag(String base, String pacticipant, String number, String tag) {
        return version(base, pacticipant, number) + "/tags/" + encode(tag);
    }

    /** {@code /pacts/provider/P/consumer/C}: the base of every URL about one integration's pacts. */
    public static String integration(String base, String consumer, String provider) {
        return base + "/pacts/provider/" + encode(provider) + "/consumer/" + encode(consumer);
    }

    public static String pact(String base, String consumer, String provider, String consumerVersion) {
        return integration(base, consumer, provider) + "/version/" + encode(consumerVersion);
    }

    public static String latestPact(String base, String consumer, String provider) {
        return integration(base, consumer, provider) + "/latest";
    }

    public static String pactVersion(String base, String consumer, String provider, String sha) {
        return integration(base, consumer, provider) + "/pact-version/" + sha;
    }

    /** Where verification results for this content are published; keeps the metadata the pact was fetched with. */
    public static String verificationPublication(
            String base, String consumer, String provider, String sha, String metadata) {
        return pactVersion(base, consumer, provider, sha) + (metadata == null ? "" : "/metadata/" + metadata)
                + "/verification-results";
    }

    public static String verification(String base, String consumer, String provider, String sha, Object number) {
        return pactVersion(base, consumer, provider, sha) + "/verification-results/" + number;
    }

    /** The summary of the latest verification results of a consumer version's pacts. */
    public static String consumerVersionVerifications(String base, String consumer, String version) {
        return base + "/verification-results/consumer/" + encode(consumer) + "/version/" + encode(version) + "/latest";
    }

    public static String webhooks(String base) {
        return base + "/webhooks";
    }

    public static String webhook(String base, String uuid) {
        return webhooks(base) + "/" + encode(uuid);
    }

    public static String webhookExecution(String base, String uuid) {
        return webhook(base, uuid) + "/execute";
    }

    /** {@code /webhooks/provider/P/consumer/C}, the webhooks of one consumer and provider. */
    public static String webhooksFor(String base, String consumer, String provider) {
        return webhooks(base) + "/provider/" + encode(provider) + "/consumer/" + encode(consumer);
    }

    /** {@code /pacts/provider/P/consumer/C/webhooks}. */
    public static String pactWebhooks(String base, String consumer, String provider) {
        return integration(base, consumer, provider) + "/webhooks";
    }

    public static String triggeredWebhookLogs(String base, String uuid) {
        return base + "/triggered-webhooks/" + encode(uuid) + "/logs";
    }

    public static String pacticipantsWithLabel(String base, String label) {
        return pacticipants(base) + "/label/" + encode(label);
    }

    /** The URL the request was made to, under {@code base} (which may differ from the request's own host). */
    public static String self(String base, UriInfo request) {
        String query = request.getRequestUri().getRawQuery();
        return base + "/" + request.getPath().replaceFirst("^/", "") + (query == null ? "" : "?" + query);
    }
}
