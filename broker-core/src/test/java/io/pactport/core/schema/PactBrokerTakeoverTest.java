package io.pactport.core.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pactport.core.testing.LegacyDataset;
import io.pactport.core.testing.OlderPactBrokerDatabases;
import io.pactport.core.testing.PactBrokerDatabases;
import io.pactport.core.testing.RubyWrittenPacts;
import io.pactport.core.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A Pact Broker database full of realistic data taken over in place: plan, migrate, verify, roll back, for the 2.120
 * layout and for 2.108's, which the migration first brings to 2.120 with the Pact Broker's own missing migrations.
 */
class PactBrokerTakeoverTest {

    static final int VERSIONS_PER_PACTICIPANT = 400;

    @Test
    void aPactBroker2120DatabaseIsPlannedMigratedVerifiedAndRolledBackToTheSameSchema() throws SQLException {
        TestDatabase db = PactBrokerDatabases.pactBroker2120("takeover_2120");
        LegacyDataset.Summary data = LegacyDataset.generate(db, 2120, VERSIONS_PER_PACTICIPANT);
        assertThat(data.versions()).isGreaterThan(2000);
        Catalogue original = catalogue(db);

        PreFlight.Report plan = new PreFlight(db.dataSource()).run();
        assertThat(plan.blocked()).as(plan.findings().toString()).isFalse();
        assertThat(plan.findings()).isEmpty();
        assertThat(plan.rowCounts()).containsEntry("versions", (long) data.versions())
                .containsEntry("pact_versions", (long) data.pactVersions()).hasSize(30);
        assertThat(plan.actions()).first().asString().startsWith("record row counts and checksums of the 30");
        assertThat(plan.actions()).noneMatch(action -> action.contains("Pact Broker migration"));

        assertThat(new Migrator(db.dataSource()).migrate()).isInstanceOfSatisfying(DatabaseState.Pactport.class,
                state -> assertThat(state.pending()).isEmpty());
        Verification.Report verified = new Verification(db.dataSource()).run();
        assertThat(verified.ok()).as(verified.toString()).isTrue();
        assertThat(verified.tables()).hasSize(30);
        assertThat(verified.pactsRead()).isEqualTo(data.pactVersions());

        // Pactport serves and writes: new rows in the Pact Broker's tables, an event it has sent
        PactBrokerDatabases.execute(db, """
                INSERT INTO pacticipants (name, created_at, updated_at) VALUES ('Written By Pactport', now(), now());
                INSERT INTO versions (number, pacticipant_id, "order", created_at, updated_at)
                  SELECT '9.9.9', id, nextval('version_order_sequence'), now(), now() FROM pacticipants
                   WHERE name = 'Written By Pactport';
                INSERT INTO pactport_outbox (topic, event_key, event_type, payload)
                  VALUES ('pactport.pacticipants', 'Written By Pactport', 'pacticipant.created', '{}');
                """);
        assertThat(new Verification(db.dataSource()).run().ok()).as("rows added since do not count").isTrue();

        Rollback rollback = new Rollback(db.dataSource(), Duration.ofSeconds(5));
        assertThatThrownBy(() -> rollback.run(false)).isInstanceOf(SchemaRefusedException.class)
                .hasMessageContaining("1 event(s) in pactport_outbox not yet sent to Kafka")
                .hasMessageContaining("Nothing was changed");
        assertThat(RowBaseline.tableExists(db.connect(), "pactport_outbox")).isTrue();
        PactBrokerDatabases.execute(db, "UPDATE pactport_outbox SET sent_at = now()");

        Rollback.Result result = rollback.run(false);

        assertThat(result.dropped()).contains("table pactport_outbox", "table pactport_schema_history",
                "table pactport_migration_baseline");
        assertThat(result.note()).contains("schema 20260217", "run the Pact Broker 2.120.0");
        assertSameSchema(catalogue(db), original);
        assertThat(count(db, "SELECT count(*) FROM versions WHERE number = '9.9.9'")).isEqualTo(1);
        assertThat(new Migrator(db.dataSource()).inspect()).isEqualTo(new DatabaseState.PactBroker(20260217L, 179));
    }

    @Test
    void aPactBroker2108DatabaseGetsThePactBrokerMigrationsItLacksAndTheRubyBrokersRows() throws SQLException {
        TestDatabase db = OlderPactBrokerDatabases.pactBroker2108("takeover_2108");
        LegacyDataset.Summary data = LegacyDataset.generate(db, 2108, 200);
        Catalogue reference = catalogue(PactBrokerDatabases.pactBroker2120("takeover_2108_reference"));
        assertThat(new Migrator(db.dataSource()).inspect()).isEqualTo(new DatabaseState.PactBroker(20231003L, 171));

        PreFlight.Report plan = new PreFlight(db.dataSource()).run();
        assertThat(plan.blocked()).isFalse();
        assertThat(plan.actions()).filteredOn(action -> action.startsWith("apply Pact Broker migration"))
                .hasSize(PactBrokerUpgrade.STEPS.size());

        new Migrator(db.dataSource()).migrate();

        assertThat(count(db, "SELECT count(*) FROM schema_migrations")).isEqualTo(179);
        assertThat(count(db, "SELECT count(*) FROM pact_versions WHERE has_messages")).isEqualTo(data.messagePacts())
                .isPositive();
        Verification.Report verified = new Verification(db.dataSource()).run();
        assertThat(verified.ok()).as(verified.toString()).isTrue();
        new Rollback(db.dataSource(), Duration.ofSeconds(5)).run(false);
        assertSameSchema(catalogue(db), reference);
    }

