package io.pactport.api.environments;

import io.vertx.mutiny.sqlclient.Row;
import java.time.LocalDateTime;

/**
 * A row of {@code released_versions} with the names it is shown by; currently supported while
 * {@code support_ended_at} is null.
 */
public record ReleasedVersion(
        long id,
        String uuid,
        long versionId,
        long pacticipantId,
        long environmentId,
        String pacticipantName,
        String versionNumber,
        LocalDateTime createdAt,
        LocalDateTime updatedAt,
        LocalDateTime supportEndedAt) {

    /** Maps {@code rv.*} plus {@code pacticipant_name} and {@code version_number}. */
    public static ReleasedVersion from(Row row) {
        return new ReleasedVersion(
                row.getLong("id"),
                row.getString("uuid"),
                row.getLong("version_id"),
                row.getLong("pacticipant_id"),
                row.getLong("environment_id"),
                row.getString("pacticipant_name"),
                row.getString("version_number"),
                row.getLocalDateTime("created_at"),
                row.getLocalDateTime("updated_at"),
                row.getLocalDateTime("support_ended_at"));
    }

    public boolean currentlySupported() {
        return supportEndedAt == null;
    }
}
