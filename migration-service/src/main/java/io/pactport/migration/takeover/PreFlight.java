package io.pactport.migration.takeover;

import io.pactport.core.schema.DatabaseState;
import io.pactport.core.schema.MigrationScripts;
import io.pactport.core.schema.Migrator;
import io.pactport.core.schema.PactBrokerUpgrade;
import io.pactport.core.schema.RowBaseline;
import io.pactport.core.schema.SchemaRefusedException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * What {@code migrate} would do to a database, and whether its data is in a state Pactport can serve: row counts, the
 * integrity checks, an estimate of the time it takes. Reads only; takes no lock.
 */
public final class PreFlight {

    /** A blocker stops the migration; a warning is worth knowing and fixing, but Pactport serves the data as it is. */
    public enum Severity {
        BLOCKER,
        WARNING
    }

    /** One failed check: how many rows, and what it means. */
    public record Finding(Severity severity, String check, long rows, String detail) {
        public String describe() {
            return (severity == Severity.BLOCKER ? "BLOCKER " : "warning ") + check + ": " + detail;
        }
    }

    /** The whole dry run. */
    public record Report(
            DatabaseState state,
            List<String> actions,
            Map<String, Long> rowCounts,
            List<Finding> findings,
            Duration estimate) {

        public boolean blocked() {
            return findings.stream().anyMatch(f -> f.severity() == Severity.BLOCKER);
        }
    }

    /** An integrity check: a query counting the rows that fail it, and what such rows mean for the migration. */
    private record Check(Severity severity, String name, String countSql, String meaning) {}

    private static final List<Check> CHECKS = List.of(
            new Check(
                    Severity.BLOCKER,
                    "versions without order",
                    """
                    SELECT count(*) FROM versions WHERE "order" IS NULL""",
                    "versions have no \"order\"; every \"latest\" and can-i-deploy answer orders versions by it."
                            + " Give them one in creation order (README, migration guide), then plan again"),
            new Check(
                    Severity.WARNING,
                    "publications without latest helper row",
                    """
                    SELECT count(*) FROM pact_publications pp
                     WHERE NOT EXISTS (SELECT FROM latest_pact_publication_ids_for_consumer_versions l
                                        WHERE l.consumer_version_id = pp.consumer_version_id
                                          AND l.provider_id = pp.provider_id)""",
                    "pact publications have no latest_pact_publication_ids_for_consumer_versions row for their"
                            + " consumer version and provider: the Pact Broker does not serve them, and Pactport will not"),
            new Check(
                    Severity.WARNING,
                    "publications without integration",
                    """
                    SELECT count(*) FROM (SELECT DISTINCT consumer_id, provider_id FROM pact_publications) pp
                     WHERE NOT EXISTS (SELECT FROM integrations i
                                        WHERE i.consumer_id = pp.consumer_id AND i.provider_id = pp.provider_id)""",
                    "consumer/provider pairs with pacts have no integrations row: they are missing from"
                            + " /integrations and the dashboard"),
            new Check(
                    Severity.WARNING,
                    "publications without consumer_id",
                    """
                    SELECT count(*) FROM pact_publications WHERE consumer_id IS NULL OR consumer_version_order IS NULL""",
                    "pact publications lack the consumer_id or consumer_version_order the Pact Broker back-filled in"
                            + " 2019: queries by consumer skip them"),
            new Check(
                    Severity.WARNING,
                    "verifications without latest helper row",
                    """
                    SELECT count(*) FROM (SELECT DISTINCT pact_version_id, provider_version_id FROM verifications
                                           WHERE provider_version_id IS NOT NULL) v
                     WHERE NOT EXISTS (SELECT FROM latest_verification_id_for_pact_version_and_provider_version l
                                        WHERE l.pact_version_id = v.pact_version_id
                                          AND l.provider_version_id = v.provider_version_id)""",
                    "pact/provider version pairs with verifications have no"
                            + " latest_verification_id_for_pact_version_and_provider_version row: the matrix does not show"
                            + " them"),
            new Check(
                    Severity.WARNING,
                    "branches without head",
                    """
                    SELECT count(*) FROM branches b
                     WHERE EXISTS (SELECT FROM branch_versions bv WHERE bv.branch_id = b.id)
                       AND NOT EXISTS (SELECT FROM branch_heads bh WHERE bh.branch_id = b.id)""",
                    "branches with versions have no branch_heads row: \"latest version of the branch\" finds nothing"),
            new Check(
                    Severity.WARNING,
                    "orphaned branch heads",
                    """
                    SELECT count(*) FROM branch_heads bh
                     WHERE NOT EXISTS (SELECT FROM versions v WHERE v.id = bh.version_id)""",
                    "branch_heads rows point at versions that no longer exist (that column has no foreign key)"),
            new Check(
                    Severity.WARNING,
                    "orphaned current deployments",
                    """
                    SELECT count(*) FROM currently_deployed_version_ids c
                     WHERE NOT EXISTS (SELECT FROM deployed_versions d WHERE d.id = c.deployed_version_id)""",
                    "currently_deployed_version_ids rows point at deployments that no longer exist"),
            new Check(
                    Severity.WARNING,
                    "orphaned deployment pacticipants",
                    """
                    SELECT (SELECT count(*) FROM deployed_versions d
                             WHERE NOT EXISTS (SELECT FROM pacticipants p WHERE p.id = d.pacticipant_id))
                         + (SELECT count(*) FROM released_versions r
                             WHERE NOT EXISTS (SELECT FROM pacticipants p WHERE p.id = r.pacticipant_id))""",
                    "deployed or released versions name a pacticipant that no longer exists"),
            new Check(
                    Severity.WARNING,
                    "stale copies of version order",
                    """
                    SELECT (SELECT count(*) FROM tags t JOIN versions v ON v.id = t.version_id
                             WHERE t.pacticipant_id IS DISTINCT FROM v.pacticipant_id
                                OR t.version_order IS DISTINCT FROM v."order")
                         + (SELECT count(*) FROM branch_versions bv JOIN versions v ON v.id = bv.version_id
                             WHERE bv.pacticipant_id IS DISTINCT FROM v.pacticipant_id
                                OR bv.version_order IS DISTINCT FROM v."order")""",
                    "tags or branch_versions rows whose copies of their version's pacticipant or order differ from"
                            + " the version's: \"latest with tag\" and \"latest on branch\" misread them"),
            new Check(
                    Severity.WARNING,
                    "pacts without content",
                    """
                    SELECT count(*) FROM pact_versions WHERE content IS NULL""",
                    "pact_versions rows have no content: they cannot be served"));

