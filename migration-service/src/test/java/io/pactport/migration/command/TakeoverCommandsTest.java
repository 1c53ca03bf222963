package io.pactport.migration.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.pactport.core.testing.LegacyDataset;
import io.pactport.core.testing.PactBrokerDatabases;
import io.pactport.core.testing.PostgresResource;
import io.pactport.core.testing.TestDatabase;
import io.pactport.core.testing.TestPostgres;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * plan, migrate, verify and rollback on a Pact Broker database, as an operator runs them: their output and exit codes.
 * What they find is tested in broker-core (PactBrokerTakeoverTest); every launch here starts the app, so only the
 * outcomes an operator acts on are launched: a plan that stops, a verify that fails, a rollback refused and forced.
 */
@QuarkusMainTest
@WithTestResource(value = PostgresResource.class,
        initArgs = @ResourceArg(name = "database", value = TakeoverCommandsTest.DB))
class TakeoverCommandsTest {

    static final String DB = "migration_takeover_cli";

    @Test
    void planMigrateVerifyRollback(QuarkusMainLauncher launcher) throws IOException {
        TestDatabase db = TestPostgres.database(DB);
        PactBrokerDatabases.execute(db, v1());
        LegacyDataset.Summary data = LegacyDataset.generate(db, 11, 50);
        PactBrokerDatabases.execute(db, "UPDATE versions SET \"order\" = NULL WHERE id IN (1, 2)");

        LaunchResult blocked = launcher.launch("plan");
        assertThat(blocked.exitCode()).isEqualTo(MigrateCommand.REFUSED);
        assertThat(blocked.getOutput()).contains("database: a Pact Broker database at schema 20260217",
                "1. record row counts and checksums of the 30 Pact Broker tables",
                "BLOCKER versions without order: 2 versions have no \"order\"", "apply Pactport V3");
        assertThat(blocked.getOutput()).containsPattern("versions +" + data.versions() + "\\b");
        assertThat(blocked.getErrorOutput()).contains("migrate would stop:", "versions without order");

        PactBrokerDatabases.execute(db, "UPDATE versions SET \"order\" = nextval('version_order_sequence')"
                + " WHERE \"order\" IS NULL; UPDATE tags t SET version_order = v.\"order\" FROM versions v"
                + " WHERE v.id = t.version_id; UPDATE branch_versions b SET version_order = v.\"order\""
                + " FROM versions v WHERE v.id = b.version_id");
        LaunchResult migrated = launcher.launch("migrate");
        assertThat(migrated.exitCode()).as(migrated.getErrorOutput()).isZero();

        PactBrokerDatabases.execute(db, "DELETE FROM webhook_executions WHERE id = 1");
        LaunchResult failed = launcher.launch("verify");
        assertThat(failed.exitCode()).isEqualTo(VerifyCommand.FAILED);
        assertThat(failed.getOutput()).contains("ok    versions: " + data.versions() + " rows, unchanged",
                "FAIL  webhook_executions: 1 of", "pacts: " + data.pactVersions() + " read, every one parses");
        assertThat(failed.getErrorOutput()).contains("verification failed: 1 table(s) differ");

        PactBrokerDatabases.execute(db, "INSERT INTO pactport_outbox (topic, event_key, event_type, payload)"
                + " VALUES ('t', 'k', 'pacticipant.created', '{}')");
        LaunchResult refused = launcher.launch("rollback");
        assertThat(refused.exitCode()).isEqualTo(MigrateCommand.REFUSED);
        assertThat(refused.getErrorOutput()).contains("1 event(s) in pactport_outbox not yet sent", "--force");
        LaunchResult forced = launcher.launch("rollback", "--force");
        assertThat(forced.exitCode()).as(forced.getErrorOutput()).isZero();
        assertThat(forced.getOutput()).contains("dropped table pactport_outbox", "rolled back: the database is a Pact"
                + " Broker database at schema 20260217");
    }

    private static String v1() throws IOException {
        try (InputStream in = TakeoverCommandsTest.class.getClassLoader()
                .getResourceAsStream("db/migration/V1__pact_broker_2_120_schema.sql")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
