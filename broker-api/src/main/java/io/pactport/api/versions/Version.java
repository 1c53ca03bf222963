package io.pactport.api.versions;

import io.vertx.mutiny.sqlclient.Row;
import java.time.LocalDateTime;

/**
 * A row of {@code versions}: one build of a pacticipant. {@code order} is the global, creation-ordered sequence number
 * that "latest" means everywhere.
 */
public record Version(
        long id,
        long pacticipantId,
        String number,
        Integer order,
        String buildUrl,
        LocalDateTime createdAt,
        LocalDateTime updatedAt) {

    /** Maps the columns {@code v.*}. */
    public static Version from(Row row) {
        return new Version(
                row.getLong("id"),
                row.getLong("pacticipant_id"),
                row.getString("number"),
                row.getInteger("order"),
                row.getString("build_url"),
                row.getLocalDateTime("created_at"),
                row.getLocalDateTime("updated_at"));
    }
}
