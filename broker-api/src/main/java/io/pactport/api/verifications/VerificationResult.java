package io.pactport.api.verifications;

import io.vertx.mutiny.sqlclient.Row;
import java.time.LocalDateTime;

/** A row of {@code verifications} with the names its representation shows. */
public record VerificationResult(
        long id,
        int number,
        String consumerName,
        String providerName,
        String sha,
        String providerVersionNumber,
        boolean success,
        LocalDateTime executionDate,
        String buildUrl,
        String testResults,
        String verifiedByImplementation,
        String verifiedByVersion,
        String verifiedByClientImplementation,
        String verifiedByClientVersion,
        String verifiedByClientTestFramework) {

    /** Maps the columns of {@code VerificationRepository}'s queries. */
    public static VerificationResult from(Row row) {
        return new VerificationResult(
                row.getLong("id"),
                row.getInteger("number"),
                row.getString("consumer_name"),
                row.getString("provider_name"),
                row.getString("sha"),
                row.getString("provider_version_number"),
                row.getBoolean("success"),
                row.getLocalDateTime("execution_date"),
                row.getString("build_url"),
                row.getString("test_results"),
                row.getString("verified_by_implementation"),
                row.getString("verified_by_version"),
                row.getString("verified_by_client_implementation"),
                row.getString("verified_by_client_version"),
                row.getString("verified_by_client_test_framework"));
    }
}
