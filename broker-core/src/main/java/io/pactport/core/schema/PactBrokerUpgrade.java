package io.pactport.core.schema;

import io.pactport.core.pact.InvalidPactContentException;
import io.pactport.core.pact.PactContent;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Brings a Pact Broker database from schema 20231003 (Pact Broker 2.108) to 20260217 (2.120), the layout Pactport's V1
 * is, by doing what each missing Ruby migration does and recording its {@code schema_migrations} row as the Ruby broker
 * would. Each step is one transaction together with its row, so a kill leaves every step either done and recorded or
 * not started, and a re-run picks up at the first unrecorded one. The steps' SQL lives in {@code db/pactbroker/}, named
 * after the Ruby migration file; populating {@code has_messages} reads pact content and so is done here. Public for
 * migration-service's plan ({@code io.pactport.migration.takeover}), which lists and times the missing steps.
 */
public final class PactBrokerUpgrade {

    static final long OLDEST_SCHEMA = 20231003L;
    static final String OLDEST_RELEASE = "2.108.0";
    /** A Pact Broker 2.108–2.113 database has one row per migration file up to and including this one. */
    static final String OLDEST_LAST_FILE = "20231003_add_version_id_index_to_deployed_version.rb";

    static final int MIGRATIONS_AT_OLDEST = 171;

    static final String LOCATION = "db/pactbroker/";
    /** The step that reads every pact: the plan's estimate counts its time. */
    public static final String POPULATE_HAS_MESSAGES = "20251202_populate_has_messages_in_pact_versions.rb";
    /**
     * The Ruby migrations after 20231003, in the order the Ruby broker runs them (by file name). Public for
     * migration-service's takeover tests, which follow a migration step by step.
     */
    public static final List<String> STEPS = List.of(
            "20240112_add_client_language_verified_by_to_verification.rb",
            "20251106_add_branch_versions_version_id_branch_name_index.rb",
            "20251202_add_has_messages_column_to_pact_versions.rb",
            POPULATE_HAS_MESSAGES,
            "20260119_add_index_on_consumer_id_provider_id_to_pact_versions.rb",
            "20260123_drop_branch_versions_branch_name_index.rb",
            "20260210_add_index_on_pact_version_id_to_latest_pact_publication.rb",
            "20260217_add_wip_query_optimization_indexes.rb");

    private static final Logger LOG = Logger.getLogger(PactBrokerUpgrade.class);
    private static final int BATCH = 200;

    private PactBrokerUpgrade() {}

