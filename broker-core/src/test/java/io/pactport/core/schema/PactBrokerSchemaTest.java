package io.pactport.core.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pactport.core.testing.RequiredArtefacts;
import io.pactport.core.testing.TestDatabase;
import io.pactport.core.testing.TestPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * V1 must produce exactly the database the Ruby Pact Broker 2.120 creates, so that Pactport and the Ruby broker
 * can take turns on the same database.
 */
class PactBrokerSchemaTest {

    @Test
    void v1DefinesTheSameSchemaAsARealPactBroker2120Database() throws Exception {
        Optional<Path> dump = ReferenceDump.find();
        RequiredArtefacts.require(
                dump.isPresent(),
                ReferenceDump.location() + " is absent; it is the pg_dump"
                        + " of a Ruby-migrated Pact Broker 2.120 database, kept outside the repository in ../shared/compat"
                        + " (the system property pactport.compat.dir names that directory)");

        TestDatabase reference = TestPostgres.newDatabase("schema_reference");
        try (Connection c = reference.connect()) {
            ReferenceDump.load(dump.get(), c);
        }
        TestDatabase migrated = migratedToV1("schema_v1");

        Catalogue expected = Catalogue.read(reference);
        Catalogue actual = Catalogue.read(migrated);

        // guard against a vacuous pass, e.g. both sides empty because a query lost its rows
        assertThat(expected.section("relations"))
                .filteredOn(line -> line.endsWith(" table"))
                .hasSize(30);
        assertThat(expected.section("relations"))
                .filteredOn(line -> line.endsWith(" view"))
                .hasSize(31);
        assertThat(expected.section("sequences")).hasSize(21);
        List<String> differences = actual.differencesFrom(expected);
        assertThat(differences)
                .withFailMessage(
                        "V1 differs from the Pact Broker 2.120 reference"
                                + " ('-' only in the reference, '+' only in V1):%n%s",
                        String.join("\n", differences))
                .isEmpty();
    }

    @Test
    void v1RecordsEveryRubyMigrationAsAppliedAndSeedsWhatAFreshRubyInstallSeeds() throws Exception {
        TestDatabase db = migratedToV1("schema_bookkeeping");
        try (Connection c = db.connect()) {
            List<String> applied = strings(c, "SELECT filename FROM schema_migrations ORDER BY filename");
            assertThat(applied)
                    .hasSize(179)
                    .allMatch(name -> name.matches("\\d+_[a-z0-9_]+\\.rb"), "a lower-cased migration file name")
                    .doesNotContain("migration_helper.rb")
                    .startsWith("000001_create_pacticipant_table.rb")
                    .endsWith("20260217_add_wip_query_optimization_indexes.rb");
            // how the Ruby broker reports the database version: greatest file name, number before the first '_'
            String greatest = applied.get(applied.size() - 1);
            assertThat(Long.parseLong(greatest.substring(0, greatest.indexOf('_'))))
                    .isEqualTo(20260217L);

            assertThat(strings(c, "SELECT value::text FROM version_sequence_number"))
                    .containsExactly("100");
            assertThat(strings(c, "SELECT value::text FROM verification_sequence_number"))
                    .containsExactly("100");
            assertThat(strings(c, "SELECT name FROM config")).isEmpty();
        }
    }

