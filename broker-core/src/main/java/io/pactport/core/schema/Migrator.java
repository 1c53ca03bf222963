package io.pactport.core.schema;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.MigrateResult;
import org.jboss.logging.Logger;

/**
 * Brings a database to Pactport's schema, whatever it starts as: an empty database gets the Pact Broker 2.120 layout (V1)
 * and Pactport's tables; an untouched Pact Broker 2.120 database is baselined at V1 and only Pactport's tables are
 * added, so every existing row stays where the Ruby broker put it; anything else is refused with what to do about it.
 * Runs under the Pact Broker's own migration advisory lock, so a Ruby broker and Pactport never migrate at once.
 */
public class Migrator {

    /** The Pact Broker's migration lock: {@code crc32("migrate") % 2^31}, taken by every Ruby broker at start-up. */
    public static final long PACT_BROKER_MIGRATION_LOCK = 223143857L;
    /** Flyway's history table; prefixed like every Pactport table so that a rollback finds it. */
    public static final String HISTORY_TABLE = "pactport_schema_history";

    private static final Logger LOG = Logger.getLogger(Migrator.class);
    private static final Set<String> PACT_BROKER_CORE_TABLES = Set.of("pacticipants", "versions", "pact_publications",
            "pact_versions");
    private static final Duration LOCK_POLL = Duration.ofSeconds(1);

    private final DataSource dataSource;
    private final Duration lockWait;

    public Migrator(DataSource dataSource) {
        this(dataSource, Duration.ofMinutes(5));
    }

    /** @param lockWait how long to wait for a running Pact Broker (or another Pactport) to finish migrating */
    public Migrator(DataSource dataSource, Duration lockWait) {
        this.dataSource = dataSource;
        this.lockWait = lockWait;
    }

    /** What the database is now; changes nothing. */
    public DatabaseState inspect() {
        try (Connection c = dataSource.getConnection()) {
            return inspect(c);
        } catch (SQLException e) {
            throw new SchemaRefusedException("cannot read the database: " + e.getMessage(), e);
        }
    }

    private DatabaseState inspect(Connection c) throws SQLException {
        requirePostgres(c);
        List<String> tables = tables(c);
        if (tables.contains(HISTORY_TABLE)) {
            return pactportState();
        }
        if (tables.contains("schema_migrations") && tables.containsAll(PACT_BROKER_CORE_TABLES)) {
            return pactBrokerState(c);
        }
        return tables.isEmpty() ? new DatabaseState.Empty() : new DatabaseState.Unrecognised(tables);
    }

    /** Whether someone (a starting Ruby broker, another Pactport) holds the migration lock right now. */
    public boolean migrationLockHeld() {
        try (Connection c = dataSource.getConnection()) {
            if (tryLock(c)) {
                unlock(c);
                return false;
            }
            return true;
        } catch (SQLException e) {
            throw new SchemaRefusedException("cannot read the database: " + e.getMessage(), e);
        }
    }

    /**
     * Applies what is pending, under the migration lock; idempotent.
     *
     * @return the state after migrating
     * @throws SchemaRefusedException when the database is not one Pactport may migrate
     */
    public DatabaseState migrate() {
        // the lock's connection also does the inspecting: with Flyway's own two, a pool of three is enough
        try (Connection lock = dataSource.getConnection()) {
            requirePostgres(lock);
            acquire(lock);
            try {
                DatabaseState before = inspect(lock);
                LOG.infof("migrating %s", before.describe());
                if (before instanceof DatabaseState.Unrecognised) {
                    throw new SchemaRefusedException("refusing to migrate " + before.describe() + ". Point"
                            + " PACTFLOW_DATABASE_URL at an empty PostgreSQL database or at your Pact Broker's database.");
                }
                Flyway flyway = before instanceof DatabaseState.PactBroker broker ? flywayBaselinedOn(broker)
                        : flyway(false);
                MigrateResult result = flyway.migrate();
                DatabaseState after = inspect(lock);
                LOG.infof("applied %d migration(s); the database is now %s", result.migrationsExecuted,
                        after.describe());
                return after;
            } finally {
                unlock(lock);
            }
        } catch (SQLException e) {
            throw new SchemaRefusedException("migration failed: " + e.getMessage(), e);
        }
    }

    /**
     * For a service starting up: migrates when told to, else insists the schema is current.
     *
     * @throws SchemaRefusedException when the schema is not current and {@code autoMigrate} is off
     */
    public DatabaseState ensureCurrent(boolean autoMigrate) {
        if (autoMigrate) {
            return migrate();
        }
        DatabaseState state = inspect();
        if (state instanceof DatabaseState.Pactport pactport && pactport.pending().isEmpty()) {
            return state;
        }
        throw new SchemaRefusedException("the database is " + state.describe() + ", not a current Pactport database."
                + " Run the migration first (`./pactport migrate`, or the migration-service `migrate` command),"
                + " or start with PACTFLOW_DATABASE_AUTO_MIGRATE=true.");
    }