    /**
     * The steps this database lacks, in order. Public for migration-service's plan, which lists them.
     *
     * @throws SchemaRefusedException when its {@code schema_migrations} is not one of a Pact Broker 2.108–2.120, so
     *         that applying the steps could not give the 2.120 layout
     */
    public static List<String> missingSteps(Connection c) throws SQLException {
        List<String> applied = new ArrayList<>();
        int upToOldest;
        try (Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT filename FROM schema_migrations WHERE filename > '"
                    + OLDEST_LAST_FILE + "' ORDER BY filename")) {
                while (rs.next()) {
                    applied.add(rs.getString(1));
                }
            }
            try (ResultSet rs = s.executeQuery(
                    "SELECT count(*) FROM schema_migrations WHERE filename <= '" + OLDEST_LAST_FILE + "'")) {
                rs.next();
                upToOldest = rs.getInt(1);
            }
        }
        List<String> unknown =
                applied.stream().filter(file -> !STEPS.contains(file)).toList();
        if (!unknown.isEmpty()) {
            throw new SchemaRefusedException("refusing to migrate: schema_migrations records Pact Broker migrations"
                    + " Pactport does not know (" + String.join(", ", unknown) + "). Pactport knows Pact Broker"
                    + " schemas up to " + PactBrokerReleases.SUPPORTED_SCHEMA + " (Pact Broker "
                    + PactBrokerReleases.SUPPORTED_RELEASE + "); use a Pactport release that supports yours.");
        }
        if (upToOldest != MIGRATIONS_AT_OLDEST) {
            throw new SchemaRefusedException("refusing to migrate: schema_migrations has " + upToOldest + " migrations"
                    + " up to " + OLDEST_SCHEMA + " where a Pact Broker " + OLDEST_RELEASE + " database has "
                    + MIGRATIONS_AT_OLDEST + ", so this is not a layout Pactport knows. Upgrade the Pact Broker to "
                    + PactBrokerReleases.SUPPORTED_RELEASE + " and start it once so it migrates its database,"
                    + " then run this again.");
        }
        return STEPS.stream().filter(step -> !applied.contains(step)).toList();
    }

    /** Applies {@code step} and records it, in one transaction (the populate step commits its batches as it goes). */
    static void apply(Connection c, String step) throws SQLException {
        LOG.infof("applying Pact Broker migration %s", step);
        boolean autoCommit = c.getAutoCommit();
        try {
            if (step.equals(POPULATE_HAS_MESSAGES)) {
                populateHasMessages(c);
            }
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                if (!step.equals(POPULATE_HAS_MESSAGES)) {
                    s.execute(script(step));
                }
            }
            try (PreparedStatement record = c.prepareStatement("INSERT INTO schema_migrations (filename) VALUES (?)")) {
                record.setString(1, step);
                record.executeUpdate();
            }
            c.commit();
        } catch (SQLException | RuntimeException e) {
            if (!c.getAutoCommit()) {
                c.rollback();
            }
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    /**
     * Sets {@code pact_versions.has_messages} from each pact's content, as the Ruby migration does. The column
     * defaults to false, so only the true ones are written, a batch per transaction; a re-run after a kill writes the
     * same values again. Content the broker could not parse stays false (the Ruby migration would stop on it; that
     * pact could not be served either way), and is counted in the log.
     */
    private static void populateHasMessages(Connection c) throws SQLException {
        long total;
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM pact_versions")) {
            rs.next();
            total = rs.getLong(1);
        }
        long lastId = 0;
        long done = 0;
        long withMessages = 0;
        long unreadable = 0;
        long nextReport = 0;
        try (PreparedStatement read = c.prepareStatement(
                        "SELECT id, content FROM pact_versions WHERE id > ? ORDER BY id LIMIT " + BATCH);
                PreparedStatement mark =
                        c.prepareStatement("UPDATE pact_versions SET has_messages = true WHERE id = ANY (?)")) {
            while (true) {
                read.setLong(1, lastId);
                List<Integer> marked = new ArrayList<>();
                int rows = 0;
                try (ResultSet rs = read.executeQuery()) {
                    while (rs.next()) {
                        rows++;
                        lastId = rs.getLong(1);
                        String content = rs.getString(2);
                        try {
                            if (content != null && PactContent.parse(content).hasMessages()) {
                                marked.add((int) lastId);
                            }
                        } catch (InvalidPactContentException e) {
                            unreadable++;
                        }
                    }
                }
                if (rows == 0) {
                    break;
                }
                if (!marked.isEmpty()) {
                    mark.setArray(1, c.createArrayOf("integer", marked.toArray()));
                    mark.executeUpdate();
                }
                done += rows;
                withMessages += marked.size();
                if (done >= nextReport) {
                    LOG.infof("  pact_versions.has_messages: %d of %d pacts read", done, total);
                    nextReport = done + Math.max(BATCH, total / 10);
                }
            }
        }
        LOG.infof(
                "  pact_versions.has_messages: %d of %d pacts hold messages%s",
                withMessages, done, unreadable == 0 ? "" : "; " + unreadable + " could not be parsed and stay false");
    }

    private static String script(String step) {
        String resource = LOCATION + step.replaceFirst("\\.rb$", ".sql");
        try (InputStream in = PactBrokerUpgrade.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resource, e);
        }
    }
}
