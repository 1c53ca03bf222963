package io.pactport.api.environments;

import io.pactport.api.versions.Version;
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

/** SQL on {@code released_versions}: one row per (version, environment), supported while support_ended_at is null. */
@ApplicationScoped
public class ReleasedVersionRepository {

    private static final String SELECT = """
            SELECT rv.*, p.name AS pacticipant_name, v.number AS version_number
            FROM released_versions rv
            JOIN pacticipants p ON p.id = rv.pacticipant_id
            JOIN versions v ON v.id = rv.version_id
            """;
    private static final String FIND_BY_UUID = SELECT + "WHERE rv.uuid = $1";
    private static final String FIND_FOR_VERSION = SELECT + "WHERE rv.version_id = $1 AND rv.environment_id = $2";
    private static final String FIND_SUPPORTED_IN_ENVIRONMENT = SELECT + """
            WHERE rv.environment_id = $1 AND rv.support_ended_at IS NULL
              AND ($2::text IS NULL OR p.name = $2)
              AND ($3::text IS NULL OR v.number = $3)
            ORDER BY rv.created_at, rv.id
            """;
    private static final String INSERT_IF_ABSENT = """
            INSERT INTO released_versions (uuid, version_id, pacticipant_id, environment_id, created_at, updated_at)
            VALUES ($1, $2, $3, $4, now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC')
            ON CONFLICT (version_id, environment_id) DO NOTHING
            RETURNING id
            """;
    private static final String SUPPORT_AGAIN = """
            UPDATE released_versions SET support_ended_at = NULL, updated_at = now() AT TIME ZONE 'UTC'
            WHERE version_id = $1 AND environment_id = $2 AND support_ended_at IS NOT NULL
            """;
    private static final String END_SUPPORT = """
            UPDATE released_versions SET support_ended_at = now() AT TIME ZONE 'UTC'
            WHERE id = $1 AND support_ended_at IS NULL
            """;

    public Uni<Optional<ReleasedVersion>> findByUuid(SqlClient c, String uuid) {
        return c.preparedQuery(FIND_BY_UUID).execute(Tuple.of(uuid)).map(ReleasedVersionRepository::first);
    }

    public Uni<Optional<ReleasedVersion>> findForVersion(SqlClient c, long versionId, long environmentId) {
        return c.preparedQuery(FIND_FOR_VERSION)
                .execute(Tuple.of(versionId, environmentId))
                .map(ReleasedVersionRepository::first);
    }

    /** The releases currently supported in the environment, oldest first, optionally of one pacticipant / version. */
    public Uni<List<ReleasedVersion>> findSupportedInEnvironment(
            SqlClient c, long environmentId, String pacticipantName, String versionNumber) {
        return c.preparedQuery(FIND_SUPPORTED_IN_ENVIRONMENT)
                .execute(Tuple.from(Arrays.asList(environmentId, pacticipantName, versionNumber)))
                .map(rows -> {
                    List<ReleasedVersion> all = new ArrayList<>();
                    rows.forEach(row -> all.add(ReleasedVersion.from(row)));
                    return all;
                });
    }

    /**
     * Records the release of {@code version} in the environment: a new row, or the existing one supported again.
     *
     * @return the row and what changed
     */
    public Uni<Recorded> record(SqlClient c, String uuid, Version version, long environmentId) {
        return c.preparedQuery(INSERT_IF_ABSENT)
                .execute(Tuple.of(uuid, version.id(), version.pacticipantId(), environmentId))
                .flatMap(inserted -> {
                    if (inserted.rowCount() > 0) {
                        return Uni.createFrom().item(Change.CREATED);
                    }
                    return c.preparedQuery(SUPPORT_AGAIN)
                            .execute(Tuple.of(version.id(), environmentId))
                            .map(updated -> updated.rowCount() > 0 ? Change.SUPPORTED_AGAIN : Change.NONE);
                })
                .flatMap(change -> findForVersion(c, version.id(), environmentId)
                        .map(found -> new Recorded(found.orElseThrow(), change)));
    }

    /** Ends support of the release; whether it was supported (and so changed). */
    public Uni<Boolean> endSupport(SqlClient c, long id) {
        return c.preparedQuery(END_SUPPORT).execute(Tuple.of(id)).map(updated -> updated.rowCount() > 0);
    }

    /** What recording a release did. */
    public enum Change {
        CREATED,
        SUPPORTED_AGAIN,
        NONE
    }

    /** A recorded release and what recording it changed. */
    public record Recorded(ReleasedVersion releasedVersion, Change change) {}

    private static Optional<ReleasedVersion> first(RowSet<Row> rows) {
        var it = rows.iterator();
        return it.hasNext() ? Optional.of(ReleasedVersion.from(it.next())) : Optional.empty();
    }
}
