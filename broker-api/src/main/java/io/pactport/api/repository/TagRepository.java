package io.pactport.api.repository;

import io.pactport.api.model.Version;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** SQL on {@code tags}, with the denormalised {@code pacticipant_id} and {@code version_order} the queries rely on. */
@ApplicationScoped
public class TagRepository {

    private static final String ADD = """
            INSERT INTO tags (name, version_id, pacticipant_id, version_order, created_at, updated_at)
            VALUES ($1, $2, $3, $4, now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC')
            ON CONFLICT (version_id, name) DO NOTHING
            RETURNING name
            """;

    /** Tags {@code version} with {@code name}; whether the tag is new. */
    public Uni<Boolean> add(SqlClient c, Version version, String name) {
        return c.preparedQuery(ADD)
                .execute(Tuple.from(List.of(name, version.id(), version.pacticipantId(), version.order())))
                .map(rows -> rows.iterator().hasNext());
    }
}