    private Flyway flywayBaselinedOn(DatabaseState.PactBroker broker) {
        long version = broker.schemaVersion();
        if (version == PactBrokerReleases.SUPPORTED_SCHEMA) {
            return flyway(true);
        }
        String upgrade = version < PactBrokerReleases.SUPPORTED_SCHEMA
                ? " Upgrade the Pact Broker to " + PactBrokerReleases.SUPPORTED_RELEASE + " and start it once so it"
                        + " migrates its database, then run this again."
                : " Pactport knows Pact Broker schemas up to " + PactBrokerReleases.SUPPORTED_SCHEMA + " ("
                        + PactBrokerReleases.SUPPORTED_RELEASE + "); use a Pactport release that supports it.";
        throw new SchemaRefusedException("refusing to migrate " + broker.describe() + ": Pactport takes over Pact Broker"
                + " databases at schema " + PactBrokerReleases.SUPPORTED_SCHEMA + " (Pact Broker "
                + PactBrokerReleases.SUPPORTED_RELEASE + ")." + upgrade);
    }

    /** Flyway as Pactport uses it; {@code baselineExisting} marks V1 as already there (a Pact Broker database). */
    Flyway flyway(boolean baselineExisting) {
        return Flyway.configure(Migrator.class.getClassLoader())
                .dataSource(dataSource)
                .table(HISTORY_TABLE)
                .resourceProvider(new MigrationScripts())
                .javaMigrationClassProvider(List::of)
                .placeholderReplacement(false)
                .cleanDisabled(true)
                .baselineOnMigrate(baselineExisting)
                .baselineVersion("1")
                .baselineDescription("existing Pact Broker " + PactBrokerReleases.SUPPORTED_RELEASE + " schema")
                .load();
    }

    private DatabaseState pactportState() {
        Flyway flyway = flyway(false);
        MigrationInfo current = flyway.info().current();
        List<String> pending = Arrays.stream(flyway.info().pending())
                .map(info -> "V" + info.getVersion() + " " + info.getDescription())
                .toList();
        return new DatabaseState.Pactport(current == null ? "0" : current.getVersion().getVersion(), pending);
    }

    private static DatabaseState pactBrokerState(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*), max(filename) FROM schema_migrations")) {
            rs.next();
            int count = rs.getInt(1);
            String greatest = rs.getString(2);
            return new DatabaseState.PactBroker(numericPrefix(greatest), count);
        }
    }

    /** The Ruby broker's own reading of a migration filename: digits before the first underscore. */
    static long numericPrefix(String filename) {
        if (filename == null) {
            return 0;
        }
        String prefix = filename.split("_", 2)[0];
        return prefix.chars().allMatch(Character::isDigit) && !prefix.isEmpty() ? Long.parseLong(prefix) : 0;
    }

    private static List<String> tables(Connection c) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT table_name FROM information_schema.tables"
                + " WHERE table_schema = current_schema() ORDER BY table_name");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        return tables;
    }

    private static void requirePostgres(Connection c) throws SQLException {
        DatabaseMetaData meta = c.getMetaData();
        if (!"PostgreSQL".equalsIgnoreCase(meta.getDatabaseProductName())) {
            throw new SchemaRefusedException("migration is only supported for a Pact Broker running a PostgreSQL"
                    + " database; this one is " + meta.getDatabaseProductName() + ". Nothing was changed.");
        }
    }

    private void acquire(Connection c) throws SQLException {
        long deadline = System.nanoTime() + lockWait.toNanos();
        boolean told = false;
        while (!tryLock(c)) {
            if (!told) {
                LOG.infof("waiting for the migration lock (pg_advisory_lock %d): a Pact Broker or another Pactport is"
                        + " migrating this database", PACT_BROKER_MIGRATION_LOCK);
                told = true;
            }
            if (System.nanoTime() > deadline) {
                throw new SchemaRefusedException("gave up after " + lockWait.toSeconds() + " s waiting for the"
                        + " migration lock (pg_advisory_lock " + PACT_BROKER_MIGRATION_LOCK + "); a Pact Broker or"
                        + " another Pactport is still migrating this database. Nothing was changed.");
            }
            try {
                Thread.sleep(LOCK_POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SchemaRefusedException("interrupted while waiting for the migration lock", e);
            }
        }
    }

    private static boolean tryLock(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            s.setLong(1, PACT_BROKER_MIGRATION_LOCK);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private static void unlock(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            s.setLong(1, PACT_BROKER_MIGRATION_LOCK);
            s.execute();
        }
    }
}
