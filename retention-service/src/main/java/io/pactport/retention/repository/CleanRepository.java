package io.pactport.retention.repository;

import io.pactport.retention.model.DeletedVersion;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The clean's SQL on the Pact Broker's tables. Every method works inside the caller's transaction on the caller's
 * connection; the service decides where a batch begins and ends. Rows are picked with {@code FOR UPDATE SKIP LOCKED}:
 * a version (or pact content, publication, branch) that broker-api is writing about at that moment is left for the next
 * batch instead of being waited for, and once locked, no write can start referring to it until the batch commits.
 */
@ApplicationScoped
public class CleanRepository {

    /** The tables whose counts a run reports, as the Pact Broker's {@code CleanIncremental::TABLES}. */
    public static final List<String> TABLES = List.of(
            "versions",
            "pact_publications",
            "pact_versions",
            "verifications",
            "triggered_webhooks",
            "webhook_executions",
            "branches");

    private static final String NEXT_UNSELECTED = """
            SELECT v.id FROM versions v WHERE v.id > ? AND NOT %s
            ORDER BY v.id LIMIT ? FOR UPDATE OF v SKIP LOCKED
            """;
    private static final String STILL_UNSELECTED = """
            SELECT v.id, v.number, p.name FROM versions v JOIN pacticipants p ON p.id = v.pacticipant_id
            WHERE v.id = ANY(?) AND NOT %s ORDER BY v.id
            """;
    private static final String HEADS_OF = "SELECT DISTINCT branch_id FROM branch_heads WHERE version_id = ANY(?)";
    /**
     * A branch whose head was deleted gets its newest remaining version as head, as deleting one version through the
     * API does (the Pact Broker's clean left such branches without a head).
     */
    private static final String REPOINT_HEADS = """
            INSERT INTO branch_heads (branch_id, branch_version_id, version_id, pacticipant_id, branch_name)
            SELECT DISTINCT ON (bv.branch_id) bv.branch_id, bv.id, bv.version_id, bv.pacticipant_id, bv.branch_name
            FROM branch_versions bv
            WHERE bv.branch_id = ANY(?) AND NOT EXISTS (SELECT 1 FROM branch_heads h WHERE h.branch_id = bv.branch_id)
            ORDER BY bv.branch_id, bv.version_order DESC
            ON CONFLICT (branch_id) DO NOTHING
            """;

    // The Pact Broker's delete order for versions (Version dataset delete): deployments, releases, the verifications
    // the versions made, their pacts, tags, the versions; each verification's and publication's triggered webhooks
    // (and their executions) before it. Helper tables, branch_versions and branch_heads go by foreign-key cascade.
    private static final String VERIFICATIONS_BY = "SELECT id FROM verifications WHERE provider_version_id = ANY(?)";
    private static final String PUBLICATIONS_OF = "SELECT id FROM pact_publications WHERE consumer_version_id = ANY(?)";
    private static final List<String> DELETE_VERSIONS = List.of(
            "DELETE FROM deployed_versions WHERE version_id = ANY(?)",
            "DELETE FROM released_versions WHERE version_id = ANY(?)",
            executionsOfTriggered("verification_id IN (" + VERIFICATIONS_BY + ")"),
            "DELETE FROM triggered_webhooks WHERE verification_id IN (" + VERIFICATIONS_BY + ")",
            "DELETE FROM verifications WHERE provider_version_id = ANY(?)",
            executionsOfTriggered("pact_publication_id IN (" + PUBLICATIONS_OF + ")"),
            // executions recorded before triggered webhooks existed (2017) refer to the publication directly
            "DELETE FROM webhook_executions WHERE pact_publication_id IN (" + PUBLICATIONS_OF + ")",
            "DELETE FROM triggered_webhooks WHERE pact_publication_id IN (" + PUBLICATIONS_OF + ")",
            "DELETE FROM pact_publications WHERE consumer_version_id = ANY(?)",
            "DELETE FROM tags WHERE version_id = ANY(?)",
            "DELETE FROM versions WHERE id = ANY(?)");

