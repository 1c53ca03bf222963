package io.pactport.api.versions;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Reads what a version's representation links to: environments, its deployments and releases, its pacts. */
@ApplicationScoped
public class VersionRelationsRepository {

    private static final String ENVIRONMENTS =
            "SELECT uuid, name, display_name FROM environments ORDER BY created_at, id";
    private static final String DEPLOYMENTS = """
            SELECT dv.uuid, coalesce(e.display_name, e.name) AS environment, dv.target,
                   c.id IS NOT NULL AS current
            FROM deployed_versions dv
            JOIN environments e ON e.id = dv.environment_id
            LEFT JOIN currently_deployed_version_ids c ON c.deployed_version_id = dv.id
            WHERE dv.version_id = $1
            ORDER BY dv.created_at, dv.id
            """;
    private static final String RELEASES = """
            SELECT rv.uuid, coalesce(e.display_name, e.name) AS environment, NULL::text AS target,
                   rv.support_ended_at IS NULL AS current
            FROM released_versions rv JOIN environments e ON e.id = rv.environment_id
            WHERE rv.version_id = $1
            ORDER BY rv.created_at, rv.id
            """;
    // one pact per provider: the latest revision published for this consumer version
    private static final String PACT_PROVIDERS = """
            SELECT p.name FROM latest_pact_publication_ids_for_consumer_versions l
            JOIN pacticipants p ON p.id = l.provider_id
            WHERE l.consumer_version_id = $1
            ORDER BY lower(p.name)
            """;

    public Uni<List<VersionEnvironment>> environments(SqlClient c) {
        return c.query(ENVIRONMENTS).execute().map(rows -> all(rows, VersionEnvironment::from));
    }

    public Uni<List<VersionRecord>> deployments(SqlClient c, long versionId) {
        return c.preparedQuery(DEPLOYMENTS)
                .execute(Tuple.of(versionId))
                .map(rows -> all(rows, VersionRelationsRepository::record));
    }

    public Uni<List<VersionRecord>> releases(SqlClient c, long versionId) {
        return c.preparedQuery(RELEASES)
                .execute(Tuple.of(versionId))
                .map(rows -> all(rows, VersionRelationsRepository::record));
    }

    /** The names of the providers the version has a pact with. */
    public Uni<List<String>> pactProviders(SqlClient c, long versionId) {
        return c.preparedQuery(PACT_PROVIDERS)
                .execute(Tuple.of(versionId))
                .map(rows -> all(rows, r -> r.getString("name")));
    }

    private static VersionRecord record(Row row) {
        return new VersionRecord(
                row.getValue("uuid").toString(),
                row.getString("environment"),
                row.getString("target"),
                row.getBoolean("current"));
    }

    private static <T> List<T> all(Iterable<Row> rows, Function<Row, T> mapper) {
        List<T> all = new ArrayList<>();
        rows.forEach(row -> all.add(mapper.apply(row)));
        return all;
    }
}
