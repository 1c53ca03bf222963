package io.pactport.api.versions;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** SQL on {@code tags}, with the denormalised {@code pacticipant_id} and {@code version_order} the queries rely on. */
@ApplicationScoped
public class TagRepository {

    private static final String ADD = """
            INSERT INTO tags (name, version_id, pacticipant_id, version_order, created_at, updated_at)
            VALUES ($1, $2, $3, $4, now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC')
            ON CONFLICT (version_id, name) DO NOTHING
            RETURNING *
            """;
    private static final String FIND = "SELECT * FROM tags WHERE version_id = $1 AND name = $2";
    // in creation order, as the Pact Broker's version association lists them
    private static final String FOR_VERSION = "SELECT * FROM tags WHERE version_id = $1 ORDER BY created_at, name";
    private static final String DELETE = "DELETE FROM tags WHERE version_id = $1 AND name = $2 RETURNING name";
    private static final String DELETE_ALL_OF_VERSION = "DELETE FROM tags WHERE version_id = $1 RETURNING name";

    /** Tags {@code version} with {@code name}; the new tag, or empty when the version had it. */
    public Uni<Optional<Tag>> add(SqlClient c, Version version, String name) {
        return c.preparedQuery(ADD)
                .execute(Tuple.from(List.of(name, version.id(), version.pacticipantId(), version.order())))
                .map(rows -> tags(rows).stream().findFirst());
    }

    public Uni<Optional<Tag>> find(SqlClient c, long versionId, String name) {
        return c.preparedQuery(FIND)
                .execute(Tuple.of(versionId, name))
                .map(rows -> tags(rows).stream().findFirst());
    }

    public Uni<List<Tag>> forVersion(SqlClient c, long versionId) {
        return c.preparedQuery(FOR_VERSION).execute(Tuple.of(versionId)).map(TagRepository::tags);
    }

    /** Removes the tag; whether there was one. */
    public Uni<Boolean> delete(SqlClient c, long versionId, String name) {
        return c.preparedQuery(DELETE)
                .execute(Tuple.of(versionId, name))
                .map(rows -> rows.iterator().hasNext());
    }

    /** Removes every tag of the version; the names removed. */
    public Uni<List<String>> deleteAllOf(SqlClient c, long versionId) {
        return c.preparedQuery(DELETE_ALL_OF_VERSION)
                .execute(Tuple.of(versionId))
                .map(rows -> {
                    List<String> names = new ArrayList<>();
                    rows.forEach(row -> names.add(row.getString("name")));
                    return names;
                });
    }

    private static List<Tag> tags(RowSet<Row> rows) {
        List<Tag> all = new ArrayList<>();
        rows.forEach(row -> all.add(Tag.from(row)));
        return all;
    }
}
