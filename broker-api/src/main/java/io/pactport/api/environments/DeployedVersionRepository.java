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

/**
 * SQL on {@code deployed_versions} and {@code currently_deployed_version_ids}. A deployed version is currently deployed
 * exactly while a {@code currently_deployed_version_ids} row points at it, and then its {@code undeployed_at} is null:
 * every method here keeps the two in step.
 */
@ApplicationScoped
public class DeployedVersionRepository {

    private static final String LOCK = "SELECT pg_advisory_xact_lock($1, $2)";
    private static final String SELECT = """
            SELECT dv.*, p.name AS pacticipant_name, v.number AS version_number,
                   EXISTS (SELECT 1 FROM currently_deployed_version_ids c WHERE c.deployed_version_id = dv.id)
                       AS currently_deployed
            FROM deployed_versions dv
            JOIN pacticipants p ON p.id = dv.pacticipant_id
            JOIN versions v ON v.id = dv.version_id
            """;
    private static final String FIND_BY_UUID = SELECT + "WHERE dv.uuid = $1";
    private static final String FIND_BY_ID = SELECT + "WHERE dv.id = $1";
    // target NULL (no application instance) matches only NULL, as the Pact Broker's where(target: nil) does
    private static final String FIND_CURRENT_FOR_VERSION = SELECT + """
            WHERE dv.version_id = $1 AND dv.environment_id = $2 AND dv.target IS NOT DISTINCT FROM $3
              AND dv.id IN (SELECT deployed_version_id FROM currently_deployed_version_ids)
            """;
    private static final String FIND_FOR_VERSION = SELECT + """
            WHERE dv.version_id = $1 AND dv.environment_id = $2
            ORDER BY dv.created_at DESC, dv.id DESC
            """;
    // $2 null: every pacticipant; $3 false: any application instance, else exactly $4 (null meaning none)
    private static final String FIND_CURRENT_IN_ENVIRONMENT = SELECT + """
            WHERE dv.environment_id = $1
              AND dv.id IN (SELECT deployed_version_id FROM currently_deployed_version_ids)
              AND ($2::text IS NULL OR p.name = $2)
              AND (NOT $3 OR dv.target IS NOT DISTINCT FROM $4::text)
            ORDER BY dv.created_at DESC, dv.id DESC
            """;
    private static final String MARK_PREVIOUS_UNDEPLOYED = """
            UPDATE deployed_versions SET undeployed_at = now() AT TIME ZONE 'UTC'
            WHERE undeployed_at IS NULL AND pacticipant_id = $1 AND environment_id = $2
              AND target IS NOT DISTINCT FROM $3
            RETURNING id
            """;
    private static final String INSERT = """
            INSERT INTO deployed_versions (uuid, version_id, pacticipant_id, environment_id, target, target_for_index,
                                           auto_created, created_at, updated_at)
            VALUES ($1, $2, $3, $4, $5, coalesce($5, ''), $6, now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC')
            RETURNING id
            """;
    // one current deployment per (pacticipant, environment, application instance): the new one replaces the old
    private static final String MAKE_CURRENT = """
            INSERT INTO currently_deployed_version_ids (target_for_index, pacticipant_id, environment_id, version_id,
                                                        deployed_version_id)
            SELECT target_for_index, pacticipant_id, environment_id, version_id, id FROM deployed_versions WHERE id = $1
            ON CONFLICT (pacticipant_id, environment_id, target_for_index)
            DO UPDATE SET version_id = EXCLUDED.version_id, deployed_version_id = EXCLUDED.deployed_version_id
            """;
    private static final String DELETE_CURRENT =
            "DELETE FROM currently_deployed_version_ids WHERE deployed_version_id = $1";
    private static final String MARK_UNDEPLOYED = """
            UPDATE deployed_versions SET undeployed_at = now() AT TIME ZONE 'UTC'
            WHERE id = $1 AND undeployed_at IS NULL
            """;

    /**
     * Serialises the recording of deployments of one pacticipant to one environment until the transaction ends, so that
     * two at once cannot both find nothing current and leave two rows "live".
     */
    public Uni<Void> lock(SqlClient c, long pacticipantId, long environmentId) {
        return c.preparedQuery(LOCK)
                .execute(Tuple.of((int) pacticipantId, (int) environmentId))
                .replaceWithVoid();
    }

