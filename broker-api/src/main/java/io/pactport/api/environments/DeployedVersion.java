package io.pactport.api.environments;

import io.vertx.mutiny.sqlclient.Row;
import java.time.LocalDateTime;

/**
 * A row of {@code deployed_versions} with the names it is shown by. It is currently deployed exactly while a row of
 * {@code currently_deployed_version_ids} points at it; {@code target} is the API's {@code applicationInstance}.
 */
public record DeployedVersion(
        long id,
        String uuid,
        long versionId,
        long pacticipantId,
        long environmentId,
        String pacticipantName,
        String versionNumber,
        String target,
        boolean currentlyDeployed,
        boolean autoCreated,
        LocalDateTime createdAt,
        LocalDateTime updatedAt,
        LocalDateTime undeployedAt) {

    /** Maps {@code dv.*} plus {@code pacticipant_name}, {@code version_number} and {@code currently_deployed}. */
    public static DeployedVersion from(Row row) {
        return new DeployedVersion(
                row.getLong("id"),
                row.getString("uuid"),
                row.getLong("version_id"),
                row.getLong("pacticipant_id"),
                row.getLong("environment_id"),
                row.getString("pacticipant_name"),
                row.getString("version_number"),
                row.getString("target"),
                row.getBoolean("currently_deployed"),
                Boolean.TRUE.equals(row.getBoolean("auto_created")),
                row.getLocalDateTime("created_at"),
                row.getLocalDateTime("updated_at"),
                row.getLocalDateTime("undeployed_at"));
    }
}
