package io.pactport.api.versions;

import io.vertx.mutiny.sqlclient.Row;
import java.time.LocalDateTime;

/** A row of {@code branches}. */
public record Branch(long id, String name, long pacticipantId, LocalDateTime createdAt, LocalDateTime updatedAt) {

    public static Branch from(Row row) {
        return new Branch(
                row.getLong("id"),
                row.getString("name"),
                row.getLong("pacticipant_id"),
                row.getLocalDateTime("created_at"),
                row.getLocalDateTime("updated_at"));
    }
}
