package io.pactport.migration.takeover;

import io.pactport.core.schema.DatabaseState;
import io.pactport.core.schema.MigrationLock;
import io.pactport.core.schema.MigrationStatus;
import io.pactport.core.schema.Migrator;
import io.pactport.core.schema.PactBrokerReleases;
import io.pactport.core.schema.RowBaseline;
import io.pactport.core.schema.SchemaRefusedException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Hands a database back to the Ruby broker: drops everything of Pactport's (every {@code pactport_} table, view,
 * sequence, function, type, index and column, the Flyway history included) in one transaction, under the migration
 * lock. The Pact Broker's tables and every row in them stay, those Pactport wrote included: Pactport writes them the
 * way the Ruby broker does. Refused, unless forced, when a {@code pactport_} table holds something the Pact Broker's
 * tables do not: events not yet sent to Kafka, or any other Pactport data.
 */
public final class Rollback {

    /**
     * Tables whose rows are bookkeeping, lost without loss: the history, the row baseline, sent events, and the
     * clean-up's run history, the can-i-deploy questions asked (the Ruby broker keeps none), the outcomes of verify.
     */
    private static final Set<String> BOOKKEEPING = Set.of(
            Migrator.HISTORY_TABLE,
            RowBaseline.TABLE,
            MigrationStatus.VERIFICATIONS_TABLE,
            "pactport_outbox",
            "pactport_retention_runs",
            "pactport_can_i_deploy_questions");

    /**
     * What was done.
     *
     * @param dropped each dropped object, as "kind name"
     * @param note what the operator should know about running the Ruby broker on it
     */
    public record Result(List<String> dropped, String note) {}

    private final DataSource dataSource;
    private final Duration lockWait;

    public Rollback(DataSource dataSource, Duration lockWait) {
        this.dataSource = dataSource;
        this.lockWait = lockWait;
    }

    /**
     * Rolls back.
     *
     * @param force drop Pactport's data even where the Pact Broker's tables have no equivalent
     * @throws SchemaRefusedException when the database is not Pactport's, or data would be lost and not forced
     */
    public Result run(boolean force) {
        try (Connection c = dataSource.getConnection()) {
            Migrator.requirePostgres(c);
            MigrationLock.acquire(c, lockWait);
            try {
                DatabaseState state = new Migrator(dataSource).inspect(c);
                if (!(state instanceof DatabaseState.Pactport)) {
                    throw new SchemaRefusedException(
                            "nothing to roll back: the database is " + state.describe() + ". Nothing was changed.");
                }
                Map<String, Long> wouldLose = wouldLose(c);
                if (!wouldLose.isEmpty() && !force) {
                    List<String> reasons = new ArrayList<>();
                    wouldLose.forEach((what, rows) -> reasons.add(rows + " " + what));
                    throw new SchemaRefusedException(
                            "refusing to roll back: it would lose " + String.join(", ", reasons)
                                    + ", which the Pact Broker's tables do not hold. Let broker-api deliver its events (start it"
                                    + " with Kafka reachable until the outbox is empty), or roll back with --force to drop"
                                    + " them. Nothing was changed.");
                }
                Long originalSchema = RowBaseline.recordedSchemaVersion(c);
                List<String> dropped = dropEverythingOfPactport(c);
                long schema = Migrator.schemaVersion(c);
                String note = "the database is a Pact Broker database at schema " + schema + " ("
                        + PactBrokerReleases.describe(schema) + "): run the Pact Broker "
                        + PactBrokerReleases.SUPPORTED_RELEASE + " on it";
                if (originalSchema != null && originalSchema < schema) {
                    note += ". It was at schema " + originalSchema + " (" + PactBrokerReleases.describe(originalSchema)
                            + ") before Pactport upgraded it; an older Pact Broker refuses a database that has"
                            + " migrations it does not know";
                }
                return new Result(dropped, note);
            } finally {
                MigrationLock.release(c);
            }
        } catch (SQLException e) {
            throw new SchemaRefusedException("rollback failed, nothing was changed: " + e.getMessage(), e);
        }
    }

