package io.pactport.api.integrations;

import io.vertx.mutiny.sqlclient.Row;

/** A row of {@code integrations}: a consumer and a provider between which contracts were published. */
public record Integration(long consumerId, String consumerName, long providerId, String providerName) {

    public static Integration from(Row row) {
        return new Integration(
                row.getLong("consumer_id"),
                row.getString("consumer_name"),
                row.getLong("provider_id"),
                row.getString("provider_name"));
    }
}
