package io.pactport.api.environments;

import io.vertx.mutiny.sqlclient.Row;
import java.time.LocalDateTime;

/**
 * A row of {@code environments}: where versions are deployed or released. {@code contacts} is the JSON text the Pact
 * Broker stores ({@code [{"name": …, "details": {…}}]}), or null.
 */
public record Environment(
        long id,
        String uuid,
        String name,
        String displayName,
        boolean production,
        String contacts,
        LocalDateTime createdAt,
        LocalDateTime updatedAt) {

    /** Maps the columns {@code e.*}. */
    public static Environment from(Row row) {
        return new Environment(
                row.getLong("id"),
                row.getString("uuid"),
                row.getString("name"),
                row.getString("display_name"),
                row.getBoolean("production"),
                row.getString("contacts"),
                row.getLocalDateTime("created_at"),
                row.getLocalDateTime("updated_at"));
    }
}
