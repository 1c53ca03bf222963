package io.pactport.api.pacts;

import io.pactport.api.http.BrokerUrls;
import io.vertx.mutiny.sqlclient.Row;
import java.time.LocalDateTime;

/**
 * One revision of the pact between a consumer version and a provider ({@code pact_publications}), with what a reader
 * of it needs: the names, the consumer version, and the content it points to in {@code pact_versions}.
 */
public record PactPublication(
        long id,
        long consumerId,
        String consumerName,
        long providerId,
        String providerName,
        long consumerVersionId,
        String consumerVersionNumber,
        Integer consumerVersionOrder,
        int revisionNumber,
        long pactVersionId,
        String sha,
        String content,
        LocalDateTime createdAt) {

    /** Maps the columns of {@code PactRepository}'s publication queries. */
    public static PactPublication from(Row row) {
        return new PactPublication(
                row.getLong("id"),
                row.getLong("consumer_id"),
                row.getString("consumer_name"),
                row.getLong("provider_id"),
                row.getString("provider_name"),
                row.getLong("consumer_version_id"),
                row.getString("consumer_version_number"),
                row.getInteger("consumer_version_order"),
                row.getInteger("revision_number"),
                row.getLong("pact_version_id"),
                row.getString("sha"),
                row.getString("content"),
                row.getLocalDateTime("created_at"));
    }

    /** The Pact Broker's name for a pact, shown in link names and notices. */
    public String name() {
        return "Pact between " + consumerName + " (" + consumerVersionNumber + ") and " + providerName;
    }

    /** {@code /pacts/provider/P/consumer/C/version/V} under {@code base}. */
    public String url(String base) {
        return BrokerUrls.pact(base, consumerName, providerName, consumerVersionNumber);
    }

    /** {@code /pacts/provider/P/consumer/C/latest} under {@code base}. */
    public String latestUrl(String base) {
        return BrokerUrls.latestPact(base, consumerName, providerName);
    }
}
