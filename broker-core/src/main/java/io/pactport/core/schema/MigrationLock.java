package io.pactport.core.schema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * The Pact Broker's migration advisory lock, {@code crc32("migrate") % 2^31}, which every Ruby broker takes at start-up
 * while it migrates. Holding it means no Ruby broker and no other Pactport changes the schema meanwhile. It belongs to
 * the session: a killed process or a terminated connection releases it. Public for migration-service's rollback
 * ({@code io.pactport.migration.takeover}), which takes it too.
 */
public final class MigrationLock {

    static final long KEY = 223143857L;

    private static final Logger LOG = Logger.getLogger(MigrationLock.class);
    private static final Duration POLL = Duration.ofSeconds(1);

    private MigrationLock() {}

    /** Waits up to {@code wait} for the lock on {@code c}'s session; {@code doing} says what for, in the refusal. */
    public static void acquire(Connection c, Duration wait) throws SQLException {
        long deadline = System.nanoTime() + wait.toNanos();
        boolean told = false;
        while (!tryLock(c)) {
            if (!told) {
                LOG.infof(
                        "waiting for the migration lock (pg_advisory_lock %d): a Pact Broker or another Pactport is"
                                + " migrating this database",
                        KEY);
                told = true;
            }
            if (System.nanoTime() > deadline) {
                throw new SchemaRefusedException("gave up after " + wait.toSeconds() + " s waiting for the"
                        + " migration lock (pg_advisory_lock " + KEY + "); a Pact Broker or"
                        + " another Pactport is still migrating this database. Nothing was changed.");
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SchemaRefusedException("interrupted while waiting for the migration lock", e);
            }
        }
    }

    static boolean tryLock(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            s.setLong(1, KEY);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    /** Releases the lock held on {@code c}'s session. */
    public static void release(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            s.setLong(1, KEY);
            s.execute();
        }
    }
}
