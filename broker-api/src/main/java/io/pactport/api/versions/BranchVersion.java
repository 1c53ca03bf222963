package io.pactport.api.versions;

import io.vertx.mutiny.sqlclient.Row;
import java.time.LocalDateTime;

/**
 * A row of {@code branch_versions} with the number of its version and whether it is its branch's head ({@code latest}
 * in the Pact Broker's JSON).
 */
public record BranchVersion(
        long id,
        long branchId,
        long versionId,
        String versionNumber,
        String branchName,
        boolean autoCreated,
        boolean latest,
        LocalDateTime createdAt,
        LocalDateTime updatedAt) {

    /** Maps {@code bv.*} plus {@code version_number} and {@code latest}. */
    public static BranchVersion from(Row row) {
        return new BranchVersion(
                row.getLong("id"),
                row.getLong("branch_id"),
                row.getLong("version_id"),
                row.getString("version_number"),
                row.getString("branch_name"),
                Boolean.TRUE.equals(row.getBoolean("auto_created")),
                Boolean.TRUE.equals(row.getBoolean("latest")),
                row.getLocalDateTime("created_at"),
                row.getLocalDateTime("updated_at"));
    }
}
