package io.pactport.api.dashboard;

import io.vertx.mutiny.sqlclient.Row;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;

/**
 * One line of the dashboard: a head pact (the newest of its integration, of a consumer version tag, or of a consumer
 * version deployed or released now) with the newest verification of its content.
 *
 * @param tagNames             the consumer version's tags of which it is the newest with a pact for the provider, oldest
 *                             first
 * @param consumerBranches     the branches the consumer version is the head of
 * @param providerVersion      the number of the provider version that verified it last, or null when never verified
 * @param providerBranches     the branches that provider version is the head of
 * @param providerTags         that provider version's tags of which it is the provider's newest version, by name
 * @param success              the last verification's outcome, or null when never verified
 * @param pactPending          whether the pact was pending for the provider when that verification ran
 */
record DashboardItem(
        String consumer,
        String provider,
        String consumerVersion,
        List<String> tagNames,
        List<String> consumerBranches,
        String sha,
        LocalDateTime pactCreatedAt,
        String providerVersion,
        List<String> providerBranches,
        List<String> providerTags,
        Boolean success,
        LocalDateTime verifiedAt,
        boolean pactPending) {

    static DashboardItem from(Row row) {
        return new DashboardItem(
                row.getString("consumer_name"),
                row.getString("provider_name"),
                row.getString("consumer_version_number"),
                strings(row, "tag_names"),
                strings(row, "consumer_branches"),
                row.getString("sha"),
                row.getLocalDateTime("pact_created_at"),
                row.getString("provider_version_number"),
                strings(row, "provider_branches"),
                strings(row, "provider_tags"),
                row.getBoolean("success"),
                row.getLocalDateTime("verified_at"),
                Boolean.TRUE.equals(row.getBoolean("pact_pending")));
    }

    private static List<String> strings(Row row, String column) {
        String[] values = row.getArrayOfStrings(column);
        return values == null ? List.of() : Arrays.asList(values);
    }

    boolean verified() {
        return success != null;
    }

    /** The Pact Broker's status of the integration's pseudo branch: never, success, failed or failed_pending. */
    String verificationStatus() {
        if (!verified()) {
            return "never";
        }
        if (success) {
            // the verification is of this pact's own content, so it cannot be stale
            return "success";
        }
        return pactPending ? "failed_pending" : "failed";
    }

    /** The newest of the publication and the verification, which orders the dashboard. */
    LocalDateTime lastActivity() {
        return verifiedAt != null && verifiedAt.isAfter(pactCreatedAt) ? verifiedAt : pactCreatedAt;
    }
}
