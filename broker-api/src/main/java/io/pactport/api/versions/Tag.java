package io.pactport.api.versions;

import io.vertx.mutiny.sqlclient.Row;
import java.time.LocalDateTime;

/** A row of {@code tags}: a name on a version (the pre-branch way of marking environments and branches). */
public record Tag(String name, long versionId, LocalDateTime createdAt, LocalDateTime updatedAt) {

    public static Tag from(Row row) {
        return new Tag(
                row.getString("name"),
                row.getLong("version_id"),
                row.getLocalDateTime("created_at"),
                row.getLocalDateTime("updated_at"));
    }
}
