package io.pactport.migration.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.pactport.core.config.DatabaseConfig;
import io.pactport.core.testing.LegacyDataset;
import io.pactport.core.testing.OlderPactBrokerDatabases;
import io.pactport.core.testing.PactBrokerDatabases;
import io.pactport.core.testing.RubyWrittenPacts;
import io.pactport.core.testing.TestDatabase;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * plan, migrate, verify and rollback on a Pact Broker database: the output and exit codes an operator acts on (a plan
 * that stops, a verify that fails, a rollback refused and forced). The commands run through picocli as
 * {@code MigrationMain} wires them, without starting Quarkus for each; MigrationIT runs them in the packaged app, and
 * broker-core's PactBrokerTakeoverTest tests what they find.
 */
class TakeoverCommandsTest {

    private static final DatabaseConfig CONFIG = new DatabaseConfig() {
        @Override
        public boolean autoMigrate() {
            return false;
        }

        @Override
        public Duration migrationLockWait() {
            return Duration.ofSeconds(5);
        }
    };

    private final TestDatabase db = PactBrokerDatabases.pactBroker2120("takeover_cli");
    private StringWriter out;
    private StringWriter err;

    @Test
    void planMigrateVerifyRollback() {
        LegacyDataset.Summary data = LegacyDataset.generate(db, 11, 50);
        PactBrokerDatabases.execute(db, "UPDATE versions SET \"order\" = NULL WHERE id IN (1, 2)");

        assertThat(run(new PlanCommand(db::dataSource))).isEqualTo(MigrateCommand.REFUSED);
        assertThat(out.toString())
                .contains(
                        "database: a Pact Broker database at schema 20260217",
                        "1. record row counts and checksums of the 30 Pact Broker tables",
                        "BLOCKER versions without order: 2 versions have no \"order\"",
                        "apply Pactport V3")
                .containsPattern("versions +" + data.versions() + "\\b");
        assertThat(err.toString()).contains("migrate would stop:", "versions without order");

        PactBrokerDatabases.execute(
                db,
                "UPDATE versions SET \"order\" = nextval('version_order_sequence')"
                        + " WHERE \"order\" IS NULL; UPDATE tags t SET version_order = v.\"order\" FROM versions v"
                        + " WHERE v.id = t.version_id; UPDATE branch_versions b SET version_order = v.\"order\""
                        + " FROM versions v WHERE v.id = b.version_id");
        assertThat(run(new PlanCommand(db::dataSource))).as(err.toString()).isZero();
        assertThat(out.toString()).contains("checks: no problems found", "estimated duration:");
        assertThat(run(new VerifyCommand(db::dataSource))).isEqualTo(MigrateCommand.REFUSED);
        assertThat(err.toString()).contains("nothing to verify");
        assertThat(run(new MigrateCommand(db::dataSource, CONFIG)))
                .as(err.toString())
                .isZero();
        assertThat(run(new VerifyCommand(db::dataSource))).as(err.toString()).isZero();
        assertThat(out.toString())
                .contains(
                        "ok    versions: " + data.versions() + " rows, unchanged",
                        "pacts: " + data.pactVersions() + " read, every one parses and matches its SHA",
                        "verified: nothing was lost");

        PactBrokerDatabases.execute(db, "DELETE FROM webhook_executions WHERE id = 1");
        assertThat(run(new VerifyCommand(db::dataSource))).isEqualTo(VerifyCommand.FAILED);
        assertThat(out.toString()).contains("FAIL  webhook_executions: 1 of");
        assertThat(err.toString()).contains("verification failed: 1 table(s) differ");
        assertThat(run(new StatusCommand(db::dataSource))).isZero();
        assertThat(out.toString())
                .contains(
                        "taken over: Pact Broker schema 20260217 (Pact Broker 2.119–2.120) on ",
                        "last verify: ",
                        "FAILED (1 finding(s))");

        PactBrokerDatabases.execute(
                db,
                "INSERT INTO pactport_outbox (topic, event_key, event_type, payload)"
                        + " VALUES ('t', 'k', 'pacticipant.created', '{}')");
        assertThat(run(new RollbackCommand(db::dataSource, CONFIG))).isEqualTo(MigrateCommand.REFUSED);
        assertThat(err.toString()).contains("1 event(s) in pactport_outbox not yet sent", "--force");
        assertThat(run(new RollbackCommand(db::dataSource, CONFIG), "--force"))
                .as(err.toString())
                .isZero();
        assertThat(out.toString())
                .contains(
                        "dropped table pactport_outbox",
                        "rolled back: the database is a Pact" + " Broker database at schema 20260217");
    }