    /** Per kind of Pactport data with no Pact Broker equivalent, how many rows a rollback would drop. */
    private static Map<String, Long> wouldLose(Connection c) throws SQLException {
        Map<String, Long> lost = new LinkedHashMap<>();
        for (String table : objects(
                c,
                "SELECT relname FROM pg_class WHERE relkind IN ('r', 'p') AND relname LIKE"
                        + " 'pactport\\_%' AND relnamespace = current_schema()::regnamespace ORDER BY 1")) {
            if (table.equals("pactport_outbox")) {
                long unsent = count(c, "SELECT count(*) FROM pactport_outbox WHERE sent_at IS NULL");
                if (unsent > 0) {
                    lost.put("event(s) in pactport_outbox not yet sent to Kafka", unsent);
                }
            } else if (!BOOKKEEPING.contains(table)) {
                long rows = count(c, "SELECT count(*) FROM \"" + table + "\"");
                if (rows > 0) {
                    lost.put("row(s) in " + table, rows);
                }
            }
        }
        return lost;
    }

    /**
     * Drops, in one transaction, in dependency order: views, tables (with the sequences they own), what is left of
     * sequences, functions (CASCADE: with the triggers that call them), types, then indexes and columns Pactport may
     * have put on the Pact Broker's tables.
     */
    private static List<String> dropEverythingOfPactport(Connection c) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        List<String> dropped = new ArrayList<>();
        String inSchema = " relnamespace = current_schema()::regnamespace";
        try (Statement s = c.createStatement()) {
            dropAll(
                    c,
                    s,
                    dropped,
                    "view",
                    "DROP VIEW %s",
                    "SELECT quote_ident(relname) FROM pg_class WHERE relkind = 'v'"
                            + " AND relname LIKE 'pactport\\_%' AND" + inSchema);
            dropAll(
                    c,
                    s,
                    dropped,
                    "materialized view",
                    "DROP MATERIALIZED VIEW %s",
                    "SELECT quote_ident(relname)"
                            + " FROM pg_class WHERE relkind = 'm' AND relname LIKE 'pactport\\_%' AND" + inSchema);
            dropAll(
                    c,
                    s,
                    dropped,
                    "table",
                    "DROP TABLE %s",
                    "SELECT quote_ident(relname) FROM pg_class"
                            + " WHERE relkind IN ('r', 'p') AND relname LIKE 'pactport\\_%' AND" + inSchema);
            dropAll(
                    c,
                    s,
                    dropped,
                    "sequence",
                    "DROP SEQUENCE %s",
                    "SELECT quote_ident(relname) FROM pg_class"
                            + " WHERE relkind = 'S' AND relname LIKE 'pactport\\_%' AND" + inSchema);
            dropAll(
                    c,
                    s,
                    dropped,
                    "function",
                    "DROP ROUTINE %s CASCADE",
                    "SELECT p.oid::regprocedure::text"
                            + " FROM pg_proc p WHERE p.proname LIKE 'pactport\\_%'"
                            + " AND p.pronamespace = current_schema()::regnamespace");
            dropAll(
                    c,
                    s,
                    dropped,
                    "type",
                    "DROP TYPE %s",
                    "SELECT quote_ident(typname) FROM pg_type t"
                            + " WHERE typname LIKE 'pactport\\_%' AND typnamespace = current_schema()::regnamespace"
                            + " AND typtype IN ('e', 'c', 'd', 'r') AND NOT EXISTS (SELECT FROM pg_class r"
                            + " WHERE r.oid = t.typrelid AND r.relkind <> 'c')");
            dropAll(
                    c,
                    s,
                    dropped,
                    "index",
                    "DROP INDEX %s",
                    "SELECT quote_ident(relname) FROM pg_class"
                            + " WHERE relkind IN ('i', 'I') AND relname LIKE 'pactport\\_%' AND" + inSchema);
            dropAll(
                    c,
                    s,
                    dropped,
                    "column",
                    "ALTER TABLE %s",
                    "SELECT quote_ident(c.relname) || ' DROP COLUMN '"
                            + " || quote_ident(a.attname) FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid"
                            + " WHERE a.attname LIKE 'pactport\\_%' AND a.attnum > 0 AND NOT a.attisdropped"
                            + " AND c.relkind IN ('r', 'p') AND c.relnamespace = current_schema()::regnamespace");
            c.commit();
            return dropped;
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    /** Drops every object the query lists, all at once where the kind allows, so that they may depend on each other. */
    private static void dropAll(
            Connection c, Statement s, List<String> dropped, String kind, String dropTemplate, String query)
            throws SQLException {
        List<String> names = objects(c, query);
        if (names.isEmpty()) {
            return;
        }
        if (kind.equals("table") || kind.equals("view") || kind.equals("sequence")) {
            s.execute(dropTemplate.formatted(String.join(", ", names)));
        } else {
            for (String name : names) {
                s.execute(dropTemplate.formatted(name));
            }
        }
        names.forEach(name -> dropped.add(kind + " " + name));
    }

    private static List<String> objects(Connection c, String query) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(query)) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
