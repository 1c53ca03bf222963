package io.pactport.migration.takeover;

import static org.assertj.core.api.Assertions.assertThat;

import io.pactport.core.schema.Catalogue;
import io.pactport.core.schema.DatabaseState;
import io.pactport.core.schema.Migrator;
import io.pactport.core.schema.PactBrokerUpgrade;
import io.pactport.core.schema.SchemaRefusedException;
import io.pactport.core.schema.Verification;
import io.pactport.core.testing.LegacyDataset;
import io.pactport.core.testing.OlderPactBrokerDatabases;
import io.pactport.core.testing.PactBrokerDatabases;
import io.pactport.core.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/**
 * A migration cut off at random points (its database connections terminated by the server, as when the process or
 * the network dies) leaves a database that the next {@code migrate} finishes, with every row kept and provably so.
 * The real process kill (SIGKILL of the packaged migration-service) is in system-tests' MigrationIT.
 */
class MigrationInterruptionTest {

    private static final int TIMED_KILLS = 2;
    private static final int GATED_KILLS = 3;

    /**
     * Kills at random moments (these mostly land in Pactport's own tables or the row baseline), then kills in the
     * middle of randomly chosen Pact Broker steps: a gate (a SHARE lock on schema_migrations) holds each step just
     * before it records itself, lets a random number of steps through, and the migration is cut off while the next
     * one has done its DDL but not committed. That step must leave no trace, and the next run must apply it.
     */
    @Test
    void aMigrationKilledAtRandomPointsIsFinishedByTheNextRun() throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        TestDatabase db = OlderPactBrokerDatabases.pactBroker2108("interrupted");
        LegacyDataset.generate(db, 42, 120);
        Catalogue reference = Catalogue.read(PactBrokerDatabases.pactBroker2120("interrupted_ref"));

        List<String> statesAfterKills = new ArrayList<>();
        for (int attempt = 0; attempt < TIMED_KILLS; attempt++) {
            CompletableFuture<DatabaseState> migration = startMigration(db);
            Thread.sleep(random.nextInt(1500));
            terminateConnections(db, -1);
            awaitCutOff(migration, seed);
            awaitExited(db, -1, seed);
            statesAfterKills.add(new Migrator(db.dataSource()).inspect().describe());
        }
        for (int attempt = 0; attempt < GATED_KILLS; attempt++) {
            long applied = PactBrokerDatabases.count(db, "SELECT count(*) FROM schema_migrations");
            int remaining = (int) (179 - applied);
            if (remaining == 0) {
                break;
            }
            int letThrough = random.nextInt(remaining);
            long recorded;
            try (Connection gate = db.connect()) {
                gate.setAutoCommit(false);
                closeGate(gate);
                CompletableFuture<DatabaseState> migration = startMigration(db);
                for (int step = 0; step < letThrough; step++) {
                    awaitBlocked(db, seed);
                    gate.commit(); // the waiting step records itself and commits ...
                    closeGate(gate); // ... and this waits for that commit, then holds the next step
                }
                awaitBlocked(db, seed);
                // what got through: a fast step can slip past between the gate's commit and its closing again, so
                // the count is read while the gate holds the next step back, not worked out from letThrough
                recorded = PactBrokerDatabases.count(db, "SELECT count(*) FROM schema_migrations");
                terminateConnections(db, pid(gate));
                awaitCutOff(migration, seed);
                awaitExited(db, pid(gate), seed);
                gate.rollback();
            }
            assertThat(PactBrokerDatabases.count(db, "SELECT count(*) FROM schema_migrations"))
                    .as("seed %d: the step cut off is not recorded", seed)
                    .isEqualTo(recorded);
            String killed = PactBrokerUpgrade.STEPS.get(
                    PactBrokerUpgrade.STEPS.size() - remaining + (int) (recorded - applied));
            assertThat(new Migrator(db.dataSource()).inspect())
                    .as("seed %d", seed)
                    .isInstanceOfSatisfying(
                            DatabaseState.Pactport.class,
                            state -> assertThat(state.pending()).contains("Pact Broker " + killed));
            statesAfterKills.add("killed in " + killed);
        }
        assertThat(PactBrokerDatabases.count(
                                db,
                                "SELECT count(*) FROM information_schema.columns"
                                        + " WHERE table_name = 'pact_versions' AND column_name = 'has_messages'")
                        + PactBrokerDatabases.count(
                                db, "SELECT count(*) FROM schema_migrations" + " WHERE filename LIKE '20251202_add%'"))
                .as("a step's DDL and its record come and go together")
                .isIn(0L, 2L);

