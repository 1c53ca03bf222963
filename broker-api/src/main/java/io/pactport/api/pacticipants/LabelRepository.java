package io.pactport.api.pacticipants;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
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
}
