package io.pactport.api.repository;

import io.pactport.api.model.Pacticipant;
import io.pactport.api.model.Upserted;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** SQL on {@code pacticipants}. Names are case-sensitive, as in the Pact Broker by default. */
@ApplicationScoped
public class PacticipantRepository {

    private static final String FIND_BY_NAME = "SELECT * FROM pacticipants WHERE name = $1";
    private static final String CREATE_IF_ABSENT = """
            INSERT INTO pacticipants (name, created_at, updated_at)
            VALUES ($1, now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC')
            ON CONFLICT (name) DO NOTHING
            RETURNING *
            """;

    public Uni<Optional<Pacticipant>> findByName(SqlClient c, String name) {
        return c.preparedQuery(FIND_BY_NAME).execute(Tuple.of(name)).map(PacticipantRepository::first);
    }

    /** The pacticipant called {@code name}, created if absent; safe against concurrent creation. */
    public Uni<Upserted<Pacticipant>> findOrCreate(SqlClient c, String name) {
        return c.preparedQuery(CREATE_IF_ABSENT).execute(Tuple.of(name))
                .flatMap(created -> first(created).map(p -> Uni.createFrom().item(new Upserted<>(p, true)))
                        .orElseGet(() -> findByName(c, name).map(p -> new Upserted<>(p.orElseThrow(), false))));
    }

    private static Optional<Pacticipant> first(RowSet<Row> rows) {
        var it = rows.iterator();
        return it.hasNext() ? Optional.of(Pacticipant.from(it.next())) : Optional.empty();
    }
}
