package io.pactport.migration.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.pactport.core.config.DatabaseConfig;
import io.pactport.core.testing.LegacyDataset;
import io.pactport.core.testing.PactBrokerDatabases;
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
        assertThat(out.toString()).contains("database: a Pact Broker database at schema 20260217",
                "1. record row counts and checksums of the 30 Pact Broker tables",
                "BLOCKER versions without order: 2 versions have no \"order\"", "apply Pactport V3")
                .containsPattern("versions +" + data.versions() + "\\b");
        assertThat(err.toString()).contains("migrate would stop:", "versions without order");

        PactBrokerDatabases.execute(db, "UPDATE versions SET \"order\" = nextval('version_order_sequence')"
                + " WHERE \"order\" IS NULL; UPDATE tags t SET version_order = v.\"order\" FROM versions v"
                + " WHERE v.id = t.version_id; UPDATE branch_versions b SET version_order = v.\"order\""
                + " FROM versions v WHERE v.id = b.version_id");
        assertThat(run(new PlanCommand(db::dataSource))).as(err.toString()).isZero();
        assertThat(out.toString()).contains("checks: no problems found", "estimated duration:");
        assertThat(run(new VerifyCommand(db::dataSource))).isEqualTo(MigrateCommand.REFUSED);
        assertThat(err.toString()).contains("nothing to verify");
        assertThat(run(new MigrateCommand(db::dataSource, CONFIG))).as(err.toString()).isZero();
        assertThat(run(new VerifyCommand(db::dataSource))).as(err.toString()).isZero();
        assertThat(out.toString()).contains("ok    versions: " + data.versions() + " rows, unchanged",
                "pacts: " + data.pactVersions() + " read, every one parses and matches its SHA",
                "verified: nothing was lost");

        PactBrokerDatabases.execute(db, "DELETE FROM webhook_executions WHERE id = 1");
        assertThat(run(new VerifyCommand(db::dataSource))).isEqualTo(VerifyCommand.FAILED);
        assertThat(out.toString()).contains("FAIL  webhook_executions: 1 of");
        assertThat(err.toString()).contains("verification failed: 1 table(s) differ");

        PactBrokerDatabases.execute(db, "INSERT INTO pactport_outbox (topic, event_key, event_type, payload)"
                + " VALUES ('t', 'k', 'pacticipant.created', '{}')");
        assertThat(run(new RollbackCommand(db::dataSource, CONFIG))).isEqualTo(MigrateCommand.REFUSED);
        assertThat(err.toString()).contains("1 event(s) in pactport_outbox not yet sent", "--force");
        assertThat(run(new RollbackCommand(db::dataSource, CONFIG), "--force")).as(err.toString()).isZero();
        assertThat(out.toString()).contains("dropped table pactport_outbox", "rolled back: the database is a Pact"
                + " Broker database at schema 20260217");
    }

    private int run(Object command, String... args) {
        out = new StringWriter();
        err = new StringWriter();
        return new CommandLine(command).setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
    }
}
