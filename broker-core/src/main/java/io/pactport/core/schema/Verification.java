package io.pactport.core.schema;

import io.pactport.core.pact.InvalidPactContentException;
import io.pactport.core.pact.PactContent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Proves after the fact that a migration lost nothing: every Pact Broker table still holds the rows recorded before
 * the migration changed anything ({@link RowBaseline}), and every pact reads back as broker-api serves it, its content
 * parsing and hashing to its {@code pact_versions.sha}. Reads only.
 */
public final class Verification {

    private static final int BATCH = 200;
    private static final int FAILURES_LISTED = 10;

    /**
     * The outcome.
     *
     * @param tables one check per recorded table; empty when nothing was recorded
     * @param baselineNote why there are no table checks, or null
     * @param pactsRead pact_versions rows read
     * @param pactFailures the first few pacts that do not read back, one line each
     * @param pactFailureCount how many do not
     */
    public record Report(List<RowBaseline.TableCheck> tables, String baselineNote, long pactsRead,
            List<String> pactFailures, long pactFailureCount) {

        public boolean ok() {
            return pactFailureCount == 0 && tables.stream().allMatch(RowBaseline.TableCheck::ok);
        }
    }

    private final DataSource dataSource;

    public Verification(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Runs both checks.
     *
     * @throws SchemaRefusedException when the database is not one Pactport has migrated
     */
    public Report run() {
        try (Connection c = dataSource.getConnection()) {
            Migrator.requirePostgres(c);
            DatabaseState state = new Migrator(dataSource).inspect(c);
            if (!(state instanceof DatabaseState.Pactport)) {
                throw new SchemaRefusedException("nothing to verify: the database is " + state.describe()
                        + ", which Pactport has not migrated. Run plan, then migrate.");
            }
            List<RowBaseline.TableCheck> tables = List.of();
            String note = null;
            if (RowBaseline.recorded(c)) {
                tables = RowBaseline.compare(c);
            } else {
                note = Migrator.takenOverPactBroker(c)
                        ? "no row counts were recorded: this database was migrated by a Pactport that did not record"
                                + " them yet, so only readability is checked"
                        : "no row counts were recorded: Pactport created this database, so there were no Pact Broker"
                                + " rows to keep";
            }
            List<String> failures = new ArrayList<>();
            long[] readAndFailed = readPacts(c, failures);
            return new Report(tables, note, readAndFailed[0], List.copyOf(failures), readAndFailed[1]);
        } catch (SQLException e) {
            throw new SchemaRefusedException("cannot read the database: " + e.getMessage(), e);
        }
    }

    /**
     * Reads every pact as broker-api does and checks it: the content parses, and its SHA, computed without the
     * interaction ids the broker added when storing it (or with them, when the publisher sent them), is the stored one.
     */
    private static long[] readPacts(Connection c, List<String> failures) throws SQLException {
        long read = 0;
        long failed = 0;
        long lastId = 0;
        try (PreparedStatement s = c.prepareStatement("""
                SELECT pv.id, pv.sha, pv.content, c.name, p.name
                  FROM pact_versions pv
                  JOIN pacticipants c ON c.id = pv.consumer_id
                  JOIN pacticipants p ON p.id = pv.provider_id
                 WHERE pv.id > ? ORDER BY pv.id LIMIT """ + " " + BATCH)) {
            while (true) {
                s.setLong(1, lastId);
                int rows = 0;
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        rows++;
                        lastId = rs.getLong(1);
                        String problem = problem(rs.getString(2), rs.getString(3));
                        if (problem != null) {
                            failed++;
                            if (failures.size() < FAILURES_LISTED) {
                                failures.add("pact_versions " + lastId + " (" + rs.getString(4) + " → "
                                        + rs.getString(5) + ", sha " + rs.getString(2) + "): " + problem);
                            }
                        }
                    }
                }
                if (rows == 0) {
                    return new long[] {read, failed};
                }
                read += rows;
            }
        }
    }

    private static String problem(String sha, String content) {
        if (content == null) {
            return "no content";
        }
        try {
            PactContent pact = PactContent.parse(content);
            if (sha.equals(pact.withoutInteractionIds().sha()) || sha.equals(pact.sha())) {
                return null;
            }
            return "its content hashes to " + pact.withoutInteractionIds().sha();
        } catch (InvalidPactContentException e) {
            return "its content does not parse: " + e.getMessage();
        }
    }
}
