package io.pactport.core.schema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;

/**
 * What migration-service recorded about a database: which Pact Broker schema it took over and when, the row baseline
 * it recorded then, and the outcome of the last {@code verify}. Read by {@code migration-service status} and by
 * broker-api's operations page, which reads the same tables rather than asking a command-line tool.
 *
 * @param state what the database is now
 * @param takenOver whether Pactport has taken this database over from a Pact Broker (false: Pactport created it, or has
 *        not migrated it yet)
 * @param pactBrokerSchema the Pact Broker schema the baseline was recorded at; null when none was recorded
 * @param takenOverAt when the baseline was recorded (the takeover's first migrate); null when none was
 * @param baseline the recorded figures per table, in table order; empty when none were recorded
 * @param lastVerification the last {@code verify}'s outcome; null when none was recorded
 */
public record MigrationStatus(
        DatabaseState state,
        boolean takenOver,
        Long pactBrokerSchema,
        Instant takenOverAt,
        List<BaselineTable> baseline,
        LastVerification lastVerification) {

    /** Where {@link #record} keeps each {@code verify}'s outcome. */
    public static final String VERIFICATIONS_TABLE = "pactport_migration_verifications";

    /**
     * One table's recorded figures.
     *
     * @param comparedWhole the table has no single-column key, so rows written since the takeover count too
     */
    public record BaselineTable(String table, long rows, boolean comparedWhole) {}

    /** One {@code verify}'s outcome; {@code findings} holds a line per failed table or unreadable pact. */
    public record LastVerification(
            Instant verifiedAt,
            boolean ok,
            int tablesChecked,
            int tablesFailed,
            long pactsRead,
            long pactFailures,
            long shaDifferences,
            List<String> findings) {}

    /** The Pact Broker releases that leave a database at the schema taken over; null when none was recorded. */
    public String pactBrokerRelease() {
        return pactBrokerSchema == null ? null : PactBrokerReleases.describe(pactBrokerSchema);
    }

    /** Rows of every recorded table together. */
    public long baselineRows() {
        return baseline.stream().mapToLong(BaselineTable::rows).sum();
    }

    /** Reads it; changes nothing and counts no table's rows, so it is quick on any database. */
    public static MigrationStatus read(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            return read(new Migrator(dataSource).inspect(c), c);
        } catch (SQLException e) {
            throw new SchemaRefusedException("cannot read the database: " + e.getMessage(), e);
        }
    }

    private static MigrationStatus read(DatabaseState state, Connection c) throws SQLException {
        boolean takenOver = Migrator.takenOverPactBroker(c);
        List<BaselineTable> baseline = new ArrayList<>();
        Long schema = null;
        Instant recordedAt = null;
        if (RowBaseline.tableExists(c, RowBaseline.TABLE)) {
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT table_name, row_count, key_column IS NULL,"
                            + " schema_version, recorded_at FROM " + RowBaseline.TABLE + " ORDER BY table_name")) {
                while (rs.next()) {
                    baseline.add(new BaselineTable(rs.getString(1), rs.getLong(2), rs.getBoolean(3)));
                    schema = schema == null ? rs.getLong(4) : Math.min(schema, rs.getLong(4));
                    Instant at = rs.getTimestamp(5).toInstant();
                    recordedAt = recordedAt == null || at.isBefore(recordedAt) ? at : recordedAt;
                }
            }
        }
        return new MigrationStatus(state, takenOver, schema, recordedAt, List.copyOf(baseline), lastVerification(c));
    }

    private static LastVerification lastVerification(Connection c) throws SQLException {
        if (!RowBaseline.tableExists(c, VERIFICATIONS_TABLE)) {
            return null;
        }
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT verified_at, ok, tables_checked, tables_failed, pacts_read,"
                        + " pact_failures, sha_differences, findings FROM " + VERIFICATIONS_TABLE
                        + " ORDER BY id DESC LIMIT 1")) {
            if (!rs.next()) {
                return null;
            }
            String findings = rs.getString(8);
            return new LastVerification(
                    rs.getTimestamp(1).toInstant(),
                    rs.getBoolean(2),
                    rs.getInt(3),
                    rs.getInt(4),
                    rs.getLong(5),
                    rs.getLong(6),
                    rs.getLong(7),
                    findings.isEmpty() ? List.of() : Arrays.asList(findings.split("\n")));
        }
    }

    /**
     * Records a {@code verify}'s outcome, so that it is seen later without reading every pact again.
     *
     * @return false when the database lacks the table (a Pactport migration is pending), so nothing was recorded
     */
    public static boolean record(DataSource dataSource, Verification.Report report) {
        try (Connection c = dataSource.getConnection()) {
            if (!RowBaseline.tableExists(c, VERIFICATIONS_TABLE)) {
                return false;
            }
            List<String> findings = new ArrayList<>();
            report.tables().stream()
                    .filter(check -> !check.ok())
                    .map(RowBaseline.TableCheck::describe)
                    .forEach(findings::add);
            findings.addAll(report.pactFailures());
            try (PreparedStatement s = c.prepareStatement("INSERT INTO " + VERIFICATIONS_TABLE
                    + " (ok, tables_checked, tables_failed, pacts_read, pact_failures, sha_differences, findings)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                s.setBoolean(1, report.ok());
                s.setInt(2, report.tables().size());
                s.setInt(3, (int)
                        report.tables().stream().filter(check -> !check.ok()).count());
                s.setLong(4, report.pactsRead());
                s.setLong(5, report.pactFailureCount());
                s.setLong(6, report.shaDifferenceCount());
                s.setString(7, String.join("\n", findings));
                s.executeUpdate();
            }
            return true;
        } catch (SQLException e) {
            throw new SchemaRefusedException("cannot record the verification: " + e.getMessage(), e);
        }
    }
}