    /** Throughput assumed by the estimate; measured on the test dataset, rounded down for a busier server. */
    private static final double CHECKSUM_BYTES_PER_SECOND = 100e6;

    private static final double PACT_PARSE_BYTES_PER_SECOND = 20e6;

    private final DataSource dataSource;

    public PreFlight(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Runs the dry run.
     *
     * @throws SchemaRefusedException when the server is not PostgreSQL or cannot be read
     */
    public Report run() {
        try (Connection c = dataSource.getConnection()) {
            Migrator.requirePostgres(c);
            Migrator migrator = new Migrator(dataSource);
            DatabaseState state = migrator.inspect(c);
            List<Finding> findings = new ArrayList<>();
            String encoding = encoding(c);
            if (!encoding.equals("UTF8")) {
                findings.add(
                        new Finding(
                                Severity.BLOCKER,
                                "encoding",
                                0,
                                "the database encoding is " + encoding
                                        + "; Pactport reads and writes pact content as UTF-8. Dump the database and restore it into"
                                        + " one created with ENCODING 'UTF8' (createdb -E UTF8 -T template0), then plan again"));
            }
            try {
                Migrator.checkMigratable(state);
            } catch (SchemaRefusedException e) {
                findings.add(new Finding(Severity.BLOCKER, "schema", 0, e.getMessage()));
            }
            if (migrator.migrationLockHeld()) {
                findings.add(
                        new Finding(
                                Severity.WARNING,
                                "migration lock",
                                0,
                                "a Pact Broker or another Pactport"
                                        + " holds the migration lock now; migrate waits for it (stop the Pact Broker before migrating)"));
            }
            boolean pactBrokerTables =
                    !(state instanceof DatabaseState.Empty) && !(state instanceof DatabaseState.Unrecognised);
            Map<String, Long> counts = pactBrokerTables ? RowBaseline.rowCounts(c) : Map.of();
            List<String> upgrades = List.of();
            if (pactBrokerTables) {
                try {
                    upgrades = PactBrokerUpgrade.missingSteps(c);
                } catch (SchemaRefusedException e) {
                    findings.add(new Finding(Severity.BLOCKER, "schema_migrations", 0, e.getMessage()));
                }
                for (Check check : CHECKS) {
                    long rows = count(c, check.countSql());
                    if (rows > 0) {
                        findings.add(new Finding(check.severity(), check.name(), rows, rows + " " + check.meaning()));
                    }
                }
            }
            boolean recordsBaseline = recordsBaseline(c, state);
            return new Report(
                    state,
                    actions(c, state, upgrades),
                    counts,
                    List.copyOf(findings),
                    estimate(c, recordsBaseline, upgrades));
        } catch (SQLException e) {
            throw new SchemaRefusedException("cannot read the database: " + e.getMessage(), e);
        }
    }

    /**
     * What {@code migrate} would apply, in order, without the counts and checks (for {@code status}): it reads only
     * the catalogue and the two migration histories, so it is quick on any size of database.
     *
     * @throws SchemaRefusedException when the database cannot be migrated (the reason says why)
     */
    public List<String> pendingActions() {
        try (Connection c = dataSource.getConnection()) {
            Migrator.requirePostgres(c);
            DatabaseState state = new Migrator(dataSource).inspect(c);
            Migrator.checkMigratable(state);
            boolean pactBrokerTables = !(state instanceof DatabaseState.Empty);
            return actions(c, state, pactBrokerTables ? PactBrokerUpgrade.missingSteps(c) : List.of());
        } catch (SQLException e) {
            throw new SchemaRefusedException("cannot read the database: " + e.getMessage(), e);
        }
    }

    /** The one list of what migrate does to {@code state}: the row baseline, the Pact Broker steps, Pactport's. */
    private static List<String> actions(Connection c, DatabaseState state, List<String> upgrades) throws SQLException {
        List<String> actions = new ArrayList<>();
        if (recordsBaseline(c, state)) {
            actions.add("record row counts and checksums of the "
                    + RowBaseline.pactBrokerTables(c).size() + " Pact Broker tables (for verify)");
        }
        upgrades.forEach(step -> actions.add("apply Pact Broker migration " + step));
        actions.addAll(pactportMigrations(state));
        return List.copyOf(actions);
    }

    private static boolean recordsBaseline(Connection c, DatabaseState state) throws SQLException {
        return state instanceof DatabaseState.PactBroker
                || (state instanceof DatabaseState.Pactport
                        && Migrator.takenOverPactBroker(c)
                        && !RowBaseline.recorded(c));
    }

    private static List<String> pactportMigrations(DatabaseState state) {
        List<String> migrations = new ArrayList<>();
        if (state instanceof DatabaseState.Pactport pactport) {
            pactport.pending().stream()
                    .filter(p -> p.startsWith("V"))
                    .forEach(p -> migrations.add("apply Pactport " + p));
        } else if (state instanceof DatabaseState.Empty || state instanceof DatabaseState.PactBroker) {
            for (String file : MigrationScripts.FILES) {
                if (state instanceof DatabaseState.PactBroker && file.startsWith("V1__")) {
                    migrations.add("mark Pactport V1 (the Pact Broker 2.120 layout) as present");
                    continue;
                }
                migrations.add("apply Pactport " + file.substring(0, file.indexOf("__")) + " "
                        + file.substring(file.indexOf("__") + 2, file.length() - ".sql".length())
                                .replace('_', ' '));
            }
        }
        return migrations;
    }

    /** Reading every table once for the checksums, and every pact once when has_messages is to be filled in. */
    private static Duration estimate(Connection c, boolean recordsBaseline, List<String> upgrades) throws SQLException {
        double seconds = 1;
        if (recordsBaseline) {
            seconds += count(c, """
                    SELECT coalesce(sum(pg_table_size(c.oid)), 0) FROM pg_class c
                     WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind = 'r'
                       AND c.relname NOT LIKE 'pactport\\_%'""") / CHECKSUM_BYTES_PER_SECOND;
        }
        if (upgrades.contains(PactBrokerUpgrade.POPULATE_HAS_MESSAGES)) {
            seconds += count(c, "SELECT pg_table_size('pact_versions')") / PACT_PARSE_BYTES_PER_SECOND;
        }
        return Duration.ofMillis((long) (seconds * 1000));
    }

    private static String encoding(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "SELECT pg_encoding_to_char(encoding) FROM pg_database WHERE datname = current_database()")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
