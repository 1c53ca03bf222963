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
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateResult;
import org.jboss.logging.Logger;

/**
 * Brings a database to Pactport's schema, whatever it starts as: an empty database gets the Pact Broker 2.120 layout (V1)
 * and Pactport's tables; a Pact Broker 2.108–2.120 database is first brought to the 2.120 layout by the Pact Broker's
 * own missing migrations ({@link PactBrokerUpgrade}), then baselined at V1 and given only Pactport's tables, so every
 * existing row stays where the Ruby broker put it, and its row counts and checksums are recorded first
 * ({@link RowBaseline}); anything else is refused with what to do about it.
 * Runs under the Pact Broker's own migration advisory lock, so a Ruby broker and Pactport never migrate at once.
 */
public class Migrator {

    /** The Pact Broker's migration lock: {@code crc32("migrate") % 2^31}, taken by every Ruby broker at start-up. */
    public static final long PACT_BROKER_MIGRATION_LOCK = MigrationLock.KEY;
    /** Flyway's history table; prefixed like every Pactport table so that a rollback finds it. */
    public static final String HISTORY_TABLE = "pactport_schema_history";

    private static final Logger LOG = Logger.getLogger(Migrator.class);
    private static final Set<String> PACT_BROKER_CORE_TABLES =
            Set.of("pacticipants", "versions", "pact_publications", "pact_versions");
    /** Pactport's migration that creates the row baseline table; everything up to it adds only pactport_ tables. */
    private static final String BASELINE_TABLE_VERSION = "3";

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

    /**
     * What the database is now, read on {@code c}, which may hold the migration lock. Public for migration-service's
     * plan and rollback ({@code io.pactport.migration.takeover}).
     */
    public DatabaseState inspect(Connection c) throws SQLException {
        requirePostgres(c);
        List<String> tables = tables(c);
        if (tables.contains(HISTORY_TABLE)) {
            return pactportState(c);
        }
        if (tables.contains("schema_migrations") && tables.containsAll(PACT_BROKER_CORE_TABLES)) {
            return pactBrokerState(c);
        }
        return tables.isEmpty() ? new DatabaseState.Empty() : new DatabaseState.Unrecognised(tables);
    }

    /** Whether someone (a starting Ruby broker, another Pactport) holds the migration lock right now. */
    public boolean migrationLockHeld() {
        try (Connection c = dataSource.getConnection()) {
            if (MigrationLock.tryLock(c)) {
                MigrationLock.release(c);
                return false;
            }
            return true;
        } catch (SQLException e) {
            throw new SchemaRefusedException("cannot read the database: " + e.getMessage(), e);
        }
    }

    /**
     * Applies what is pending, under the migration lock; idempotent. On a Pact Broker database, in this order, each
     * part safe to interrupt: Pactport's tables up to the baseline table (V3; only {@code pactport_} tables, the
     * Pact Broker's untouched); the row baseline, once; the missing Pact Broker migrations, a transaction each; the
     * rest of Pactport's migrations. A re-run after a kill finds where the last one stopped.
     *
     * @return the state after migrating
     * @throws SchemaRefusedException when the database is not one Pactport may migrate
     */
    public DatabaseState migrate() {
        // the lock's connection also does the inspecting and the Pact Broker steps: with Flyway's own two, a pool of
        // three is enough
        try (Connection lock = dataSource.getConnection()) {
            requirePostgres(lock);
            MigrationLock.acquire(lock, lockWait);
            try {
                DatabaseState before = inspect(lock);
                LOG.infof("migrating %s", before.describe());
                checkMigratable(before);
                boolean takenOver = before instanceof DatabaseState.PactBroker || takenOverPactBroker(lock);
                List<String> upgrades =
                        before instanceof DatabaseState.Empty ? List.of() : PactBrokerUpgrade.missingSteps(lock);
                if (takenOver && !RowBaseline.recorded(lock)) {
                    if (!RowBaseline.tableExists(lock, RowBaseline.TABLE)) {
                        configuration(before instanceof DatabaseState.PactBroker)
                                .target(BASELINE_TABLE_VERSION)
                                .load()
                                .migrate();
                    }
                    LOG.info("recording row counts and checksums of every Pact Broker table");
                    int tables = RowBaseline.record(lock, schemaVersion(lock));
                    LOG.infof("recorded %d Pact Broker tables (migration-service verify compares them later)", tables);
                }
                for (String step : upgrades) {
                    PactBrokerUpgrade.apply(lock, step);
                }
                MigrateResult result =
                        flyway(before instanceof DatabaseState.PactBroker).migrate();
                DatabaseState after = inspect(lock);
                LOG.infof(
                        "applied %d Pact Broker and %d Pactport migration(s); the database is now %s",
                        upgrades.size(), result.migrationsExecuted, after.describe());
                return after;
            } finally {
                MigrationLock.release(lock);
            }
        } catch (SQLException | FlywayException e) {
            throw new SchemaRefusedException(
                    "migration failed: " + e.getMessage() + ". Whatever was done is kept;"
                            + " run migrate again to finish.",
                    e);
        }
    }

