package io.pactport.api.pacticipants;

import io.vertx.mutiny.sqlclient.Row;
import java.time.LocalDateTime;

/** A row of {@code pacticipants}: an application taking part in contracts, as consumer, provider or both. */
public record Pacticipant(
        long id,
        String name,
        String displayName,
        String repositoryUrl,
        String repositoryName,
        String repositoryNamespace,
        String mainBranch,
        LocalDateTime createdAt,
        LocalDateTime updatedAt) {

    /** A pacticipant known by its id and name only, where nothing else about it is needed. */
    public static Pacticipant named(long id, String name) {
        return new Pacticipant(id, name, null, null, null, null, null, null, null);
    }

    /** Maps the columns {@code p.*} (timestamps are UTC, as the Ruby broker stores them). */
    public static Pacticipant from(Row row) {
        return new Pacticipant(
                row.getLong("id"),
                row.getString("name"),
                row.getString("display_name"),
                row.getString("repository_url"),
                row.getString("repository_name"),
                row.getString("repository_namespace"),
                row.getString("main_branch"),
                row.getLocalDateTime("created_at"),
                row.getLocalDateTime("updated_at"));
    }
}
