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
 * the migration changed anything ({@link RowBaseline}), and every pact's content reads back as broker-api serves it.
 * Reads only.
 *
 * <p>A stored SHA that Pactport does not compute from the stored content is reported, but is not lost data: the
 * Ruby broker wrote that SHA, and pacts are found and verified by it as stored. It happens for pacts merged by PATCH
 * (the broker records a merge under the SHA of the pact merged in), for pacts a Pact Broker before 2.120 wrote with
 * an older json gem (which writes some floats differently, so hashes them differently), and for content changed
 * after it was published. Its one consequence: republishing such a pact unchanged stores it as new content, to which
 * the verifications of the stored one do not apply.
 */
public final class Verification {

    private static final int BATCH = 200;
    private static final int LINES_LISTED = 10;

    /**
     * The outcome.
     *
     * @param tables one check per recorded table; empty when nothing was recorded
     * @param baselineNote why there are no table checks, or null
     * @param pactsRead pact_versions rows read
     * @param pactFailures the first few pacts whose content does not read back, one line each
     * @param pactFailureCount how many do not
     * @param shaDifferences the first few pacts whose stored SHA is not the one Pactport computes, one line each
     * @param shaDifferenceCount how many (a warning: see the class comment)
     */
    public record Report(
            List<RowBaseline.TableCheck> tables,
            String baselineNote,
            long pactsRead,
            List<String> pactFailures,
            long pactFailureCount,
            List<String> shaDifferences,
            long shaDifferenceCount) {

        /** Nothing was lost: every recorded row is there and every pact's content reads back. */
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
            PactCheck pacts = readPacts(c);
            return new Report(
                    tables,
                    note,
                    pacts.read,
                    List.copyOf(pacts.failures),
                    pacts.failed,
                    List.copyOf(pacts.differences),
                    pacts.differing);
        } catch (SQLException e) {
            throw new SchemaRefusedException("cannot read the database: " + e.getMessage(), e);
        }
    }

    /** The warning for {@link Report#shaDifferenceCount()}, with its causes and its consequence. */
    public static String shaDifferenceWarning(long count) {
        return count + " pact(s)' stored SHA differs from the SHA Pactport computes from their content. Nothing is"
                + " lost: the Pact Broker wrote these SHAs, and pacts are found and verified by them as stored (a pact"
                + " merged by PATCH is recorded under the SHA of the pact merged in; a Pact Broker before 2.120 wrote"
                + " some floats, and so hashed them, differently). But republishing one of them unchanged would store"
                + " it as new content, and the verifications of the stored one would not carry over to it.";
    }

    /** What reading every pact found. */
    private static final class PactCheck {
        long read;
        long failed;
        long differing;
        final List<String> failures = new ArrayList<>();
        final List<String> differences = new ArrayList<>();

        void note(List<String> lines, String line) {
            if (lines.size() < LINES_LISTED) {
                lines.add(line);
            }
        }
    }

    /**
     * Reads every pact as broker-api does: its content must parse, and its SHA, computed as {@link #computedSha}
     * says, is compared with the stored one.
     */
    private static PactCheck readPacts(Connection c) throws SQLException {
        PactCheck check = new PactCheck();
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
                        String which = "pact_versions " + lastId + " (" + rs.getString(4) + " → " + rs.getString(5)
                                + ", sha " + rs.getString(2) + "): ";
                        String content = rs.getString(3);
                        if (content == null) {
                            check.failed++;
                            check.note(check.failures, which + "no content");
                            continue;
                        }
                        try {
                            String computed = computedSha(rs.getString(2), PactContent.parse(content));
                            if (computed != null) {
                                check.differing++;
                                check.note(check.differences, which + "its content hashes to " + computed);
                            }
                        } catch (InvalidPactContentException e) {
                            check.failed++;
                            check.note(check.failures, which + "its content does not parse: " + e.getMessage());
                        }
                    }
                }
                if (rows == 0) {
                    return check;
                }
                check.read += rows;
            }
        }
    }

    /**
     * The SHA Pactport computes for the stored content when it is not the stored one, else null. The broker hashed
     * the content as published, before adding ids: without any, with all of them (the publisher sent them), or with
     * only those the publisher sent.
     */
    private static String computedSha(String storedSha, PactContent pact) {
        String withoutIds = pact.withoutInteractionIds().sha();
        return storedSha.equals(withoutIds)
                        || storedSha.equals(pact.sha())
                        || storedSha.equals(
                                pact.withoutGeneratedInteractionIds().sha())
                ? null
                : withoutIds;
    }
}
