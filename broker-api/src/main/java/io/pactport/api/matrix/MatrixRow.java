package io.pactport.api.matrix;

import io.vertx.mutiny.sqlclient.Row;
import java.time.LocalDateTime;

/**
 * A row of the matrix: the latest revision of the pact a consumer version published for a provider, and the latest
 * verification of that content by one provider version (all provider fields null when no asked provider version
 * verified it).
 */
public record MatrixRow(
        long consumerId,
        String consumerName,
        long consumerVersionId,
        String consumerVersionNumber,
        long pactPublicationId,
        int pactRevisionNumber,
        String pactVersionSha,
        LocalDateTime pactCreatedAt,
        long providerId,
        String providerName,
        Long providerVersionId,
        String providerVersionNumber,
        Long verificationId,
        Integer verificationNumber,
        Boolean success,
        LocalDateTime verifiedAt) {

    public static MatrixRow from(Row row) {
        return new MatrixRow(
                row.getLong("consumer_id"),
                row.getString("consumer_name"),
                row.getLong("consumer_version_id"),
                row.getString("consumer_version_number"),
                row.getLong("pact_publication_id"),
                row.getInteger("revision_number"),
                row.getString("sha"),
                row.getLocalDateTime("pact_created_at"),
                row.getLong("provider_id"),
                row.getString("provider_name"),
                row.getLong("provider_version_id"),
                row.getString("provider_version_number"),
                row.getLong("verification_id"),
                row.getInteger("verification_number"),
                row.getBoolean("success"),
                row.getLocalDateTime("execution_date"));
    }
}