    /**
     * The same deletes without PostgreSQL's foreign-key triggers ({@code session_replication_role = replica}), for
     * when {@link #whyNotUnchecked} finds nothing against it. A batch of 500 benchmark versions (each with two pacts,
     * two verifications, a branch and helper rows) spent about 85% of its time in those triggers: one query per deleted
     * row and foreign key, about 22 per version; without them the deletes took a sixth of the time. What the triggers
     * did is done in bulk: parents are deleted before their children, so that from its delete on, a write that would
     * refer to a parent waits for the batch and then fails its own foreign-key check (which runs in its own session);
     * children committed before are found by the statements after it; what the cascades deleted (helper rows, branch
     * heads, webhook attempts) or set to null is deleted or set to null by the ids the parents' deletes returned.
     * {@link #FOREIGN_KEYS} is the list of references this covers.
     */
    private static final String UNCHECKED_PUBLICATIONS =
            "DELETE FROM pact_publications WHERE consumer_version_id = ANY(?) RETURNING id";

    private static final String UNCHECKED_VERIFICATIONS =
            "DELETE FROM verifications WHERE provider_version_id = ANY(?) RETURNING id";
    private static final String UNCHECKED_BRANCH_VERSIONS =
            "DELETE FROM branch_versions WHERE version_id = ANY(?) RETURNING id";
    private static final String UNCHECKED_TRIGGERED = """
            DELETE FROM triggered_webhooks WHERE verification_id = ANY(?) OR pact_publication_id = ANY(?) RETURNING id
            """;
    /** The rest, each with its parameters: V versions, P publications, F verifications, T triggered, B branch versions. */
    private static final List<String> UNCHECKED_CHILDREN = List.of(
            "T:DELETE FROM pactport_webhook_attempts WHERE triggered_webhook_id = ANY(?)",
            "T:DELETE FROM webhook_executions WHERE triggered_webhook_id = ANY(?)",
            "P:DELETE FROM webhook_executions WHERE pact_publication_id = ANY(?)",
            "F:UPDATE pact_version_provider_tag_successful_verifications SET verification_id = NULL"
                    + " WHERE verification_id = ANY(?)",
            "F:DELETE FROM latest_verification_id_for_pact_version_and_provider_version WHERE verification_id = ANY(?)",
            "V:DELETE FROM latest_verification_id_for_pact_version_and_provider_version"
                    + " WHERE provider_version_id = ANY(?)",
            "P:DELETE FROM latest_pact_publication_ids_for_consumer_versions WHERE pact_publication_id = ANY(?)",
            "V:DELETE FROM latest_pact_publication_ids_for_consumer_versions WHERE consumer_version_id = ANY(?)",
            "B:DELETE FROM branch_heads WHERE branch_version_id = ANY(?)",
            "V:DELETE FROM currently_deployed_version_ids WHERE version_id = ANY(?)",
            "V:DELETE FROM deployed_versions WHERE version_id = ANY(?)",
            "V:DELETE FROM released_versions WHERE version_id = ANY(?)",
            "V:DELETE FROM tags WHERE version_id = ANY(?)",
            "V:DELETE FROM versions WHERE id = ANY(?)");
    /**
     * Every foreign key that refers to a table the unchecked deletes delete from, as "referencing.column
     * -> referenced" (the Pact Broker 2.120 schema and Pactport's own tables); any other one in the database (a newer
     * schema, a table someone added) and the unchecked deletes are not used.
     */
    static final Set<String> FOREIGN_KEYS = Set.of(
            "tags.version_id -> versions",
            "branch_versions.version_id -> versions",
            "pact_publications.consumer_version_id -> versions",
            "verifications.provider_version_id -> versions",
            "latest_pact_publication_ids_for_consumer_versions.consumer_version_id -> versions",
            "latest_verification_id_for_pact_version_and_provider_version.provider_version_id -> versions",
            "deployed_versions.version_id -> versions",
            "currently_deployed_version_ids.version_id -> versions",
            "released_versions.version_id -> versions",
            "branch_heads.branch_version_id -> branch_versions",
            "latest_pact_publication_ids_for_consumer_versions.pact_publication_id -> pact_publications",
            "triggered_webhooks.pact_publication_id -> pact_publications",
            "webhook_executions.pact_publication_id -> pact_publications",
            "latest_verification_id_for_pact_version_and_provider_version.verification_id -> verifications",
            "pact_version_provider_tag_successful_verifications.verification_id -> verifications",
            "triggered_webhooks.verification_id -> verifications",
            "webhook_executions.triggered_webhook_id -> triggered_webhooks",
            "pactport_webhook_attempts.triggered_webhook_id -> triggered_webhooks");

