package io.pactport.api.pacticipants;

import io.pactport.api.http.Page;
import io.pactport.api.http.PageRequest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** SQL on {@code labels}. */
@ApplicationScoped
public class LabelRepository {

    private static final String ADD = """
            INSERT INTO labels (name, pacticipant_id, created_at, updated_at)
            VALUES ($2, $1, now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC')
            ON CONFLICT (pacticipant_id, name) DO NOTHING
            RETURNING *
            """;
    private static final String FIND = "SELECT * FROM labels WHERE pacticipant_id = $1 AND name = $2";
    private static final String DELETE = "DELETE FROM labels WHERE pacticipant_id = $1 AND name = $2 RETURNING name";
    // every label name once, alphabetically, as the Pact Broker lists them; a null limit is no limit
    private static final String NAMES = "SELECT DISTINCT name FROM labels ORDER BY name LIMIT $1 OFFSET $2";
    private static final String COUNT_NAMES = "SELECT count(DISTINCT name) FROM labels";

    /** Labels the pacticipant; the new label, or empty when it already had it. */
    public Uni<Optional<Label>> add(SqlClient c, long pacticipantId, String name) {
        return c.preparedQuery(ADD)
                .execute(Tuple.of(pacticipantId, name))
                .map(rows -> rows.iterator().hasNext()
                        ? Optional.of(Label.from(rows.iterator().next()))
                        : Optional.empty());
    }

    public Uni<Optional<Label>> find(SqlClient c, long pacticipantId, String name) {
        return c.preparedQuery(FIND)
                .execute(Tuple.of(pacticipantId, name))
                .map(rows -> rows.iterator().hasNext()
                        ? Optional.of(Label.from(rows.iterator().next()))
                        : Optional.empty());
    }

    /** Removes the label; whether there was one. */
    public Uni<Boolean> delete(SqlClient c, long pacticipantId, String name) {
        return c.preparedQuery(DELETE)
                .execute(Tuple.of(pacticipantId, name))
                .map(rows -> rows.iterator().hasNext());
    }

    /** The label names in use: the page asked for, or all of them. */
    public Uni<Page<String>> names(SqlClient c, Optional<PageRequest> page) {
        Uni<List<String>> names = c.preparedQuery(NAMES)
                .execute(Tuple.of(
                        page.map(PageRequest::size).orElse(null),
                        page.map(PageRequest::offset).orElse(0L)))
                .map(rows -> {
                    List<String> all = new ArrayList<>();
                    rows.forEach(row -> all.add(row.getString("name")));
                    return all;
                });
        if (page.isEmpty()) {
            return names.map(Page::whole);
        }
        return names.flatMap(items -> c.query(COUNT_NAMES)
                .execute()
                .map(rows -> page.get().of(items, rows.iterator().next().getLong(0))));
    }
}