    @Test
    void verifyOfPactsAsTheRubyBrokerStoredThemSaysNothingWasLostAndWarnsOfTheShasPactportDoesNotCompute() {
        TestDatabase ruby = PactBrokerDatabases.pactBroker2120("takeover_cli_ruby_pacts");
        RubyWrittenPacts.Summary stored = RubyWrittenPacts.insert(ruby);
        assertThat(run(new MigrateCommand(ruby::dataSource, CONFIG)))
                .as(err.toString())
                .isZero();

        assertThat(run(new VerifyCommand(ruby::dataSource))).as(err.toString()).isZero();

        assertThat(out.toString())
                .contains(
                        "pacts: " + stored.pacts() + " read, every one parses; " + stored.recordedUnderAnotherSha()
                                + " with a stored SHA Pactport does not compute",
                        "warning: " + stored.recordedUnderAnotherSha()
                                + " pact(s)' stored SHA differs from the SHA Pactport"
                                + " computes from their content. Nothing is lost",
                        "republishing one of them unchanged would store it as new content, and the verifications of the"
                                + " stored one would not carry over to it",
                        "  SHA   pact_versions ",
                        "verified: nothing was lost")
                .doesNotContain("FAIL");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void statusOfAPactBroker2108DatabaseListsThePactBrokerStepsItLacksThenPactportsMigrations() {
        TestDatabase older = OlderPactBrokerDatabases.pactBroker2108("takeover_status");
        LegacyDataset.generate(older, 5, 10);

        assertThat(run(new StatusCommand(older::dataSource))).as(err.toString()).isZero();

        String[] lines = out.toString().lines().toArray(String[]::new);
        assertThat(lines[0])
                .isEqualTo("database: a Pact Broker database at schema 20231003 (Pact Broker 2.108–2.113,"
                        + " 171 migrations applied)");
        assertThat(lines[1]).isEqualTo("pending (migrate would):");
        // the Ruby broker's migrations 2.114 to 2.120 shipped, by file name and in its order, before Pactport's own
        assertThat(lines)
                .containsSubsequence(
                        "  record row counts and checksums of the 30 Pact Broker tables (for verify)",
                        "  apply Pact Broker migration 20240112_add_client_language_verified_by_to_verification.rb",
                        "  apply Pact Broker migration 20251106_add_branch_versions_version_id_branch_name_index.rb",
                        "  apply Pact Broker migration 20251202_add_has_messages_column_to_pact_versions.rb",
                        "  apply Pact Broker migration 20251202_populate_has_messages_in_pact_versions.rb",
                        "  apply Pact Broker migration 20260119_add_index_on_consumer_id_provider_id_to_pact_versions.rb",
                        "  apply Pact Broker migration 20260123_drop_branch_versions_branch_name_index.rb",
                        "  apply Pact Broker migration 20260210_add_index_on_pact_version_id_to_latest_pact_publication.rb",
                        "  apply Pact Broker migration 20260217_add_wip_query_optimization_indexes.rb",
                        "  mark Pactport V1 (the Pact Broker 2.120 layout) as present",
                        "  apply Pactport V2 pactport outbox");
        assertThat(lines)
                .filteredOn(line -> line.startsWith("  apply Pact Broker migration"))
                .hasSize(8);

        assertThat(run(new MigrateCommand(older::dataSource, CONFIG)))
                .as(err.toString())
                .isZero();
        assertThat(run(new StatusCommand(older::dataSource))).isZero();
        assertThat(out.toString())
                .containsPattern("database: a Pactport database at V\\d+, up to date")
                .contains("pending: nothing, the database is up to date")
                .doesNotContain("apply");

        TestDatabase unknown = PactBrokerDatabases.pactBroker2120("takeover_status_newer");
        PactBrokerDatabases.execute(unknown, "INSERT INTO schema_migrations VALUES ('20270101_from_the_future.rb')");
        assertThat(run(new StatusCommand(unknown::dataSource))).isZero();
        assertThat(out.toString())
                .contains(
                        "pending: migrate would refuse this database:",
                        "a Pact Broker newer than 2.120",
                        "use a Pactport release that supports it");
    }

    private int run(Object command, String... args) {
        out = new StringWriter();
        err = new StringWriter();
        return new CommandLine(command)
                .setOut(new PrintWriter(out))
                .setErr(new PrintWriter(err))
                .execute(args);
    }
}