    private static final String UNCHECKED_TABLES = "ARRAY['versions', 'branch_versions', 'pact_publications',"
            + " 'verifications', 'triggered_webhooks', 'webhook_executions', 'pactport_webhook_attempts', 'tags',"
            + " 'deployed_versions', 'currently_deployed_version_ids', 'released_versions', 'branch_heads',"
            + " 'latest_pact_publication_ids_for_consumer_versions',"
            + " 'latest_verification_id_for_pact_version_and_provider_version',"
            + " 'pact_version_provider_tag_successful_verifications']::regclass[]";
    private static final String FOREIGN_KEYS_TO_UNCHECKED = """
            SELECT c.conrelid::regclass::text || '.' || a.attname || ' -> ' || c.confrelid::regclass::text
                   || CASE WHEN cardinality(c.conkey) > 1 THEN ' (several columns)' ELSE '' END
            FROM pg_constraint c JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
            WHERE c.contype = 'f' AND c.confrelid = ANY(%s)
            """.formatted(UNCHECKED_TABLES);
    // replica mode turns off user triggers as well: none may be there
    private static final String USER_TRIGGERS_ON_UNCHECKED = """
            SELECT tgrelid::regclass::text || ' ' || tgname FROM pg_trigger
            WHERE NOT tgisinternal AND tgrelid = ANY(%s)
            """.formatted(UNCHECKED_TABLES);

    private static final String NEXT_ORPHAN_PACT_VERSIONS = """
            SELECT pv.id FROM pact_versions pv
            WHERE pv.id > ?
              AND NOT EXISTS (SELECT 1 FROM pact_publications pp WHERE pp.pact_version_id = pv.id)
              AND NOT EXISTS (SELECT 1 FROM verifications vf WHERE vf.pact_version_id = pv.id)
            ORDER BY pv.id LIMIT ? FOR UPDATE OF pv SKIP LOCKED
            """;
    // checked again after the lock: a publication committed meanwhile makes the content no orphan
    private static final String DELETE_ORPHAN_PACT_VERSIONS = """
            DELETE FROM pact_versions pv WHERE pv.id = ANY(?)
              AND NOT EXISTS (SELECT 1 FROM pact_publications pp WHERE pp.pact_version_id = pv.id)
              AND NOT EXISTS (SELECT 1 FROM verifications vf WHERE vf.pact_version_id = pv.id)
            """;