    /**
     * Refuses what Pactport will not migrate, saying what to do instead. Public for migration-service's plan, which
     * reports it as a blocker.
     */
    public static void checkMigratable(DatabaseState state) {
        if (state instanceof DatabaseState.Unrecognised) {
            throw new SchemaRefusedException("refusing to migrate " + state.describe() + ". Point"
                    + " PACTFLOW_DATABASE_URL at an empty PostgreSQL database or at your Pact Broker's database.");
        }
        if (!(state instanceof DatabaseState.PactBroker broker)) {
            return;
        }
        long version = broker.schemaVersion();
        if (version >= PactBrokerUpgrade.OLDEST_SCHEMA && version <= PactBrokerReleases.SUPPORTED_SCHEMA) {
            return;
        }
        String upgrade = version < PactBrokerUpgrade.OLDEST_SCHEMA
                ? " Upgrade the Pact Broker to " + PactBrokerUpgrade.OLDEST_RELEASE + " or later (best "
                        + PactBrokerReleases.SUPPORTED_RELEASE + ") and start it once so it migrates its database,"
                        + " then run this again."
                : " Pactport knows Pact Broker schemas up to " + PactBrokerReleases.SUPPORTED_SCHEMA + " ("
                        + PactBrokerReleases.SUPPORTED_RELEASE + "); use a Pactport release that supports it.";
        throw new SchemaRefusedException("refusing to migrate " + broker.describe()
                + ": Pactport takes over Pact Broker"
                + " databases from schema " + PactBrokerUpgrade.OLDEST_SCHEMA + " (Pact Broker "
                + PactBrokerUpgrade.OLDEST_RELEASE + ") to " + PactBrokerReleases.SUPPORTED_SCHEMA + " (Pact Broker "
                + PactBrokerReleases.SUPPORTED_RELEASE + ")." + upgrade);
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
        if (state instanceof DatabaseState.Pactport pactport
                && pactport.pending().isEmpty()) {
            return state;
        }
        throw new SchemaRefusedException("the database is " + state.describe() + ", not a current Pactport database."
                + " Run the migration first (`./pactport migrate`, or the migration-service `migrate` command),"
                + " or start with PACTFLOW_DATABASE_AUTO_MIGRATE=true.");
    }

    /** Flyway as Pactport uses it; {@code baselineExisting} marks V1 as already there (a Pact Broker database). */
    Flyway flyway(boolean baselineExisting) {
        return configuration(baselineExisting).load();
    }

    private FluentConfiguration configuration(boolean baselineExisting) {
        return Flyway.configure(Migrator.class.getClassLoader())
                .dataSource(dataSource)
                .table(HISTORY_TABLE)
                .resourceProvider(new MigrationScripts())
                .javaMigrationClassProvider(List::of)
                .placeholderReplacement(false)
                .cleanDisabled(true)
                .baselineOnMigrate(baselineExisting)
                .baselineVersion("1")
                .baselineDescription("existing Pact Broker " + PactBrokerReleases.SUPPORTED_RELEASE + " schema");
    }

    private DatabaseState pactportState(Connection c) throws SQLException {
        MigrationInfoService info = flyway(false).info();
        MigrationInfo current = info.current();
        List<String> pending = new ArrayList<>();
        // a migration killed half-way through a Pact Broker 2.108-2.118 database's upgrade leaves Pact Broker steps
        PactBrokerUpgrade.missingSteps(c).forEach(step -> pending.add("Pact Broker " + step));
        Arrays.stream(info.pending())
                .map(migration -> "V" + migration.getVersion() + " " + migration.getDescription())
                .forEach(pending::add);
        return new DatabaseState.Pactport(
                current == null ? "0" : current.getVersion().getVersion(), List.copyOf(pending));
    }

    /**
     * Whether Pactport's history says it took this database over from a Pact Broker (it has a baseline entry). Public
     * for migration-service's plan, which says whether migrate records the row baseline.
     */
    public static boolean takenOverPactBroker(Connection c) throws SQLException {
        if (!RowBaseline.tableExists(c, HISTORY_TABLE)) {
            return false;
        }
        try (Statement s = c.createStatement();
                ResultSet rs =
                        s.executeQuery("SELECT exists (SELECT FROM " + HISTORY_TABLE + " WHERE type = 'BASELINE')")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    /**
     * The numeric prefix of the greatest schema_migrations entry. Public for migration-service's rollback, which names
     * the Pact Broker release to run.
     */
    public static long schemaVersion(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT max(filename) FROM schema_migrations")) {
            rs.next();
            return numericPrefix(rs.getString(1));
        }
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

    /** Refuses a server that is not PostgreSQL. Public for migration-service's plan and rollback. */
    public static void requirePostgres(Connection c) throws SQLException {
        DatabaseMetaData meta = c.getMetaData();
        if (!"PostgreSQL".equalsIgnoreCase(meta.getDatabaseProductName())) {
            throw new SchemaRefusedException("migration is only supported for a Pact Broker running a PostgreSQL"
                    + " database; this one is " + meta.getDatabaseProductName() + ". Nothing was changed.");
        }
    }
}
