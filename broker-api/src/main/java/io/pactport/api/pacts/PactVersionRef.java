package io.pactport.api.pacts;

import io.vertx.mutiny.sqlclient.Row;

/** A row of {@code pact_versions} without its content: what a verification result is recorded against. */
public record PactVersionRef(
        long id, long consumerId, String consumerName, long providerId, String providerName, String sha) {

    public static PactVersionRef from(Row row) {
        return new PactVersionRef(
                row.getLong("id"),
                row.getLong("consumer_id"),
                row.getString("consumer_name"),
                row.getLong("provider_id"),
                row.getString("provider_name"),
                row.getString("sha"));
    }
}
