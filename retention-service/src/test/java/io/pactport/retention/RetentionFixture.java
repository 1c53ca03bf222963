package io.pactport.retention;

import io.pactport.retention.model.RetentionRun;
import io.pactport.retention.model.RunTrigger;
import io.pactport.retention.selectors.CleanSettings;
import io.pactport.retention.selectors.KeepSelectors;
import io.pactport.retention.service.CleanService;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The one fixture of retention's database tests: empties the tables, seeds the Pact Broker's tables directly with SQL,
 * row shapes as the Pact Broker (and broker-api) write them (versions with their global order, tags and branches with
 * their denormalised columns, publications and verifications with their "latest" helper rows, deployments with their
 * currently-deployed row), reads back what is left, and runs the clean. Times are given in days before the last
 * {@link #wipe()} (UTC). A test injects it and calls {@link #wipe()} before each test.
 */
@ApplicationScoped
public class RetentionFixture {

    private static final List<String> TABLES = List.of(
            "webhook_executions",
            "triggered_webhooks",
            "webhook_events",
            "webhook_headers",
            "webhooks",
            "pact_version_provider_tag_successful_verifications",
            "latest_verification_id_for_pact_version_and_provider_version",
            "verifications",
            "latest_pact_publication_ids_for_consumer_versions",
            "pact_publications",
            "pact_versions",
            "currently_deployed_version_ids",
            "deployed_versions",
            "released_versions",
            "environments",
            "branch_heads",
            "branch_versions",
            "branches",
            "tags",
            "versions",
            "integrations",
            "labels",
            "pacticipants",
            "pactport_outbox",
            "pactport_retention_runs");

    private final DataSource dataSource;
    private final CleanService clean;
    private final Map<String, Long> pacticipants = new HashMap<>();
    private Connection c;
    private LocalDateTime now;

    RetentionFixture(DataSource dataSource, CleanService clean) {
        this.dataSource = dataSource;
        this.clean = clean;
    }

    /**
     * Empties every table the clean touches, children first, so each test starts from nothing, on a connection of
     * its own (the previous test's is closed).
     */
    public RetentionFixture wipe() throws SQLException {
        close();
        c = dataSource.getConnection();
        c.setAutoCommit(true);
        now = LocalDateTime.now(ZoneOffset.UTC);
        // DELETE rather than TRUNCATE: on a few rows it is many times faster, and the property test wipes often
        try (Statement s = c.createStatement()) {
            for (String table : TABLES) {
                s.addBatch("DELETE FROM " + table);
            }
            s.executeBatch();
        }
        pacticipants.clear();
        return this;
    }

    /** The docker defaults with these keep selectors and limit; small batches, no pause, so batching is exercised. */
    public static CleanSettings settings(String selectors, int limit) {
        return CleanSettings.defaults()
                .withKeepVersionSelectors(KeepSelectors.parse(selectors))
                .withDeletionLimit(limit)
                .withBatches(2, Duration.ZERO, 0);
    }

    /** Runs the clean as {@code POST /retention/runs} does, to the end. */
    public RetentionRun run(CleanSettings settings) {
        return clean.run(RunTrigger.HTTP, settings);
    }

    public RetentionRun run(String selectors, int limit) {
        return run(settings(selectors, limit));
    }

    public Connection connection() {
        return c;
    }

    public LocalDateTime daysAgo(double days) {
        return now.minusMinutes(Math.round(days * 24 * 60));
    }

    public long pacticipant(String name) throws SQLException {
        Long id = pacticipants.get(name);
        if (id == null) {
            id = insert(
                    "INSERT INTO pacticipants (name, created_at, updated_at) VALUES (?, ?, ?) RETURNING id",
                    name,
                    now,
                    now);
            pacticipants.put(name, id);
        }
        return id;
    }

    public RetentionFixture mainBranch(String pacticipant, String branch) throws SQLException {
        update("UPDATE pacticipants SET main_branch = ? WHERE id = ?", branch, pacticipant(pacticipant));
        return this;
    }

    public long version(String pacticipant, String number, double daysAgo) throws SQLException {
        LocalDateTime at = daysAgo(daysAgo);
        return insert("""
                INSERT INTO versions (number, pacticipant_id, "order", created_at, updated_at)
                VALUES (?, ?, nextval('version_order_sequence'), ?, ?) RETURNING id
                """, number, pacticipant(pacticipant), at, at);
    }

    public long version(String pacticipant, String number) throws SQLException {
        return version(pacticipant, number, 0);
    }

    /** {@code count} versions of the pacticipant numbered {@code prefix1..prefixN}, in one statement. */
    public RetentionFixture manyVersions(String pacticipant, String prefix, int count, double daysAgo)
            throws SQLException {
        LocalDateTime at = daysAgo(daysAgo);
        update("""
                INSERT INTO versions (number, pacticipant_id, "order", created_at, updated_at)
                SELECT ? || n, ?, nextval('version_order_sequence'), ?, ? FROM generate_series(1, ?) n
                """, prefix, pacticipant(pacticipant), at, at, count);
        return this;
    }

    public RetentionFixture tag(long versionId, String... names) throws SQLException {
        for (String name : names) {
            update("""
                    INSERT INTO tags (name, version_id, pacticipant_id, version_order, created_at, updated_at)
                    SELECT ?, v.id, v.pacticipant_id, v."order", v.created_at, v.created_at FROM versions v WHERE v.id = ?
                    """, name, versionId);
        }
        return this;
    }

    /** Adds the version to the branch, which becomes the branch's head when it is its newest version. */
    public RetentionFixture branch(long versionId, String name) throws SQLException {
        long branchId = insert("""
                INSERT INTO branches (name, pacticipant_id, created_at, updated_at)
                SELECT ?, v.pacticipant_id, v.created_at, v.created_at FROM versions v WHERE v.id = ?
                ON CONFLICT (pacticipant_id, name)
                  DO UPDATE SET updated_at = greatest(branches.updated_at, excluded.updated_at)
                RETURNING id
                """, name, versionId);
        long branchVersionId = insert("""
                INSERT INTO branch_versions (branch_id, version_id, version_order, pacticipant_id, branch_name,
                  created_at, updated_at)
                SELECT ?, v.id, v."order", v.pacticipant_id, ?, v.created_at, v.created_at FROM versions v WHERE v.id = ?
                RETURNING id
                """, branchId, name, versionId);
        update("""
                INSERT INTO branch_heads (branch_id, branch_version_id, version_id, pacticipant_id, branch_name)
                SELECT bv.branch_id, bv.id, bv.version_id, bv.pacticipant_id, bv.branch_name FROM branch_versions bv
                WHERE bv.id = ?
                ON CONFLICT (branch_id) DO UPDATE SET branch_version_id = excluded.branch_version_id,
                  version_id = excluded.version_id
                WHERE (SELECT version_order FROM branch_versions WHERE id = branch_heads.branch_version_id)
                    < (SELECT version_order FROM branch_versions WHERE id = excluded.branch_version_id)
                """, branchVersionId);
        return this;
    }

    public RetentionFixture branchUpdated(String pacticipant, String branch, double daysAgo) throws SQLException {
        update(
                "UPDATE branches SET updated_at = ? WHERE pacticipant_id = ? AND name = ?",
                daysAgo(daysAgo),
                pacticipant(pacticipant),
                branch);
        return this;
    }

    /** Publishes a pact of the consumer version for the provider; a second call for the same pair is a new revision. */
    public long pact(long consumerVersionId, String provider, String content, double daysAgo) throws SQLException {
        long providerId = pacticipant(provider);
        LocalDateTime at = daysAgo(daysAgo);
        long consumerId = single("SELECT pacticipant_id FROM versions WHERE id = ?", consumerVersionId);
        long pactVersionId = pactVersion(consumerId, providerId, content, at);
        long revision = single("""
                SELECT coalesce(max(revision_number), 0) + 1 FROM pact_publications
                WHERE consumer_version_id = ? AND provider_id = ?
                """, consumerVersionId, providerId);
        long publication = insert("""
                INSERT INTO pact_publications (consumer_version_id, provider_id, revision_number, pact_version_id,
                  created_at, consumer_id, consumer_version_order)
                SELECT v.id, ?, ?, ?, ?, v.pacticipant_id, v."order" FROM versions v WHERE v.id = ? RETURNING id
                """, providerId, revision, pactVersionId, at, consumerVersionId);
        update(
                "DELETE FROM latest_pact_publication_ids_for_consumer_versions WHERE consumer_version_id = ?"
                        + " AND provider_id = ?",
                consumerVersionId,
                providerId);
        update("""
                INSERT INTO latest_pact_publication_ids_for_consumer_versions (consumer_id, consumer_version_id,
                  provider_id, pact_publication_id, pact_version_id, created_at)
                VALUES (?, ?, ?, ?, ?, ?)
                """, consumerId, consumerVersionId, providerId, publication, pactVersionId, at);
        update("""
                INSERT INTO integrations (consumer_id, provider_id, created_at) VALUES (?, ?, ?)
                ON CONFLICT DO NOTHING
                """, consumerId, providerId, at);
        return publication;
    }

    public long pact(long consumerVersionId, String provider, String content) throws SQLException {
        return pact(consumerVersionId, provider, content, 0);
    }

    public long pactVersionOf(long publicationId) throws SQLException {
        return single("SELECT pact_version_id FROM pact_publications WHERE id = ?", publicationId);
    }

    /** Pact content no publication or verification refers to. */
    public long orphanPactVersion(String consumer, String provider, String content) throws SQLException {
        return pactVersion(pacticipant(consumer), pacticipant(provider), content, now);
    }

    private long pactVersion(long consumerId, long providerId, String content, LocalDateTime at) throws SQLException {
        return insert("""
                INSERT INTO pact_versions (consumer_id, provider_id, sha, content, created_at) VALUES (?, ?, md5(?), ?, ?)
                ON CONFLICT (consumer_id, provider_id, sha) DO UPDATE SET sha = excluded.sha RETURNING id
                """, consumerId, providerId, content, content, at);
    }

    /** A verification of the pact content by the provider version; it becomes the latest for that pair. */
    public long verification(long pactVersionId, long providerVersionId, boolean success, double daysAgo)
            throws SQLException {
        LocalDateTime at = daysAgo(daysAgo);
        long id = insert("""
                INSERT INTO verifications (number, success, pact_version_id, execution_date, created_at,
                  provider_version_id, consumer_id, provider_id)
                SELECT nextval('verification_number_sequence'), ?, pv.id, ?, ?, ?, pv.consumer_id, pv.provider_id
                FROM pact_versions pv WHERE pv.id = ? RETURNING id
                """, success, at, at, providerVersionId, pactVersionId);
        update(
                "DELETE FROM latest_verification_id_for_pact_version_and_provider_version WHERE pact_version_id = ?"
                        + " AND provider_version_id = ?",
                pactVersionId,
                providerVersionId);
        update("""
                INSERT INTO latest_verification_id_for_pact_version_and_provider_version (consumer_id, pact_version_id,
                  provider_id, provider_version_id, verification_id, created_at)
                SELECT consumer_id, pact_version_id, provider_id, provider_version_id, id, created_at
                FROM verifications WHERE id = ?
                """, id);
        return id;
    }

    public long environment(String name) throws SQLException {
        Long existing = optional("SELECT id FROM environments WHERE name = ?", name);
        return existing != null ? existing : insert("""
                INSERT INTO environments (uuid, name, production, created_at, updated_at)
                VALUES (?, ?, false, ?, ?) RETURNING id
                """, UUID.randomUUID().toString(), name, now, now);
    }

    /** Records the version as currently deployed to the environment (replacing the pacticipant's previous one). */
    public long deploy(long versionId, String environment) throws SQLException {
        long env = environment(environment);
        long deployed = insert("""
                INSERT INTO deployed_versions (uuid, version_id, pacticipant_id, environment_id, created_at, updated_at)
                SELECT ?, v.id, v.pacticipant_id, ?, ?, ? FROM versions v WHERE v.id = ? RETURNING id
                """, UUID.randomUUID().toString(), env, now, now, versionId);
        update("""
                INSERT INTO currently_deployed_version_ids (target_for_index, pacticipant_id, environment_id,
                  version_id, deployed_version_id)
                SELECT '', v.pacticipant_id, ?, v.id, ? FROM versions v WHERE v.id = ?
                ON CONFLICT (pacticipant_id, environment_id, target_for_index)
                  DO UPDATE SET version_id = excluded.version_id, deployed_version_id = excluded.deployed_version_id
                """, env, deployed, versionId);
        return deployed;
    }

    public RetentionFixture undeploy(long deployedVersionId) throws SQLException {
        update("DELETE FROM currently_deployed_version_ids WHERE deployed_version_id = ?", deployedVersionId);
        update("UPDATE deployed_versions SET undeployed_at = ? WHERE id = ?", now, deployedVersionId);
        return this;
    }

    public long release(long versionId, String environment) throws SQLException {
        return insert("""
                INSERT INTO released_versions (uuid, version_id, pacticipant_id, environment_id, created_at, updated_at)
                SELECT ?, v.id, v.pacticipant_id, ?, ?, ? FROM versions v WHERE v.id = ? RETURNING id
                """, UUID.randomUUID().toString(), environment(environment), now, now, versionId);
    }

    public RetentionFixture endSupport(long releasedVersionId) throws SQLException {
        update("UPDATE released_versions SET support_ended_at = ? WHERE id = ?", now, releasedVersionId);
        return this;
    }

    public long webhook() throws SQLException {
        return insert("""
                INSERT INTO webhooks (uuid, method, url, created_at, updated_at)
                VALUES (?, 'POST', 'https://ci.example.org/hook', ?, ?) RETURNING id
                """, UUID.randomUUID().toString().substring(0, 22), now, now);
    }

    /** A triggered webhook for the publication (and verification, if not null), with one execution. */
    public long triggeredWebhook(long webhookId, long publicationId, Long verificationId, double daysAgo)
            throws SQLException {
        LocalDateTime at = daysAgo(daysAgo);
        long id = insert("""
                INSERT INTO triggered_webhooks (trigger_uuid, trigger_type, pact_publication_id, webhook_id,
                  webhook_uuid, consumer_id, provider_id, status, created_at, updated_at, verification_id, event_name)
                SELECT ?, 'resource_creation', pp.id, w.id, w.uuid, pp.consumer_id, pp.provider_id, 'success', ?, ?, ?,
                  'contract_published'
                FROM pact_publications pp, webhooks w WHERE pp.id = ? AND w.id = ? RETURNING id
                """, UUID.randomUUID().toString(), at, at, verificationId, publicationId, webhookId);
        update(
                "INSERT INTO webhook_executions (triggered_webhook_id, success, logs, created_at) VALUES (?, true, '', ?)",
                id,
                at);
        return id;
    }

    public long count(String table) throws SQLException {
        return single("SELECT count(*) FROM " + table);
    }

    public boolean exists(String table, long id) throws SQLException {
        return single("SELECT count(*) FROM " + table + " WHERE id = ?", id) > 0;
    }

    /** The version numbers of the pacticipant still there, oldest first. */
    public List<String> versions(String pacticipant) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("""
                SELECT v.number FROM versions v JOIN pacticipants p ON p.id = v.pacticipant_id WHERE p.name = ?
                ORDER BY v."order"
                """)) {
            s.setString(1, pacticipant);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    public Set<Long> versionIds() throws SQLException {
        Set<Long> out = new LinkedHashSet<>();
        try (PreparedStatement s = c.prepareStatement("SELECT id FROM versions ORDER BY id");
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getLong(1));
            }
        }
        return out;
    }

    public long branchCount(String pacticipant, String branch) throws SQLException {
        return single(
                "SELECT count(*) FROM branches WHERE pacticipant_id = ? AND name = ?",
                pacticipant(pacticipant),
                branch);
    }

    public long single(String sql, Object... params) throws SQLException {
        Long value = optional(sql, params);
        if (value == null) {
            throw new IllegalStateException("no row for " + sql);
        }
        return value;
    }

    private Long optional(String sql, Object... params) throws SQLException {
        try (PreparedStatement s = prepare(sql, params);
                ResultSet rs = s.executeQuery()) {
            return rs.next() ? rs.getLong(1) : null;
        }
    }

    private long insert(String sql, Object... params) throws SQLException {
        return single(sql, params);
    }

    public void update(String sql, Object... params) throws SQLException {
        try (PreparedStatement s = prepare(sql, params)) {
            s.executeUpdate();
        }
    }

    private PreparedStatement prepare(String sql, Object... params) throws SQLException {
        PreparedStatement s = c.prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            s.setObject(i + 1, params[i]);
        }
        return s;
    }

    @PreDestroy
    void close() throws SQLException {
        if (c != null) {
            c.close();
        }
    }
}
