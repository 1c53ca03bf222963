package io.pactport.api.compat;

import io.pactport.core.pact.PactContent;
import io.pactport.core.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * Seeds the data the compat pacts' provider states describe, straight into the Pact Broker tables with their
 * invariants (order from the sequence, helper tables, branch heads), the way a database written by the Ruby broker looks.
 * A builder in the manner of the Pact Broker's own test data builder: each call works on the last pacticipant/version.
 */
final class CompatData implements AutoCloseable {

    private static final String EVERY_TABLE = """
            SELECT string_agg(quote_ident(table_name), ', ') FROM information_schema.tables
            WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'
              AND table_name NOT IN ('schema_migrations', 'pactport_schema_history',
                                     'version_sequence_number', 'verification_sequence_number')
            """;

    private final Connection c;
    private long consumerId;
    private String consumerName;
    private long providerId;
    private String providerName;
    private long pacticipantId;
    private long versionId;
    private long environmentId;

    private CompatData(Connection c) {
        this.c = c;
    }

    /** A builder on an emptied database: every provider state starts from nothing. */
    public static CompatData fresh(TestDatabase db) {
        try {
            Connection c = db.connect();
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery(EVERY_TABLE)) {
                rs.next();
                try (Statement truncate = c.createStatement()) {
                    truncate.execute("TRUNCATE " + rs.getString(1) + " RESTART IDENTITY CASCADE");
                }
            }
            return new CompatData(c);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    CompatData consumer(String name) {
        consumerName = name;
        consumerId = pacticipant(name).pacticipantId;
        return this;
    }

    CompatData provider(String name) {
        providerName = name;
        providerId = pacticipant(name).pacticipantId;
        return this;
    }

    CompatData repositoryUrl(String url) {
        execute("UPDATE pacticipants SET repository_url = ? WHERE id = ?", url, pacticipantId);
        return this;
    }

    CompatData pacticipant(String name) {
        pacticipantId =
                insert("INSERT INTO pacticipants (name, created_at, updated_at) VALUES (?, now(), now())", name);
        return this;
    }

    /** A version of the pacticipant created last. */
    CompatData version(String number) {
        versionId = insert(
                "INSERT INTO versions (number, pacticipant_id, \"order\", created_at, updated_at)"
                        + " VALUES (?, ?, nextval('version_order_sequence'), now(), now())",
                number,
                pacticipantId);
        return this;
    }

    CompatData providerVersion(String number) {
        versionId = insert(
                "INSERT INTO versions (number, pacticipant_id, \"order\", created_at, updated_at)"
                        + " VALUES (?, ?, nextval('version_order_sequence'), now(), now())",
                number,
                providerId);
        return this;
    }

    CompatData tag(String name) {
        execute(
                "INSERT INTO tags (name, version_id, pacticipant_id, version_order, created_at, updated_at)"
                        + " SELECT ?, id, pacticipant_id, \"order\", now(), now() FROM versions WHERE id = ?",
                name,
                versionId);
        return this;
    }

    CompatData branch(String name) {
        long branchId = insert(
                "INSERT INTO branches (name, pacticipant_id, created_at, updated_at)"
                        + " SELECT ?, pacticipant_id, now(), now() FROM versions WHERE id = ?",
                name,
                versionId);
        long branchVersionId = insert(
                "INSERT INTO branch_versions (branch_id, version_id, version_order, pacticipant_id,"
                        + " branch_name, created_at, updated_at) SELECT ?, id, \"order\", pacticipant_id, ?, now(), now()"
                        + " FROM versions WHERE id = ?",
                branchId,
                name,
                versionId);
        execute(
                "INSERT INTO branch_heads (branch_id, branch_version_id, version_id, pacticipant_id, branch_name)"
                        + " SELECT ?, ?, id, pacticipant_id, ? FROM versions WHERE id = ?",
                branchId,
                branchVersionId,
                name,
                versionId);
        return this;
    }

    /**
     * A pact from the current consumer version to the provider, with the helper rows the Ruby broker writes; its content
     * is the Pact Broker test data builder's default, a pact without interactions.
     */
    CompatData pact() {
        PactContent content = PactContent.parse("""
                {"consumer":{"name":"%s"},"provider":{"name":"%s"},"interactions":[],
                "metadata":{"pactSpecification":{"version":"2.0.0"}}}""".formatted(consumerName, providerName));
        long pactVersionId = insert(
                "INSERT INTO pact_versions (consumer_id, provider_id, sha, content, created_at,"
                        + " interactions_count, messages_count) VALUES (?, ?, ?, ?, now(), 0, 0)",
                consumerId,
                providerId,
                content.sha(),
                content.withInteractionIds());
        long publicationId = insert(
                "INSERT INTO pact_publications (consumer_version_id, provider_id, revision_number,"
                        + " pact_version_id, created_at, consumer_id, consumer_version_order)"
                        + " SELECT id, ?, 1, ?, now(), pacticipant_id, \"order\" FROM versions WHERE id = ?",
                providerId,
                pactVersionId,
                versionId);
        execute(
                "INSERT INTO latest_pact_publication_ids_for_consumer_versions (consumer_id, consumer_version_id,"
                        + " provider_id, pact_publication_id, pact_version_id, created_at) VALUES (?, ?, ?, ?, ?, now())",
                consumerId,
                versionId,
                providerId,
                publicationId,
                pactVersionId);
        execute(
                "INSERT INTO integrations (consumer_id, provider_id, consumer_name, created_at,"
                        + " contract_data_updated_at) SELECT ?, ?, name, now(), now() FROM pacticipants WHERE id = ?"
                        + " ON CONFLICT DO NOTHING",
                consumerId,
                providerId,
                consumerId);
        return this;
    }

    CompatData environment(String name, String uuid, boolean production) {
        environmentId = insert(
                "INSERT INTO environments (uuid, name, display_name, production, contacts, created_at,"
                        + " updated_at) VALUES (?, ?, ?, ?, ?, now(), now())",
                uuid,
                name,
                name,
                production,
                "[{\"name\":\"foo\",\"details\":{\"emailAddress\":\"foo@bar.com\"}}]");
        return this;
    }

    CompatData environment(String name) {
        return environment(name, UUID.randomUUID().toString(), false);
    }

    /** The current version deployed to the last environment. */
    CompatData deployed(String uuid, String target) {
        long deployedId = insert(
                "INSERT INTO deployed_versions (uuid, version_id, pacticipant_id, environment_id,"
                        + " created_at, updated_at, target, target_for_index) SELECT ?, id, pacticipant_id, ?, now(), now(), ?,"
                        + " ? FROM versions WHERE id = ?",
                uuid,
                environmentId,
                target,
                target == null ? "" : target,
                versionId);
        execute(
                "INSERT INTO currently_deployed_version_ids (target_for_index, pacticipant_id, environment_id,"
                        + " version_id, deployed_version_id) SELECT ?, pacticipant_id, ?, id, ? FROM versions WHERE id = ?",
                target == null ? "" : target,
                environmentId,
                deployedId,
                versionId);
        return this;
    }

    private long insert(String sql, Object... params) {
        try (PreparedStatement s = c.prepareStatement(sql, new String[] {"id"})) {
            bind(s, params);
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private void execute(String sql, Object... params) {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, params);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private static void bind(PreparedStatement s, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            s.setObject(i + 1, params[i]);
        }
    }

    @Override
    public void close() throws SQLException {
        c.close();
    }
}
