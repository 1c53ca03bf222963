package io.pactport.api.pacticipants;

import io.vertx.mutiny.sqlclient.Row;
import java.time.LocalDateTime;

/** A row of {@code pacticipants}: an application taking part in contracts, as consumer, provider or both. */
public record Pacticipant(long id, String name, String displayName, String repositoryUrl, String repositoryName,
        String repositoryNamespace, String mainBranch, LocalDateTime createdAt, LocalDateTime updatedAt) {

    /** Maps the columns {@code p.*} (timestamps are UTC, as the Ruby broker stores them). */
    public static Pacticipant from(Row row) {
        return new Pacticipant(row.getLong("id"), row.getString("name"), row.getString("display_name"),
                row.getString("repository_url"), row.getString("repository_name"),
                row.getString("repository_namespace"), row.getString("main_branch"),
                row.getLocalDateTime("created_at"), row.getLocalDateTime("updated_at"));
    }
}
