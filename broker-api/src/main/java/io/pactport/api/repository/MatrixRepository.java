package io.pactport.api.repository;

import io.pactport.api.model.MatrixIntegration;
import io.pactport.api.model.MatrixRow;
import io.pactport.api.model.MatrixSelector;
import io.pactport.api.model.MatrixVersionDetails;
import io.pactport.api.model.MatrixVersionDetails.BranchRef;
import io.pactport.api.model.MatrixVersionDetails.EnvironmentRef;
import io.pactport.api.model.MatrixVersionDetails.TagRef;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
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

    private static final String PACTICIPANTS = "SELECT id, name FROM pacticipants WHERE name = ANY($1)";
    private static final String ENVIRONMENTS_BY_NAME = "SELECT id, name FROM environments WHERE name = ANY($1)";

    private static final String CONSUMER_INTEGRATIONS_BY_VERSION = """
            SELECT DISTINCT lp.consumer_id, lp.provider_id FROM latest_pact_publication_ids_for_consumer_versions lp
            WHERE lp.consumer_version_id = ANY(:versions)""";
    private static final String CONSUMER_INTEGRATIONS_BY_PACTICIPANT = """
            SELECT i.consumer_id, i.provider_id FROM integrations i WHERE i.consumer_id = ANY(:whole)""";
    private static final String PROVIDER_INTEGRATIONS =
            "SELECT i.consumer_id, i.provider_id FROM integrations i WHERE i.provider_id = ANY(:all)";

    private static final String TAGS = """
            SELECT t.version_id, t.name,
                   NOT EXISTS (SELECT 1 FROM tags later WHERE later.pacticipant_id = t.pacticipant_id
                               AND later.name = t.name AND later.version_order > t.version_order) AS latest
            FROM tags t WHERE t.version_id = ANY($1) ORDER BY t.version_id, t.created_at, t.name""";
    private static final String BRANCHES = """
            SELECT bv.version_id, bv.branch_name,
                   EXISTS (SELECT 1 FROM branch_heads bh WHERE bh.branch_version_id = bv.id) AS latest
            FROM branch_versions bv WHERE bv.version_id = ANY($1) ORDER BY bv.version_id, bv.created_at, bv.id""";
    private static final String ENVIRONMENTS = """
            SELECT x.version_id, e.uuid, e.name, e.display_name, e.production, e.created_at, e.updated_at
            FROM (SELECT dv.version_id, dv.environment_id, dv.created_at
                  FROM currently_deployed_version_ids c JOIN deployed_versions dv ON dv.id = c.deployed_version_id
                  WHERE c.version_id = ANY($1)
                  UNION ALL
                  SELECT rv.version_id, rv.environment_id, rv.created_at FROM released_versions rv
                  WHERE rv.version_id = ANY($1) AND rv.support_ended_at IS NULL) x
            JOIN environments e ON e.id = x.environment_id
            ORDER BY x.version_id, x.created_at""";

    /** A version a selector matched; {@code mainBranch} is its pacticipant's main branch. */
    public record FoundVersion(long pacticipantId, long id, String number, String mainBranch) {
    }

    /** Which pacticipants and versions the rows are to be about, from the resolved selectors. */
    public record RowCriteria(List<Long> wholePacticipantIds, List<Long> versionIds, List<Long> allPacticipantIds,
            List<Long> specifiedPacticipantIds, boolean singleSelector) {
    }

    /** The matrix options the row statement applies. */
    public record RowOptions(String latestby, List<Boolean> success, int limit) {
    }

    public Uni<Map<String, Long>> pacticipantIds(SqlClient c, List<String> names) {
        return c.preparedQuery(PACTICIPANTS).execute(Tuple.of(names.toArray(String[]::new))).map(rows -> {
            Map<String, Long> ids = new HashMap<>();
            rows.forEach(row -> ids.put(row.getString("name"), row.getLong("id")));
            return ids;
        });
    }

    public Uni<Map<String, Long>> environmentIds(SqlClient c, List<String> names) {
        if (names.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return c.preparedQuery(ENVIRONMENTS_BY_NAME).execute(Tuple.of(names.toArray(String[]::new))).map(rows -> {
            Map<String, Long> ids = new HashMap<>();
            rows.forEach(row -> ids.put(row.getString("name"), row.getLong("id")));
            return ids;
        });
    }

    public Uni<Boolean> branchExists(SqlClient c, long pacticipantId, String branch) {
        return c.preparedQuery("SELECT 1 FROM branches WHERE pacticipant_id = $1 AND name = $2")
                .execute(Tuple.of(pacticipantId, branch)).map(rows -> rows.size() > 0);
    }

    /**
     * The versions one selector shape names, for each of the given pacticipants at once (the target of a
     * can-i-deploy applies to every integrated pacticipant alike), newest first; one per pacticipant when
     * {@code latest}. The most selective criterion drives the statement (version number, environment, branch, tag, in
     * that order); the others filter.
     */
    public Uni<List<FoundVersion>> versions(SqlClient c, MatrixSelector shape, Long environmentId,
            List<Long> pacticipantIds) {
        List<Object> params = new ArrayList<>();
        params.add(pacticipantIds.toArray(Long[]::new));
        String sql = VersionSelection.sql(shape, environmentId, params);
        return c.preparedQuery(sql).execute(Tuple.from(params)).map(rows -> {
            List<FoundVersion> found = new ArrayList<>();
            rows.forEach(row -> found.add(new FoundVersion(row.getLong("pacticipant_id"), row.getLong("id"),
                    row.getString("number"), row.getString("main_branch"))));
            return found;
        });
    }

    /**
     * Integrations in which the given versions (or whole pacticipants) are the consumer: those with a pact from them.
     * Required: a consumer cannot go without its provider.
     */
    public Uni<List<MatrixIntegration>> consumerIntegrations(SqlClient c, List<Long> versionIds,
            List<Long> wholePacticipantIds) {
        List<String> parts = new ArrayList<>();
        if (!versionIds.isEmpty()) {
            parts.add(CONSUMER_INTEGRATIONS_BY_VERSION);
        }
        if (!wholePacticipantIds.isEmpty()) {
            parts.add(CONSUMER_INTEGRATIONS_BY_PACTICIPANT);
        }
        return integrations(c, parts, Map.of("versions", versionIds.toArray(Long[]::new), "whole",
                wholePacticipantIds.toArray(Long[]::new)), true);
    }

    /** Integrations in which the given pacticipants are the provider; not required (a provider may go first). */
    public Uni<List<MatrixIntegration>> providerIntegrations(SqlClient c, List<Long> pacticipantIds) {
        return integrations(c, List.of(PROVIDER_INTEGRATIONS), Map.of("all", pacticipantIds.toArray(Long[]::new)),
                false);
    }

    /**
     * Integrations between the selected versions only: their pacts whose provider is one of the pacticipants. Marked
     * required here; the service decides by whether the consumer was asked about.
     */
    public Uni<List<MatrixIntegration>> integrationsBetween(SqlClient c, List<Long> versionIds,
            List<Long> wholePacticipantIds, List<Long> pacticipantIds) {
        List<String> parts = new ArrayList<>();
        if (!versionIds.isEmpty()) {
            parts.add("SELECT lp.consumer_id, lp.provider_id FROM latest_pact_publication_ids_for_consumer_versions lp"
                    + " WHERE lp.consumer_version_id = ANY(:versions) AND lp.provider_id = ANY(:all)");
        }
        if (!wholePacticipantIds.isEmpty()) {
            parts.add("SELECT i.consumer_id, i.provider_id FROM integrations i"
                    + " WHERE i.consumer_id = ANY(:whole) AND i.provider_id = ANY(:all)");
        }
        return integrations(c, parts, Map.of("versions", versionIds.toArray(Long[]::new), "whole",
                wholePacticipantIds.toArray(Long[]::new), "all", pacticipantIds.toArray(Long[]::new)), true);
    }

    private static Uni<List<MatrixIntegration>> integrations(SqlClient c, List<String> parts,
            Map<String, Object> values, boolean required) {
        if (parts.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        NamedSql sql = NamedSql.of("SELECT x.consumer_id, cn.name AS consumer_name, x.provider_id,"
                + " pn.name AS provider_name FROM (" + String.join("\nUNION\n", parts) + ") x"
                + " JOIN pacticipants cn ON cn.id = x.consumer_id JOIN pacticipants pn ON pn.id = x.provider_id", values);
        return c.preparedQuery(sql.sql).execute(sql.params).map(rows -> {
            List<MatrixIntegration> all = new ArrayList<>();
            rows.forEach(row -> all.add(new MatrixIntegration(row.getLong("consumer_id"),
                    row.getString("consumer_name"), row.getLong("provider_id"), row.getString("provider_name"),
                    required)));
            return all;
        });
    }

    /** The matrix rows, limited, collapsed by {@code latestby}, filtered by outcome and sorted, in one statement. */
    public Uni<List<MatrixRow>> rows(SqlClient c, RowCriteria criteria, RowOptions options) {
        NamedSql sql = NamedSql.of(MatrixRowsSql.sql(criteria, options), Map.of(
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

    /** Tags, branches and current environments of the versions the rows show, three statements for any number. */
    public Uni<Map<Long, MatrixVersionDetails>> details(SqlClient c, List<Long> versionIds) {
        if (versionIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        Tuple ids = Tuple.of(versionIds.toArray(Long[]::new));
        Uni<Map<Long, List<TagRef>>> tags = c.preparedQuery(TAGS).execute(ids).map(rows -> group(rows,
                row -> new TagRef(row.getString("name"), row.getBoolean("latest"))));
        Uni<Map<Long, List<BranchRef>>> branches = c.preparedQuery(BRANCHES).execute(ids).map(rows -> group(rows,
                row -> new BranchRef(row.getString("branch_name"), row.getBoolean("latest"))));
        Uni<Map<Long, List<EnvironmentRef>>> environments = c.preparedQuery(ENVIRONMENTS).execute(ids)
                .map(rows -> group(rows, row -> new EnvironmentRef(row.getValue("uuid").toString(),
                        row.getString("name"), row.getString("display_name"), row.getBoolean("production"),
                        row.getLocalDateTime("created_at"), row.getLocalDateTime("updated_at"))));
        return Uni.combine().all().unis(tags, branches, environments).asTuple().map(t -> {
            Map<Long, MatrixVersionDetails> details = new HashMap<>();
            for (Long id : versionIds) {
                List<EnvironmentRef> envs = t.getItem3().getOrDefault(id, List.of());
                // one entry per environment, in the order the version got there
                Map<String, EnvironmentRef> distinct = new LinkedHashMap<>();
                envs.forEach(e -> distinct.putIfAbsent(e.uuid(), e));
                details.put(id, new MatrixVersionDetails(t.getItem1().getOrDefault(id, List.of()),
                        t.getItem2().getOrDefault(id, List.of()), List.copyOf(distinct.values())));
            }
            return details;
        });
    }

    private static <T> Map<Long, List<T>> group(Iterable<Row> rows, java.util.function.Function<Row, T> mapper) {
        Map<Long, List<T>> grouped = new HashMap<>();
        rows.forEach(row -> grouped.computeIfAbsent(row.getLong("version_id"), k -> new ArrayList<>())
                .add(mapper.apply(row)));
        return grouped;
    }
}
