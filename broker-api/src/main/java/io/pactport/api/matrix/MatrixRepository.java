package io.pactport.api.matrix;

import io.pactport.api.db.NamedSql;
import io.pactport.api.matrix.MatrixVersionDetails.BranchRef;
import io.pactport.api.matrix.MatrixVersionDetails.EnvironmentRef;
import io.pactport.api.matrix.MatrixVersionDetails.TagRef;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The matrix's SQL. Rows come only from the two "latest" helper tables
 * ({@code latest_pact_publication_ids_for_consumer_versions}: the latest revision per consumer version and provider;
 * {@code latest_verification_id_for_pact_version_and_provider_version}: the latest verification per content and
 * provider version), so overwritten revisions and repeated verifications never show. Every statement starts from an
 * index on the ids the selectors resolved to; none reads a pacticipant's whole history.
 */
@ApplicationScoped
public class MatrixRepository {

    /** Pacticipants and environments by name, in one round trip. */
    private static final String IDS = """
            SELECT true AS pacticipant, id, name FROM pacticipants WHERE name = ANY($1)
            UNION ALL
            SELECT false, id, name FROM environments WHERE name = ANY($2)""";

    /**
     * The integrations the asked versions (or whole pacticipants) take part in: as consumer, those with a pact from them
     * (required: a consumer cannot go without its provider); as provider, every consumer of theirs (not required: a
     * provider may go first). An integration found both ways is required.
     */
    private static final String CONSUMER_INTEGRATIONS_BY_VERSION = """
            SELECT lp.consumer_id, lp.provider_id, true AS required
            FROM latest_pact_publication_ids_for_consumer_versions lp WHERE lp.consumer_version_id = ANY(:versions)""";

    private static final String CONSUMER_INTEGRATIONS_BY_PACTICIPANT = """
            SELECT i.consumer_id, i.provider_id, true AS required FROM integrations i WHERE i.consumer_id = ANY(:whole)""";
    private static final String PROVIDER_INTEGRATIONS = """
            SELECT i.consumer_id, i.provider_id, false AS required FROM integrations i WHERE i.provider_id = ANY(:all)""";

    /**
     * Tags, branches and current environments of the given versions in one statement, a row per fact ({@code kind} t, b
     * or e), each kind in the order the Pact Broker lists it: tags and branches by creation, environments by when the
     * version got there.
     */
    private static final String DETAILS = """
            SELECT 't' AS kind, t.version_id, t.name, t.created_at AS at, 0 AS seq,
                   NOT EXISTS (SELECT 1 FROM tags later WHERE later.pacticipant_id = t.pacticipant_id
                               AND later.name = t.name AND later.version_order > t.version_order) AS latest,
                   NULL::text AS uuid, NULL::text AS display_name, NULL::boolean AS production,
                   NULL::timestamp AS created_at, NULL::timestamp AS updated_at
            FROM tags t WHERE t.version_id = ANY($1)
            UNION ALL
            SELECT 'b', bv.version_id, bv.branch_name, bv.created_at, bv.id,
                   EXISTS (SELECT 1 FROM branch_heads bh WHERE bh.branch_version_id = bv.id), NULL, NULL, NULL, NULL, NULL
            FROM branch_versions bv WHERE bv.version_id = ANY($1)
            UNION ALL
            SELECT 'e', x.version_id, e.name, x.created_at, 0, NULL, e.uuid, e.display_name, e.production, e.created_at,
                   e.updated_at
            FROM (SELECT dv.version_id, dv.environment_id, dv.created_at
                  FROM currently_deployed_version_ids c JOIN deployed_versions dv ON dv.id = c.deployed_version_id
                  WHERE c.version_id = ANY($1)
                  UNION ALL
                  SELECT rv.version_id, rv.environment_id, rv.created_at FROM released_versions rv
                  WHERE rv.version_id = ANY($1) AND rv.support_ended_at IS NULL) x
            JOIN environments e ON e.id = x.environment_id
            ORDER BY kind, version_id, at, seq, name""";

    /** Name to id of the pacticipants and environments a request names (those that exist). */
    public record Ids(Map<String, Long> pacticipants, Map<String, Long> environments) {}

    /** A version a selector matched; {@code mainBranch} is its pacticipant's main branch. */
    public record FoundVersion(long pacticipantId, long id, String number, String mainBranch) {}