    @Test
    void verifyNamesTheTablesThatLostOrChangedRowsAndThePactsThatNoLongerRead() throws SQLException {
        TestDatabase db = PactBrokerDatabases.pactBroker2120("takeover_tampered");
        LegacyDataset.generate(db, 7, 60);
        new Migrator(db.dataSource()).migrate();
        PactBrokerDatabases.execute(db, """
                DELETE FROM webhook_executions WHERE id = (SELECT min(id) FROM webhook_executions);
                UPDATE pact_versions SET content = replace(content, '"GET"', '"PUT"')
                 WHERE id = (SELECT min(id) FROM pact_versions);
                UPDATE tags SET name = 'renamed'
                 WHERE (version_id, name) = (SELECT version_id, name FROM tags ORDER BY 1, 2 LIMIT 1);
                """);

        Verification.Report report = new Verification(db.dataSource()).run();

        assertThat(report.ok()).isFalse();
        assertThat(report.tables()).filteredOn(check -> !check.ok()).extracting(RowBaseline.TableCheck::describe)
                .containsExactlyInAnyOrder(
                        "pact_versions: " + count(db, "SELECT count(*) FROM pact_versions")
                                + " rows, but their content changed",
                        "tags: " + count(db, "SELECT count(*) FROM tags") + " rows, but their content changed"
                                + " (compared whole); rows changed since the migration count here",
                        "webhook_executions: 1 of " + (count(db, "SELECT count(*) FROM webhook_executions") + 1)
                                + " rows missing");
        assertThat(report.pactFailureCount()).as("the content still parses").isZero();
        assertThat(report.shaDifferenceCount()).isEqualTo(1);
        assertThat(report.shaDifferences()).singleElement().asString().contains("its content hashes to");
    }

    @Test
    void pactsAsTheRubyBrokerStoredThemVerifyGreenAndMergedOnesAreCountedAsShasPactportDoesNotCompute() {
        TestDatabase db = PactBrokerDatabases.pactBroker2120("takeover_ruby_pacts");
        RubyWrittenPacts.Summary stored = RubyWrittenPacts.insert(db);
        new Migrator(db.dataSource()).migrate();

        Verification.Report report = new Verification(db.dataSource()).run();

        assertThat(report.ok()).as(report.toString()).isTrue();
        assertThat(report.tables()).allMatch(RowBaseline.TableCheck::ok);
        assertThat(report.pactsRead()).isEqualTo(stored.pacts());
        assertThat(report.pactFailureCount()).isZero();
        assertThat(stored.recordedUnderAnotherSha()).isGreaterThanOrEqualTo(4);
        assertThat(report.shaDifferenceCount()).as(report.shaDifferences().toString())
                .isEqualTo(stored.recordedUnderAnotherSha());
        assertThat(report.shaDifferences()).allMatch(line -> line.contains("Ruby Broker merge "));
    }

    @Test
    void theBaselineIsRecordedOnceSoAReRunAfterAKillKeepsTheFiguresOfTheUntouchedDatabase() throws SQLException {
        TestDatabase db = OlderPactBrokerDatabases.pactBroker2108("takeover_rerun");
        LegacyDataset.generate(db, 3, 30);
        new Migrator(db.dataSource()).migrate();
        String recorded = strings(db, "SELECT table_name || ':' || row_count || ':' || checksum || ':'"
                + " || array_length(columns, 1) FROM pactport_migration_baseline ORDER BY 1");

        // as after a kill between the Pact Broker steps: the database is Pactport's, a step is missing again
        PactBrokerDatabases.execute(db, "DELETE FROM schema_migrations WHERE filename = '"
                + PactBrokerUpgrade.STEPS.get(PactBrokerUpgrade.STEPS.size() - 1) + "';"
                + " DROP INDEX idx_pp_provider_created; DROP INDEX idx_verifications_provider_lookup;");
        assertThat(new Migrator(db.dataSource()).inspect()).isInstanceOfSatisfying(DatabaseState.Pactport.class,
                state -> assertThat(state.pending()).containsExactly("Pact Broker "
                        + PactBrokerUpgrade.STEPS.get(PactBrokerUpgrade.STEPS.size() - 1)));
        assertThatThrownBy(() -> new Migrator(db.dataSource()).ensureCurrent(false))
                .isInstanceOf(SchemaRefusedException.class)
                .hasMessageContaining("pending: [Pact Broker 20260217_add_wip_query_optimization_indexes.rb]")
                .hasMessageContaining("`./pactport migrate`");

        new Migrator(db.dataSource()).migrate();

        assertThat(strings(db, "SELECT table_name || ':' || row_count || ':' || checksum || ':'"
                + " || array_length(columns, 1) FROM pactport_migration_baseline ORDER BY 1")).isEqualTo(recorded);
        assertThat(count(db, "SELECT count(*) FROM pg_indexes WHERE indexname = 'idx_pp_provider_created'"))
                .isEqualTo(1);
        assertThat(new Verification(db.dataSource()).run().ok()).isTrue();
    }

    static Catalogue catalogue(TestDatabase db) throws SQLException {
        try (Connection c = db.connect()) {
            return Catalogue.read(c);
        }
    }

    static void assertSameSchema(Catalogue actual, Catalogue expected) {
        List<String> differences = actual.differencesFrom(expected);
        assertThat(differences).withFailMessage("the schema differs ('-' expected only, '+' actual only):%n%s",
                String.join("\n", differences)).isEmpty();
    }

    static long count(TestDatabase db, String sql) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String strings(TestDatabase db, String sql) throws SQLException {
        StringBuilder out = new StringBuilder();
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.append(rs.getString(1)).append('\n');
            }
        }
        return out.toString();
    }
}
