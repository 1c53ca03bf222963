package io.pactport.core.remote;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** What a remote Pact Broker holds, as the copy and the cut-over check see it. */
public final class RemoteModel {

    private RemoteModel() {}

    /** A pacticipant version with its labels. */
    public record Version(
            String pacticipant, String number, String buildUrl, List<String> branches, List<String> tags) {

        public Version {
            branches = branches == null ? List.of() : List.copyOf(branches);
            tags = tags == null ? List.of() : List.copyOf(tags);
        }

        public static Version of(String pacticipant, String number) {
            return new Version(pacticipant, number, null, List.of(), List.of());
        }
    }

    /** A consumer version's pact: its exact content and the content SHA the broker computed. */
    public record Pact(String consumer, String provider, String consumerVersion, String sha, String content) {}

    /**
     * A verification result of a pact content, by a provider version. {@code url} is where its details are on the
     * broker it was read from (null when it came from an event).
     */
    public record Verification(
            String consumer,
            String provider,
            String sha,
            String consumerVersion,
            String providerVersion,
            boolean success,
            String buildUrl,
            String url) {}

    /** The provider version's labels and the verifier's details that go with a verification when it is written. */
    public record VerificationDetails(
            String providerBranch, List<String> providerTags, JsonNode testResults, JsonNode verifiedBy) {

        public static final VerificationDetails NONE = new VerificationDetails(null, List.of(), null, null);

        public VerificationDetails {
            providerTags = providerTags == null ? List.of() : List.copyOf(providerTags);
        }
    }

    public record Environment(String uuid, String name, String displayName, boolean production, JsonNode contacts) {}

    /** A version currently deployed to an environment (by name), optionally to one application instance. */
    public record Deployment(String pacticipant, String version, String environment, String applicationInstance) {}

    /** A version currently released (and supported) in an environment (by name). */
    public record Release(String pacticipant, String version, String environment) {}
}