    /** Which pacticipants and versions the rows are to be about, from the resolved selectors. */
    public record RowCriteria(
            List<Long> wholePacticipantIds,
            List<Long> versionIds,
            List<Long> allPacticipantIds,
            List<Long> specifiedPacticipantIds,
            boolean singleSelector) {}

    /** The matrix options the row statement applies. */
    public record RowOptions(String latestby, List<Boolean> success, int limit) {}

    /** The pacticipants and environments of the given names that exist, name to id. */
    public Uni<Ids> ids(SqlClient c, Collection<String> pacticipants, Collection<String> environments) {
        return c.preparedQuery(IDS)
                .execute(Tuple.of(pacticipants.toArray(String[]::new), environments.toArray(String[]::new)))
                .map(rows -> {
                    Map<String, Long> pacticipantIds = new HashMap<>();
                    Map<String, Long> environmentIds = new HashMap<>();
                    rows.forEach(row -> (row.getBoolean("pacticipant") ? pacticipantIds : environmentIds)
                            .put(row.getString("name"), row.getLong("id")));
                    return new Ids(pacticipantIds, environmentIds);
                });
    }

    public Uni<Boolean> branchExists(SqlClient c, long pacticipantId, String branch) {
        return c.preparedQuery("SELECT 1 FROM branches WHERE pacticipant_id = $1 AND name = $2")
                .execute(Tuple.of(pacticipantId, branch))
                .map(rows -> rows.size() > 0);
    }

    /**
     * The versions one selector shape names, for each of the given pacticipants at once (the target of a
     * can-i-deploy applies to every integrated pacticipant alike), newest first; one per pacticipant when
     * {@code latest}. The most selective criterion drives the statement (version number, environment, branch, tag, in
     * that order); the others filter.
     */
    public Uni<List<FoundVersion>> versions(
            SqlClient c, MatrixSelector shape, Long environmentId, List<Long> pacticipantIds) {
        List<Object> params = new ArrayList<>();
        params.add(pacticipantIds.toArray(Long[]::new));
        String sql = VersionSelection.sql(shape, environmentId, params);
        return c.preparedQuery(sql).execute(Tuple.from(params)).map(rows -> {
            List<FoundVersion> found = new ArrayList<>();
            rows.forEach(row -> found.add(new FoundVersion(
                    row.getLong("pacticipant_id"),
                    row.getLong("id"),
                    row.getString("number"),
                    row.getString("main_branch"))));
            return found;
        });
    }

    /**
     * Every integration the given versions (or whole pacticipants) take part in, as consumer (required) or as provider
     * (not required, unless also found as consumer).
     */
    public Uni<List<MatrixIntegration>> integrationsOf(
            SqlClient c, List<Long> versionIds, List<Long> wholePacticipantIds, List<Long> pacticipantIds) {
        List<String> parts = new ArrayList<>();
        if (!versionIds.isEmpty()) {
            parts.add(CONSUMER_INTEGRATIONS_BY_VERSION);
        }
        if (!wholePacticipantIds.isEmpty()) {
            parts.add(CONSUMER_INTEGRATIONS_BY_PACTICIPANT);
        }
        if (!pacticipantIds.isEmpty()) {
            parts.add(PROVIDER_INTEGRATIONS);
        }
        return integrations(
                c,
                parts,
                Map.of(
                        "versions",
                        versionIds.toArray(Long[]::new),
                        "whole",
                        wholePacticipantIds.toArray(Long[]::new),
                        "all",
                        pacticipantIds.toArray(Long[]::new)));
    }

    /**
     * Integrations between the selected versions only: their pacts whose provider is one of the pacticipants. Marked
     * required here; the service decides by whether the consumer was asked about.
     */
    public Uni<List<MatrixIntegration>> integrationsBetween(
            SqlClient c, List<Long> versionIds, List<Long> wholePacticipantIds, List<Long> pacticipantIds) {
        List<String> parts = new ArrayList<>();
        if (!versionIds.isEmpty()) {
            parts.add("SELECT lp.consumer_id, lp.provider_id, true AS required"
                    + " FROM latest_pact_publication_ids_for_consumer_versions lp"
                    + " WHERE lp.consumer_version_id = ANY(:versions) AND lp.provider_id = ANY(:all)");
        }
        if (!wholePacticipantIds.isEmpty()) {
            parts.add("SELECT i.consumer_id, i.provider_id, true AS required FROM integrations i"
                    + " WHERE i.consumer_id = ANY(:whole) AND i.provider_id = ANY(:all)");
        }
        return integrations(
                c,
                parts,
                Map.of(
                        "versions",
                        versionIds.toArray(Long[]::new),
                        "whole",
                        wholePacticipantIds.toArray(Long[]::new),
                        "all",
                        pacticipantIds.toArray(Long[]::new)));
    }