    // Overwritten data (the Pact Broker's DeleteOverwrittenData): what the helper tables no longer point at, older
    // than the cut-off.
    private static final String NEXT_OVERWRITTEN_PUBLICATIONS = """
            SELECT pp.id FROM pact_publications pp
            WHERE pp.id > ? AND pp.created_at < ?
              AND NOT EXISTS (SELECT 1 FROM latest_pact_publication_ids_for_consumer_versions l
                              WHERE l.pact_publication_id = pp.id)
            ORDER BY pp.id LIMIT ? FOR UPDATE OF pp SKIP LOCKED
            """;
    private static final List<String> DELETE_PUBLICATIONS = List.of(
            executionsOfTriggered("pact_publication_id = ANY(?)"),
            "DELETE FROM webhook_executions WHERE pact_publication_id = ANY(?)",
            "DELETE FROM triggered_webhooks WHERE pact_publication_id = ANY(?)",
            // a publication that became the latest revision after the lock (it cannot, but the helper row says) stays
            """
            DELETE FROM pact_publications pp WHERE pp.id = ANY(?) AND NOT EXISTS
              (SELECT 1 FROM latest_pact_publication_ids_for_consumer_versions l WHERE l.pact_publication_id = pp.id)
            """);
    private static final String NEXT_DUPLICATE_VERIFICATIONS = """
            SELECT vf.id FROM verifications vf
            WHERE vf.id > ? AND vf.created_at < ?
              AND NOT EXISTS (SELECT 1 FROM latest_verification_id_for_pact_version_and_provider_version l
                              WHERE l.verification_id = vf.id)
            ORDER BY vf.id LIMIT ? FOR UPDATE OF vf SKIP LOCKED
            """;
    private static final List<String> DELETE_VERIFICATIONS = List.of(
            executionsOfTriggered("verification_id = ANY(?)"),
            "DELETE FROM triggered_webhooks WHERE verification_id = ANY(?)",
            """
            DELETE FROM verifications vf WHERE vf.id = ANY(?) AND NOT EXISTS
              (SELECT 1 FROM latest_verification_id_for_pact_version_and_provider_version l WHERE l.verification_id = vf.id)
            """);
    private static final String NEXT_HISTORICAL_TRIGGERED_WEBHOOKS = """
            SELECT tw.id FROM triggered_webhooks tw
            WHERE tw.id > ? AND tw.created_at < ?
              AND NOT EXISTS (SELECT 1 FROM latest_triggered_webhooks l WHERE l.id = tw.id)
            ORDER BY tw.id LIMIT ? FOR UPDATE OF tw SKIP LOCKED
            """;
    private static final List<String> DELETE_TRIGGERED_WEBHOOKS = List.of(
            "DELETE FROM webhook_executions WHERE triggered_webhook_id = ANY(?)",
            "DELETE FROM triggered_webhooks WHERE id = ANY(?)");

    private static final String DELETE_STALE_BRANCHES = """
            DELETE FROM branches WHERE id IN (
              SELECT b.id FROM branches b WHERE NOT %s ORDER BY b.id LIMIT ? FOR UPDATE OF b SKIP LOCKED)
            RETURNING id
            """;
    /** The branches {@link #DELETE_STALE_BRANCHES} takes, in its order. */
    private static final String STALE_BRANCHES = """
            SELECT b.id FROM branches b WHERE NOT %s ORDER BY b.id LIMIT ?
            """;

    private static String executionsOfTriggered(String where) {
        return "DELETE FROM webhook_executions WHERE triggered_webhook_id IN (SELECT id FROM triggered_webhooks WHERE "
                + where + ")";
    }

