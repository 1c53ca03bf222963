package io.pactport.core.schema;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Row counts and content checksums of every Pact Broker table, recorded by the first {@code migrate} before it changes
 * anything, and recomputed by {@code verify}. A table's checksum is the sum of the first 64 bits of {@code md5} of each
 * row's text: independent of row order, it changes when any value of any recorded row changes, and it is computed by
 * the server in one pass, so even pact content of gigabytes never leaves the database.
 *
 * <p>Where a table has a single-column primary key, only the rows up to the greatest key at recording time are
 * compared: rows written since (by Pactport, after the migration) have greater keys and do not count. Tables without
 * one (tags, labels, the "latest" helper tables, ...) are compared whole, so rows written since show as a difference
 * there.
 */
public final class RowBaseline {

    /** The baseline's table; public so that a rollback counts its rows as bookkeeping. */
    public static final String TABLE = "pactport_migration_baseline";

    private static final Logger LOG = Logger.getLogger(RowBaseline.class);

    /** Row text depends on these settings (timestamps, floats, bytea); pinned so that both passes render alike. */
    private static final String PIN_SETTINGS = "SET LOCAL TimeZone TO 'UTC'; SET LOCAL DateStyle TO 'ISO, YMD';"
            + " SET LOCAL IntervalStyle TO 'postgres'; SET LOCAL extra_float_digits TO 1; SET LOCAL bytea_output TO 'hex'";

    private static final Set<String> KEY_TYPES = Set.of("integer", "bigint", "smallint", "text");

    private RowBaseline() {}

    /** One table's comparison. */
    public record TableCheck(
            String table,
            long recordedRows,
            long currentRows,
            boolean checksumMatches,
            boolean comparedWhole,
            String problem) {

        public boolean ok() {
            return problem == null && recordedRows == currentRows && checksumMatches;
        }

        /** One line for operators. */
        public String describe() {
            if (problem != null) {
                return table + ": " + problem;
            }
            String scope = comparedWhole ? " (compared whole)" : "";
            if (ok()) {
                return table + ": " + recordedRows + " rows, unchanged" + scope;
            }
            if (currentRows < recordedRows) {
                return table + ": " + (recordedRows - currentRows) + " of " + recordedRows + " rows missing" + scope;
            }
            if (currentRows > recordedRows) {
                return table + ": " + currentRows + " rows where " + recordedRows + " were recorded" + scope
                        + (comparedWhole ? "; rows written since the migration count here" : "");
            }
            return table + ": " + recordedRows + " rows, but their content changed" + scope
                    + (comparedWhole ? "; rows changed since the migration count here" : "");
        }
    }

    /** Whether figures were recorded (the table exists and has rows). Public for migration-service's plan. */
    public static boolean recorded(Connection c) throws SQLException {
        if (!tableExists(c, TABLE)) {
            return false;
        }
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT exists (SELECT FROM " + TABLE + ")")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    /**
     * Records the figures of every Pact Broker table, in one repeatable-read transaction (one consistent snapshot).
     *
     * @return the number of tables recorded
     */
    static int record(Connection c, long schemaVersion) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        int isolation = c.getTransactionIsolation();
        c.setAutoCommit(false);
        c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        try (Statement s = c.createStatement();
                PreparedStatement insert = c.prepareStatement("INSERT INTO " + TABLE + " (table_name, columns,"
                        + " key_column, key_type, max_key, row_count, checksum, schema_version)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            s.execute(PIN_SETTINGS);
            List<String> tables = pactBrokerTables(c);
            for (String table : tables) {
                List<String> columns = columns(c, table);
                String[] key = singleColumnKey(c, table);
                String maxKey = null;
                if (key != null) {
                    try (ResultSet rs =
                            s.executeQuery("SELECT max(" + quote(key[0]) + ")::text FROM " + quote(table))) {
                        rs.next();
                        maxKey = rs.getString(1);
                    }
                }
                Sum sum = sum(c, table, columns, key == null ? null : key[0], key == null ? null : key[1], maxKey);
                insert.setString(1, table);
                insert.setArray(2, c.createArrayOf("text", columns.toArray()));
                insert.setString(3, key == null ? null : key[0]);
                insert.setString(4, key == null ? null : key[1]);
                insert.setString(5, maxKey);
                insert.setLong(6, sum.rows());
                insert.setBigDecimal(7, sum.checksum());
                insert.setLong(8, schemaVersion);
                insert.executeUpdate();
                LOG.infof("  %s: %d rows", table, sum.rows());
            }
            c.commit();
            return tables.size();
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setTransactionIsolation(isolation);
            c.setAutoCommit(autoCommit);
        }
    }

    /**
     * The Pact Broker schema version the figures were taken at, if any were recorded. Public for migration-service's
     * rollback, which warns when Pactport upgraded the schema.
     */
    public static Long recordedSchemaVersion(Connection c) throws SQLException {
        if (!tableExists(c, TABLE)) {
            return null;
        }
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT min(schema_version) FROM " + TABLE)) {
            rs.next();
            long version = rs.getLong(1);
            return rs.wasNull() ? null : version;
        }
    }

