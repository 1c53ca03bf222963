package io.pactport.api.pacticipants;

import io.vertx.mutiny.sqlclient.Row;
import java.time.LocalDateTime;

/** A row of {@code labels}: a free-form name attached to a pacticipant (webhooks can select pacticipants by it). */
public record Label(String name, long pacticipantId, LocalDateTime createdAt, LocalDateTime updatedAt) {

    public static Label from(Row row) {
        return new Label(
                row.getString("name"),
                row.getLong("pacticipant_id"),
                row.getLocalDateTime("created_at"),
                row.getLocalDateTime("updated_at"));
    }
}