    /** Bounds every statement of the caller's transaction and how long it waits for a lock broker-api holds. */
    public void bound(Connection c, Duration statementTimeout) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("SET LOCAL statement_timeout = " + statementTimeout.toMillis());
            // waiting for a lock would queue broker-api's writes behind the clean; better to fail the batch and move on
            s.execute("SET LOCAL lock_timeout = " + Math.min(statementTimeout.toMillis(), 2_000));
        }
    }

    /** The oldest versions after {@code afterId} that no selector keeps, locked; those being written to are skipped. */
    public List<Long> lockNextUnselected(Connection c, SqlFragment keep, long afterId, int limit) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(NEXT_UNSELECTED.formatted(keep.sql()))) {
            s.setLong(1, afterId);
            int next = keep.bind(s, 2);
            s.setInt(next, limit);
            return ids(s);
        }
    }

    /**
     * Which of the locked {@code ids} no selector keeps now, seeing every write committed before the lock (the pick saw
     * the data as of its own start), with the names their deletion events carry; one statement for both.
     */
    public List<DeletedVersion> stillUnselected(Connection c, SqlFragment keep, List<Long> ids) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(STILL_UNSELECTED.formatted(keep.sql()))) {
            s.setArray(1, longs(c, ids));
            keep.bind(s, 2);
            List<DeletedVersion> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(new DeletedVersion(rs.getLong("id"), rs.getString("name"), rs.getString("number")));
                }
            }
            return out;
        }
    }

    /**
     * Why the versions cannot be deleted without foreign-key triggers on this database, or empty when they can: the
     * user may set {@code session_replication_role} (a superuser, or granted {@code SET} on it, PostgreSQL 15+), every
     * foreign key to the tables deleted from is one {@link #FOREIGN_KEYS} lists, and those tables have no triggers of
     * their own.
     */
    public Optional<String> whyNotUnchecked(Connection c) throws SQLException {
        try (PreparedStatement s =
                        c.prepareStatement("SELECT has_parameter_privilege('session_replication_role', 'SET')");
                ResultSet rs = s.executeQuery()) {
            rs.next();
            if (!rs.getBoolean(1)) {
                return Optional.of("the database user may not set session_replication_role");
            }
        } catch (SQLException olderThan15) {
            return Optional.of("cannot tell whether the database user may set session_replication_role ("
                    + olderThan15.getMessage() + ")");
        }
        Set<String> keys = new HashSet<>(strings(c, FOREIGN_KEYS_TO_UNCHECKED));
        keys.removeAll(FOREIGN_KEYS);
        if (!keys.isEmpty()) {
            return Optional.of("foreign keys the clean does not know refer to its tables: " + new TreeSet<>(keys));
        }
        List<String> triggers = strings(c, USER_TRIGGERS_ON_UNCHECKED);
        if (!triggers.isEmpty()) {
            return Optional.of("the clean's tables have triggers: " + triggers);
        }
        return Optional.empty();
    }

    /**
     * Deletes the versions and everything that refers to them, in the Pact Broker's order; heads are re-pointed.
     *
     * @param unchecked without foreign-key triggers ({@link #whyNotUnchecked} said it may), for the batch's deletes only
     */
    public void deleteVersions(Connection c, List<Long> ids, boolean unchecked) throws SQLException {
        Array array = longs(c, ids);
        List<Long> branches;
        try (PreparedStatement s = c.prepareStatement(HEADS_OF)) {
            s.setArray(1, array);
            branches = ids(s);
        }
        if (unchecked) {
            try (Statement s = c.createStatement()) {
                s.execute("SET LOCAL session_replication_role = replica");
                deleteUnchecked(c, array);
                s.execute("SET LOCAL session_replication_role = origin");
            }
        } else {
            executeAll(c, DELETE_VERSIONS, array);
        }
        if (!branches.isEmpty()) {
            try (PreparedStatement s = c.prepareStatement(REPOINT_HEADS)) {
                s.setArray(1, longs(c, branches));
                s.executeUpdate();
            }
        }
    }

    private static void deleteUnchecked(Connection c, Array versions) throws SQLException {
        Map<Character, Array> ids = new HashMap<>();
        ids.put('V', versions);
        ids.put('P', returned(c, UNCHECKED_PUBLICATIONS, versions));
        ids.put('F', returned(c, UNCHECKED_VERIFICATIONS, versions));
        ids.put('B', returned(c, UNCHECKED_BRANCH_VERSIONS, versions));
        ids.put('T', returned(c, UNCHECKED_TRIGGERED, ids.get('F'), ids.get('P')));
        for (String statement : UNCHECKED_CHILDREN) {
            try (PreparedStatement s = c.prepareStatement(statement.substring(2))) {
                s.setArray(1, ids.get(statement.charAt(0)));
                s.executeUpdate();
            }
        }
    }

    /** The ids a {@code DELETE ... RETURNING id} returned, as an array parameter. */
    private static Array returned(Connection c, String sql, Array... parameters) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setArray(i + 1, parameters[i]);
            }
            return longs(c, ids(s));
        }
    }

    public List<Long> lockOrphanPactVersions(Connection c, long afterId, int limit) throws SQLException {
        return lockPage(c, NEXT_ORPHAN_PACT_VERSIONS, afterId, null, limit);
    }

    public int deleteOrphanPactVersions(Connection c, List<Long> ids) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(DELETE_ORPHAN_PACT_VERSIONS)) {
            s.setArray(1, longs(c, ids));
            return s.executeUpdate();
        }
    }

    public List<Long> lockOverwrittenPublications(Connection c, LocalDateTime cutOff, long afterId, int limit)
            throws SQLException {
        return lockPage(c, NEXT_OVERWRITTEN_PUBLICATIONS, afterId, cutOff, limit);
    }

    public int deletePublications(Connection c, List<Long> ids) throws SQLException {
        return executeAll(c, DELETE_PUBLICATIONS, longs(c, ids));
    }

    public List<Long> lockDuplicateVerifications(Connection c, LocalDateTime cutOff, long afterId, int limit)
            throws SQLException {
        return lockPage(c, NEXT_DUPLICATE_VERIFICATIONS, afterId, cutOff, limit);
    }

    public int deleteVerifications(Connection c, List<Long> ids) throws SQLException {
        return executeAll(c, DELETE_VERIFICATIONS, longs(c, ids));
    }

    public List<Long> lockHistoricalTriggeredWebhooks(Connection c, LocalDateTime cutOff, long afterId, int limit)
            throws SQLException {
        return lockPage(c, NEXT_HISTORICAL_TRIGGERED_WEBHOOKS, afterId, cutOff, limit);
    }

    public int deleteTriggeredWebhooks(Connection c, List<Long> ids) throws SQLException {
        return executeAll(c, DELETE_TRIGGERED_WEBHOOKS, longs(c, ids));
    }

    /** Deletes up to {@code limit} branches no branch selector keeps; their branch_versions and heads cascade. */
    public int deleteStaleBranches(Connection c, SqlFragment kept, int limit) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(DELETE_STALE_BRANCHES.formatted(kept.sql()))) {
            int next = kept.bind(s, 1);
            s.setInt(next, limit);
            return ids(s).size();
        }
    }

    /** The ids of the branches a run would delete as stale, up to {@code limit}. */
    public List<Long> staleBranches(Connection c, SqlFragment kept, int limit) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(STALE_BRANCHES.formatted(kept.sql()))) {
            int next = kept.bind(s, 1);
            s.setInt(next, limit);
            return ids(s);
        }
    }

    /** Row counts of {@link #TABLES}. */
    public Map<String, Long> counts(Connection c) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : TABLES) {
            try (PreparedStatement s = c.prepareStatement("SELECT count(*) FROM " + table)) {
                counts.put(table, single(s));
            }
        }
        return counts;
    }

    private static List<Long> lockPage(Connection c, String sql, long afterId, LocalDateTime cutOff, int limit)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            int i = 1;
            s.setLong(i++, afterId);
            if (cutOff != null) {
                s.setObject(i++, cutOff);
            }
            s.setInt(i, limit);
            return ids(s);
        }
    }

    /** Runs each statement with the id array as every parameter; the rows the last one deleted. */
    private static int executeAll(Connection c, List<String> statements, Array ids) throws SQLException {
        int last = 0;
        for (String sql : statements) {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                long params = sql.chars().filter(ch -> ch == '?').count();
                for (int i = 1; i <= params; i++) {
                    s.setArray(i, ids);
                }
                last = s.executeUpdate();
            }
        }
        return last;
    }

    static Array longs(Connection c, List<Long> ids) throws SQLException {
        return c.createArrayOf("bigint", ids.toArray(Long[]::new));
    }

    private static List<Long> ids(PreparedStatement s) throws SQLException {
        List<Long> out = new ArrayList<>();
        try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getLong(1));
            }
        }
        return out;
    }

    private static List<String> strings(Connection c, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(sql);
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    private static long single(PreparedStatement s) throws SQLException {
        try (ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