    /** Recomputes every recorded table's figures and compares them, in table order. */
    static List<TableCheck> compare(Connection c) throws SQLException {
        List<TableCheck> checks = new ArrayList<>();
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try (Statement s = c.createStatement();
                Statement recorded = c.createStatement();
                ResultSet rs = recorded.executeQuery("SELECT table_name, columns, key_column, key_type,"
                        + " max_key, row_count, checksum FROM " + TABLE + " ORDER BY table_name")) {
            s.execute(PIN_SETTINGS);
            Set<String> present = Set.copyOf(pactBrokerTables(c));
            while (rs.next()) {
                String table = rs.getString(1);
                List<String> columns = Arrays.asList((String[]) rs.getArray(2).getArray());
                String keyColumn = rs.getString(3);
                long recordedRows = rs.getLong(6);
                BigDecimal recordedSum = rs.getBigDecimal(7);
                if (!present.contains(table)) {
                    checks.add(new TableCheck(
                            table,
                            recordedRows,
                            0,
                            false,
                            keyColumn == null,
                            "the table is gone (" + recordedRows + " rows recorded)"));
                    continue;
                }
                List<String> missing = new ArrayList<>(columns);
                missing.removeAll(columns(c, table));
                if (!missing.isEmpty()) {
                    checks.add(new TableCheck(
                            table,
                            recordedRows,
                            0,
                            false,
                            keyColumn == null,
                            "column(s) " + String.join(", ", missing) + " are gone"));
                    continue;
                }
                Sum now = sum(c, table, columns, keyColumn, rs.getString(4), rs.getString(5));
                checks.add(new TableCheck(
                        table,
                        recordedRows,
                        now.rows(),
                        now.checksum().compareTo(recordedSum) == 0,
                        keyColumn == null,
                        null));
            }
        } finally {
            c.rollback(); // read only: ends the transaction that pinned the settings
            c.setAutoCommit(autoCommit);
        }
        return checks;
    }

    /** Base tables of the current schema that are not Pactport's. Public for migration-service's plan. */
    public static List<String> pactBrokerTables(Connection c) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("""
                SELECT table_name FROM information_schema.tables
                 WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'
                   AND table_name NOT LIKE 'pactport\\_%'
                 ORDER BY table_name""")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        return tables;
    }

    static boolean tableExists(Connection c, String table) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            s.setString(1, quote(table));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private record Sum(long rows, BigDecimal checksum) {}

    private static Sum sum(
            Connection c, String table, List<String> columns, String keyColumn, String keyType, String maxKey)
            throws SQLException {
        String row = columns.stream().map(RowBaseline::quote).collect(Collectors.joining(", ", "ROW(", ")::text"));
        String sql = "SELECT count(*), coalesce(sum(('x' || left(md5(" + row + "), 16))::bit(64)::bigint), 0)"
                + " FROM " + quote(table) + " AS t"
                + (keyColumn == null ? "" : " WHERE " + quote(keyColumn) + " <= ?::" + keyType);
        try (PreparedStatement s = c.prepareStatement(sql)) {
            if (keyColumn != null) {
                s.setString(1, maxKey);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return new Sum(rs.getLong(1), rs.getBigDecimal(2));
            }
        }
    }

    private static List<String> columns(Connection c, String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("""
                SELECT attname FROM pg_attribute
                 WHERE attrelid = to_regclass(?) AND attnum > 0 AND NOT attisdropped ORDER BY attnum""")) {
            s.setString(1, quote(table));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    columns.add(rs.getString(1));
                }
            }
        }
        return columns;
    }

    /** {column, type} of the table's primary key when it is one column of an orderable type, else null. */
    private static String[] singleColumnKey(Connection c, String table) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                SELECT a.attname, format_type(a.atttypid, a.atttypmod)
                  FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)
                 WHERE i.indrelid = to_regclass(?) AND i.indisprimary AND i.indnatts = 1""")) {
            s.setString(1, quote(table));
            try (ResultSet rs = s.executeQuery()) {
                if (rs.next() && KEY_TYPES.contains(rs.getString(2))) {
                    return new String[] {rs.getString(1), rs.getString(2)};
                }
                return null;
            }
        }
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    /** Row counts of every Pact Broker table, for migration-service's plan (hence public). */
    public static Map<String, Long> rowCounts(Connection c) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Statement s = c.createStatement()) {
            for (String table : pactBrokerTables(c)) {
                try (ResultSet rs = s.executeQuery("SELECT count(*) FROM " + quote(table))) {
                    rs.next();
                    counts.put(table, rs.getLong(1));
                }
            }
        }
        return counts;
    }
}