    @Test
    void v1LeavesADatabaseThatBehavesAsTheRubyBrokerWritesIt() throws Exception {
        TestDatabase db = migratedToV1("schema_behaviour");
        try (Connection c = db.connect()) {
            // identity ids, and "order" set after the insert from the global sequence, as the Ruby model does
            String pacticipant = "INSERT INTO pacticipants (name, created_at, updated_at) VALUES (?, now(), now())";
            int consumer = id(c, pacticipant, "Foo");
            int provider = id(c, pacticipant, "Bar");
            assertThat(provider).isEqualTo(consumer + 1);
            int version = id(
                    c,
                    "INSERT INTO versions (number, pacticipant_id, created_at, updated_at)"
                            + " VALUES ('1.0.0', ?, now(), now())",
                    consumer);
            assertThat(strings(
                            c,
                            "UPDATE versions SET \"order\" = nextval('version_order_sequence') WHERE id = ?"
                                    + " RETURNING \"order\"::text",
                            version))
                    .containsExactly("200");
            assertThat(strings(c, "SELECT nextval('verification_number_sequence')::text"))
                    .containsExactly("200");

            int branch = id(
                    c,
                    "INSERT INTO branches (name, pacticipant_id, created_at, updated_at)"
                            + " VALUES ('main', ?, now(), now())",
                    consumer);
            int branchVersion = id(
                    c,
                    "INSERT INTO branch_versions (branch_id, version_id, version_order,"
                            + " pacticipant_id, branch_name, created_at, updated_at)"
                            + " VALUES (?, ?, 200, ?, 'main', now(), now())",
                    branch,
                    version,
                    consumer);
            update(
                    c,
                    "INSERT INTO branch_heads (branch_id, branch_version_id, version_id, pacticipant_id, branch_name)"
                            + " VALUES (?, ?, ?, ?, 'main')",
                    branch,
                    branchVersion,
                    version,
                    consumer);
            int pactVersion = id(
                    c,
                    "INSERT INTO pact_versions (consumer_id, provider_id, sha, content, created_at)"
                            + " VALUES (?, ?, 'abc', '{}', now())",
                    consumer,
                    provider);
            int publication = id(
                    c,
                    "INSERT INTO pact_publications (consumer_version_id, provider_id, revision_number,"
                            + " pact_version_id, created_at, consumer_id, consumer_version_order)"
                            + " VALUES (?, ?, 1, ?, now(), ?, 200)",
                    version,
                    provider,
                    pactVersion,
                    consumer);
            update(
                    c,
                    "INSERT INTO latest_pact_publication_ids_for_consumer_versions (consumer_id, consumer_version_id,"
                            + " provider_id, pact_publication_id, pact_version_id, created_at) VALUES (?, ?, ?, ?, ?, now())",
                    consumer,
                    version,
                    provider,
                    publication,
                    pactVersion);

            // core links do not cascade: the application has to delete the publication first
            assertThatThrownBy(() -> update(c, "DELETE FROM versions WHERE id = ?", version))
                    .isInstanceOfSatisfying(
                            SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("23503"))
                    .hasMessageContaining("pact_publications_consumer_version_id_fkey");

            // helper rows go with what they describe; branch membership and head go with the version
            update(c, "DELETE FROM pact_publications WHERE id = ?", publication);
            assertThat(count(c, "latest_pact_publication_ids_for_consumer_versions"))
                    .isZero();
            update(c, "DELETE FROM versions WHERE id = ?", version);
            assertThat(count(c, "branch_versions")).isZero();
            assertThat(count(c, "branch_heads")).isZero();
            assertThat(count(c, "branches")).isOne();

            // a webhook names either a consumer or a consumer label, never both
            assertThatThrownBy(() -> update(
                            c,
                            "INSERT INTO webhooks (uuid, method, url, consumer_id, consumer_label)"
                                    + " VALUES ('w1', 'POST', 'http://example.org', ?, 'team-a')",
                            consumer))
                    .isInstanceOfSatisfying(
                            SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("23514"))
                    .hasMessageContaining("consumer_label_exclusion");
        }
    }

    private static TestDatabase migratedToV1(String purpose) {
        TestDatabase db = TestPostgres.newDatabase(purpose);
        Flyway.configure()
                .dataSource(db.dataSource())
                .locations("classpath:db/migration")
                .target("1")
                .load()
                .migrate();
        return db;
    }

    private static List<String> strings(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement statement = prepare(c, sql, params);
                ResultSet rows = statement.executeQuery()) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }

    /** Runs an INSERT without an id and returns the id the database gave the row. */
    private static int id(Connection c, String insert, Object... params) throws SQLException {
        return Integer.parseInt(strings(c, insert + " RETURNING id", params).get(0));
    }

    private static void update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement statement = prepare(c, sql, params)) {
            statement.executeUpdate();
        }
    }

    private static long count(Connection c, String table) throws SQLException {
        return Long.parseLong(strings(c, "SELECT count(*) FROM " + table).get(0));
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... params) throws SQLException {
        PreparedStatement statement = c.prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            statement.setObject(i + 1, params[i]);
        }
        return statement;
    }
}
