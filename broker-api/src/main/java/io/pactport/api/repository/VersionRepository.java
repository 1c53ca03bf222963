package io.pactport.api.repository;

import io.pactport.api.model.Upserted;
import io.pactport.api.model.Version;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** SQL on {@code versions}. */
@ApplicationScoped
public class VersionRepository {

    private static final String FIND = "SELECT * FROM versions WHERE pacticipant_id = $1 AND number = $2";
    // "order" comes from the global sequence in the same statement, so no reader ever sees a version without one
    // (the Ruby broker sets it right after the insert, which leaves a short NULL window).
    private static final String CREATE_IF_ABSENT = """
            INSERT INTO versions (number, pacticipant_id, "order", created_at, updated_at)
            VALUES ($2, $1, nextval('version_order_sequence'), now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC')
            ON CONFLICT (pacticipant_id, number) DO NOTHING
            RETURNING *
            """;

    public Uni<Optional<Version>> find(SqlClient c, long pacticipantId, String number) {
        return c.preparedQuery(FIND).execute(Tuple.of(pacticipantId, number)).map(VersionRepository::first);
    }

    /** The pacticipant's version {@code number}, created (with its order) if absent; safe against concurrent creation. */
    public Uni<Upserted<Version>> findOrCreate(SqlClient c, long pacticipantId, String number) {
        return c.preparedQuery(CREATE_IF_ABSENT).execute(Tuple.of(pacticipantId, number))
                .flatMap(created -> first(created).map(v -> Uni.createFrom().item(new Upserted<>(v, true)))
                        .orElseGet(() -> find(c, pacticipantId, number).map(v -> new Upserted<>(v.orElseThrow(), false))));
    }

    private static Optional<Version> first(RowSet<Row> rows) {
        var it = rows.iterator();
        return it.hasNext() ? Optional.of(Version.from(it.next())) : Optional.empty();
    }
}