    public Uni<Optional<DeployedVersion>> findByUuid(SqlClient c, String uuid) {
        return c.preparedQuery(FIND_BY_UUID).execute(Tuple.of(uuid)).map(DeployedVersionRepository::first);
    }

    public Uni<DeployedVersion> findById(SqlClient c, long id) {
        return c.preparedQuery(FIND_BY_ID)
                .execute(Tuple.of(id))
                .map(rows -> first(rows).orElseThrow());
    }

    /** The deployment of {@code version} currently live in the environment for this application instance, if any. */
    public Uni<Optional<DeployedVersion>> findCurrent(SqlClient c, long versionId, long environmentId, String target) {
        return c.preparedQuery(FIND_CURRENT_FOR_VERSION)
                .execute(Tuple.from(Arrays.asList(versionId, environmentId, target)))
                .map(DeployedVersionRepository::first);
    }

    /** Every deployment of the version to the environment, newest first. */
    public Uni<List<DeployedVersion>> findForVersion(SqlClient c, long versionId, long environmentId) {
        return c.preparedQuery(FIND_FOR_VERSION)
                .execute(Tuple.of(versionId, environmentId))
                .map(DeployedVersionRepository::all);
    }

    /**
     * What is currently deployed in the environment, newest first.
     *
     * @param pacticipantName only this pacticipant's, when not null
     * @param target when present, only deployments to exactly this application instance (empty string: none)
     */
    public Uni<List<DeployedVersion>> findCurrentInEnvironment(
            SqlClient c, long environmentId, String pacticipantName, Optional<String> target) {
        return c.preparedQuery(FIND_CURRENT_IN_ENVIRONMENT)
                .execute(Tuple.from(Arrays.asList(
                        environmentId,
                        pacticipantName,
                        target.isPresent(),
                        target.filter(t -> !t.isEmpty()).orElse(null))))
                .map(DeployedVersionRepository::all);
    }

    /**
     * Records the deployment: whatever the pacticipant had live in that environment and application instance is
     * undeployed, and the new row becomes the current one.
     *
     * @return the new row and the ids of the rows it undeployed
     */
    public Uni<Recorded> record(
            SqlClient c, String uuid, Version version, long environmentId, String target, boolean autoCreated) {
        return c.preparedQuery(MARK_PREVIOUS_UNDEPLOYED)
                .execute(Tuple.from(Arrays.asList(version.pacticipantId(), environmentId, target)))
                .flatMap(undeployedRows -> {
                    List<Long> undeployed = new ArrayList<>();
                    undeployedRows.forEach(row -> undeployed.add(row.getLong("id")));
                    return c.preparedQuery(INSERT)
                            .execute(Tuple.from(Arrays.asList(
                                    uuid, version.id(), version.pacticipantId(), environmentId, target, autoCreated)))
                            .map(rows -> rows.iterator().next().getLong("id"))
                            .flatMap(id -> c.preparedQuery(MAKE_CURRENT)
                                    .execute(Tuple.of(id))
                                    .flatMap(ignored -> findById(c, id)))
                            .map(created -> new Recorded(created, undeployed));
                });
    }

    /** Ends the deployment; whether it was current (and so changed). */
    public Uni<Boolean> undeploy(SqlClient c, long id) {
        return c.preparedQuery(DELETE_CURRENT)
                .execute(Tuple.of(id))
                .flatMap(deleted -> c.preparedQuery(MARK_UNDEPLOYED)
                        .execute(Tuple.of(id))
                        .map(updated -> deleted.rowCount() + updated.rowCount() > 0));
    }

    /** A recorded deployment and the ids of the deployments it replaced. */
    public record Recorded(DeployedVersion deployedVersion, List<Long> undeployedIds) {}

    private static List<DeployedVersion> all(RowSet<Row> rows) {
        List<DeployedVersion> all = new ArrayList<>();
        rows.forEach(row -> all.add(DeployedVersion.from(row)));
        return all;
    }

    private static Optional<DeployedVersion> first(RowSet<Row> rows) {
        var it = rows.iterator();
        return it.hasNext() ? Optional.of(DeployedVersion.from(it.next())) : Optional.empty();
    }
}