        DatabaseState finished = new Migrator(db.dataSource()).migrate();

        assertThat(finished)
                .as("seed %d, after the kills: %s", seed, statesAfterKills)
                .isInstanceOfSatisfying(
                        DatabaseState.Pactport.class,
                        state -> assertThat(state.pending()).isEmpty());
        Verification.Report verified = new Verification(db.dataSource()).run();
        assertThat(verified.ok()).as("seed %d: %s", seed, verified).isTrue();
        new Rollback(db.dataSource(), Duration.ofSeconds(5)).run(false);
        Catalogue.assertSameSchema(Catalogue.read(db), reference);
    }

    private static CompletableFuture<DatabaseState> startMigration(TestDatabase db) {
        return CompletableFuture.supplyAsync(() -> new Migrator(db.dataSource()).migrate());
    }

    private static void awaitCutOff(CompletableFuture<DatabaseState> migration, long seed) throws Exception {
        try {
            migration.get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            assertThat(e.getCause())
                    .isInstanceOf(SchemaRefusedException.class)
                    .hasMessageContaining("run migrate again");
        } catch (TimeoutException e) {
            throw new AssertionError("a migration cut off did not end (seed " + seed + ")", e);
        }
    }

    private static void closeGate(Connection gate) throws SQLException {
        try (Statement s = gate.createStatement()) {
            s.execute("LOCK TABLE schema_migrations IN SHARE MODE");
        }
    }

    /**
     * Waits until the migration waits for the gate: for its insert into schema_migrations, not any lock (a killed
     * backend that has not exited yet still holds the migration's advisory lock, and the next run waits for that).
     */
    private static void awaitBlocked(TestDatabase db, long seed) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (PactBrokerDatabases.count(
                            db,
                            "SELECT count(*) FROM pg_locks l"
                                    + " JOIN pg_database d ON d.oid = l.database AND d.datname = current_database()"
                                    + " WHERE NOT l.granted AND l.mode = 'RowExclusiveLock'"
                                    + " AND l.relation = 'schema_migrations'::regclass")
                    > 0) {
                return;
            }
            Thread.sleep(5);
        }
        throw new AssertionError("the migration never reached the gate (seed " + seed + ")");
    }

    /**
     * Waits until the terminated backends have exited. The migration may fail on one of its connections while another
     * is still exiting, and that one may yet commit the step it was in (or, once the gate opens, the step it waited
     * for): the count of recorded steps is only stable after.
     */
    private static void awaitExited(TestDatabase db, int spare, long seed) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (PactBrokerDatabases.count(
                        db,
                        "SELECT count(*) FROM pg_stat_activity"
                                + " WHERE datname = current_database() AND pid <> pg_backend_pid() AND pid <> " + spare)
                > 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("a terminated backend did not exit (seed " + seed + ")");
            }
            Thread.sleep(5);
        }
    }

    private static int pid(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** Terminates every connection to {@code db} but this one and {@code spare}'s. */
    private static void terminateConnections(TestDatabase db, int spare) throws SQLException {
        try (Connection c = db.connect();
                PreparedStatement s = c.prepareStatement(
                        "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = ?"
                                + " AND pid <> pg_backend_pid() AND pid <> ?")) {
            s.setString(1, db.name());
            s.setInt(2, spare);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
            }
        }
    }
}