    private static Uni<List<MatrixIntegration>> integrations(
            SqlClient c, List<String> parts, Map<String, Object> values) {
        if (parts.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        NamedSql sql = NamedSql.of(
                "SELECT x.consumer_id, cn.name AS consumer_name, x.provider_id,"
                        + " pn.name AS provider_name, bool_or(x.required) AS required"
                        + " FROM (" + String.join("\nUNION ALL\n", parts) + ") x"
                        + " JOIN pacticipants cn ON cn.id = x.consumer_id JOIN pacticipants pn ON pn.id = x.provider_id"
                        + " GROUP BY x.consumer_id, cn.name, x.provider_id, pn.name",
                values);
        return c.preparedQuery(sql.sql).execute(sql.params).map(rows -> {
            List<MatrixIntegration> all = new ArrayList<>();
            rows.forEach(row -> all.add(new MatrixIntegration(
                    row.getLong("consumer_id"),
                    row.getString("consumer_name"),
                    row.getLong("provider_id"),
                    row.getString("provider_name"),
                    row.getBoolean("required"))));
            return all;
        });
    }

    /** The matrix rows, limited, collapsed by {@code latestby}, filtered by outcome and sorted, in one statement. */
    public Uni<List<MatrixRow>> rows(SqlClient c, RowCriteria criteria, RowOptions options) {
        NamedSql sql = NamedSql.of(
                MatrixRowsSql.sql(criteria, options),
                Map.of(
                        "whole", criteria.wholePacticipantIds().toArray(Long[]::new),
                        "versions", criteria.versionIds().toArray(Long[]::new),
                        "all", criteria.allPacticipantIds().toArray(Long[]::new),
                        "asked", criteria.specifiedPacticipantIds().toArray(Long[]::new),
                        "limit", options.limit()));
        return c.preparedQuery(sql.sql).execute(sql.params).map(rows -> {
            List<MatrixRow> all = new ArrayList<>();
            rows.forEach(row -> all.add(MatrixRow.from(row)));
            return all;
        });
    }

    /** Tags, branches and current environments of the versions the rows show, in one statement for any number. */
    public Uni<Map<Long, MatrixVersionDetails>> details(SqlClient c, List<Long> versionIds) {
        if (versionIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return c.preparedQuery(DETAILS)
                .execute(Tuple.of(versionIds.toArray(Long[]::new)))
                .map(rows -> {
                    Map<Long, List<TagRef>> tags = new HashMap<>();
                    Map<Long, List<BranchRef>> branches = new HashMap<>();
                    // one entry per environment, in the order the version got there
                    Map<Long, Map<String, EnvironmentRef>> environments = new HashMap<>();
                    for (Row row : rows) {
                        long id = row.getLong("version_id");
                        switch (row.getString("kind")) {
                            case "t" ->
                                tags.computeIfAbsent(id, k -> new ArrayList<>())
                                        .add(new TagRef(row.getString("name"), row.getBoolean("latest")));
                            case "b" ->
                                branches.computeIfAbsent(id, k -> new ArrayList<>())
                                        .add(new BranchRef(row.getString("name"), row.getBoolean("latest")));
                            default ->
                                environments
                                        .computeIfAbsent(id, k -> new LinkedHashMap<>())
                                        .putIfAbsent(
                                                row.getString("uuid"),
                                                new EnvironmentRef(
                                                        row.getString("uuid"),
                                                        row.getString("name"),
                                                        row.getString("display_name"),
                                                        row.getBoolean("production"),
                                                        row.getLocalDateTime("created_at"),
                                                        row.getLocalDateTime("updated_at")));
                        }
                    }
                    Map<Long, MatrixVersionDetails> details = new HashMap<>();
                    for (Long id : versionIds) {
                        details.put(
                                id,
                                new MatrixVersionDetails(
                                        tags.getOrDefault(id, List.of()),
                                        branches.getOrDefault(id, List.of()),
                                        List.copyOf(environments
                                                .getOrDefault(id, Map.of())
                                                .values())));
                    }
                    return details;
                });
    }
}
