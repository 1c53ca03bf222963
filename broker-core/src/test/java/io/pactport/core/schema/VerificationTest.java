package io.pactport.core.schema;

import static io.pactport.core.testing.PactBrokerDatabases.count;
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
import org.junit.jupiter.api.Test;

/**
 * {@code verify} after a takeover: what it finds in a migrated Pact Broker database that was tampered with, in pacts
 * as the Ruby broker stored them, and in a baseline recorded once across a migration killed and run again. The whole
 * round trip (plan, migrate, verify, roll back) is migration-service's PactBrokerTakeoverTest.
 */
class VerificationTest {

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
        assertThat(report.tables())
                .filteredOn(check -> !check.ok())
                .extracting(RowBaseline.TableCheck::describe)
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
        assertThat(report.shaDifferenceCount())
                .as(report.shaDifferences().toString())
                .isEqualTo(stored.recordedUnderAnotherSha());
        assertThat(report.shaDifferences()).allMatch(line -> line.contains("Ruby Broker merge "));
    }

    @Test
    void theBaselineIsRecordedOnceSoAReRunAfterAKillKeepsTheFiguresOfTheUntouchedDatabase() throws SQLException {
        TestDatabase db = OlderPactBrokerDatabases.pactBroker2108("takeover_rerun");
        LegacyDataset.generate(db, 3, 30);
        new Migrator(db.dataSource()).migrate();
        String recorded = strings(
                db,
                "SELECT table_name || ':' || row_count || ':' || checksum || ':'"
                        + " || array_length(columns, 1) FROM pactport_migration_baseline ORDER BY 1");

        // as after a kill between the Pact Broker steps: the database is Pactport's, a step is missing again
        PactBrokerDatabases.execute(
                db,
                "DELETE FROM schema_migrations WHERE filename = '"
                        + PactBrokerUpgrade.STEPS.get(PactBrokerUpgrade.STEPS.size() - 1) + "';"
                        + " DROP INDEX idx_pp_provider_created; DROP INDEX idx_verifications_provider_lookup;");
        assertThat(new Migrator(db.dataSource()).inspect())
                .isInstanceOfSatisfying(
                        DatabaseState.Pactport.class,
                        state -> assertThat(state.pending())
                                .containsExactly("Pact Broker "
                                        + PactBrokerUpgrade.STEPS.get(PactBrokerUpgrade.STEPS.size() - 1)));
        assertThatThrownBy(() -> new Migrator(db.dataSource()).ensureCurrent(false))
                .isInstanceOf(SchemaRefusedException.class)
                .hasMessageContaining("pending: [Pact Broker 20260217_add_wip_query_optimization_indexes.rb]")
                .hasMessageContaining("`./pactport migrate`");

        new Migrator(db.dataSource()).migrate();

        assertThat(strings(
                        db,
                        "SELECT table_name || ':' || row_count || ':' || checksum || ':'"
                                + " || array_length(columns, 1) FROM pactport_migration_baseline ORDER BY 1"))
                .isEqualTo(recorded);
        assertThat(count(db, "SELECT count(*) FROM pg_indexes WHERE indexname = 'idx_pp_provider_created'"))
                .isEqualTo(1);
        assertThat(new Verification(db.dataSource()).run().ok()).isTrue();
    }

    private static String strings(TestDatabase db, String sql) throws SQLException {
        StringBuilder out = new StringBuilder();
        try (Connection c = db.connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.append(rs.getString(1)).append('\n');
            }
        }
        return out.toString();
    }
}
