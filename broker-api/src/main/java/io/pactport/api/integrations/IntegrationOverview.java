package io.pactport.api.integrations;

import io.vertx.mutiny.sqlclient.Row;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;

/**
 * One line of the UI's integrations page: a consumer and provider, their latest pact and the newest verification of its
 * content, the versions' branches, tags and environments, and how the integration's webhooks last ran.
 *
 * @param consumerVersion  the latest pact's consumer version; null when the integration has no pact left
 * @param providerVersion  the provider version that last verified that pact's content; null when never verified
 * @param success          that verification's outcome; null when never verified
 * @param webhookStatus    the last triggered webhook's status (success, failure, retrying, not_run); null when none ran
 * @param hasWebhooks      whether any webhook (of the integration or of every integration) would fire for it
 */
public record IntegrationOverview(
        String consumer,
        String provider,
        String consumerVersion,
        LocalDateTime pactPublishedAt,
        List<String> consumerBranches,
        List<String> consumerTags,
        List<String> consumerEnvironments,
        String providerVersion,
        Boolean success,
        LocalDateTime verifiedAt,
        List<String> providerBranches,
        List<String> providerTags,
        List<String> providerEnvironments,
        String webhookStatus,
        boolean hasWebhooks) {

    static IntegrationOverview from(Row row) {
        return new IntegrationOverview(
                row.getString("consumer_name"),
                row.getString("provider_name"),
                row.getString("consumer_version"),
                row.getLocalDateTime("pact_published_at"),
                strings(row, "consumer_branches"),
                strings(row, "consumer_tags"),
                strings(row, "consumer_environments"),
                row.getString("provider_version"),
                row.getBoolean("success"),
                row.getLocalDateTime("verified_at"),
                strings(row, "provider_branches"),
                strings(row, "provider_tags"),
                strings(row, "provider_environments"),
                row.getString("webhook_status"),
                Boolean.TRUE.equals(row.getBoolean("has_webhooks")));
    }

    private static List<String> strings(Row row, String column) {
        String[] values = row.getArrayOfStrings(column);
        return values == null ? List.of() : Arrays.asList(values);
    }

    /** The verification status as a word the page shows beside its colour: verified, failed or unverified. */
    public String verification() {
        if (consumerVersion == null) {
            return "no pact";
        }
        if (success == null) {
            return "unverified";
        }
        return success ? "verified" : "failed";
    }
}
