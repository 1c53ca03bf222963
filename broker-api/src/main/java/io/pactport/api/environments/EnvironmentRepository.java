package io.pactport.api.environments;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** SQL on {@code environments}. */
@ApplicationScoped
public class EnvironmentRepository {

    private static final String FIND_BY_UUID = "SELECT * FROM environments WHERE uuid = $1";
    private static final String FIND_BY_NAME = "SELECT * FROM environments WHERE name = $1";
    private static final String FIND_BY_ID = "SELECT * FROM environments WHERE id = $1";
    // the Pact Broker lists environments by display name, case-insensitively
    private static final String FIND_ALL = "SELECT * FROM environments ORDER BY lower(display_name), id";
    private static final String INSERT = """
            INSERT INTO environments (uuid, name, display_name, production, contacts, created_at, updated_at)
            VALUES ($1, $2, $3, $4, $5, now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC')
            RETURNING *
            """;
    private static final String REPLACE = """
            UPDATE environments
            SET name = $2, display_name = $3, production = $4, contacts = $5, updated_at = now() AT TIME ZONE 'UTC'
            WHERE uuid = $1
            RETURNING *
            """;
    // deployed_versions and released_versions do not cascade (history is deleted on purpose, never by accident);
    // currently_deployed_version_ids does
    private static final String DELETE_DEPLOYED_VERSIONS = "DELETE FROM deployed_versions WHERE environment_id = $1";
    private static final String DELETE_RELEASED_VERSIONS = "DELETE FROM released_versions WHERE environment_id = $1";
    private static final String DELETE = "DELETE FROM environments WHERE id = $1";

    public Uni<Optional<Environment>> findByUuid(SqlClient c, String uuid) {
        return c.preparedQuery(FIND_BY_UUID).execute(Tuple.of(uuid)).map(EnvironmentRepository::first);
    }

    public Uni<Optional<Environment>> findByName(SqlClient c, String name) {
        return c.preparedQuery(FIND_BY_NAME).execute(Tuple.of(name)).map(EnvironmentRepository::first);
    }

    public Uni<Environment> findById(SqlClient c, long id) {
        return c.preparedQuery(FIND_BY_ID)
                .execute(Tuple.of(id))
                .map(rows -> first(rows).orElseThrow());
    }

    public Uni<List<Environment>> findAll(SqlClient c) {
        return c.query(FIND_ALL).execute().map(rows -> {
            List<Environment> all = new ArrayList<>();
            rows.forEach(row -> all.add(Environment.from(row)));
            return all;
        });
    }

    public Uni<Environment> insert(
            SqlClient c, String uuid, String name, String displayName, boolean production, String contacts) {
        return c.preparedQuery(INSERT)
                .execute(values(uuid, name, displayName, production, contacts))
                .map(rows -> first(rows).orElseThrow());
    }

    /** Replaces every attribute of the environment {@code uuid}; empty when there is none. */
    public Uni<Optional<Environment>> replace(
            SqlClient c, String uuid, String name, String displayName, boolean production, String contacts) {
        return c.preparedQuery(REPLACE)
                .execute(values(uuid, name, displayName, production, contacts))
                .map(EnvironmentRepository::first);
    }

    /** Deletes the environment with its deployment and release history. */
    public Uni<Void> delete(SqlClient c, Environment environment) {
        Tuple id = Tuple.of(environment.id());
        return c.preparedQuery(DELETE_DEPLOYED_VERSIONS)
                .execute(id)
                .flatMap(ignored -> c.preparedQuery(DELETE_RELEASED_VERSIONS).execute(id))
                .flatMap(ignored -> c.preparedQuery(DELETE).execute(id))
                .replaceWithVoid();
    }

    private static Tuple values(String uuid, String name, String displayName, boolean production, String contacts) {
        return Tuple.from(Arrays.asList(uuid, name, displayName, production, contacts));
    }

    private static Optional<Environment> first(RowSet<Row> rows) {
        var it = rows.iterator();
        return it.hasNext() ? Optional.of(Environment.from(it.next())) : Optional.empty();
    }
}
