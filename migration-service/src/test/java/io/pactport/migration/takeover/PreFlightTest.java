package io.pactport.migration.takeover;

import static org.assertj.core.api.Assertions.assertThat;

import io.pactport.core.testing.LegacyDataset;
import io.pactport.core.testing.PactBrokerDatabases;
import io.pactport.core.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class PreFlightTest {

    @Test
    void aDatabaseThatIsNotUtf8StopsTheMigration() throws SQLException {
        TestDatabase server = PactBrokerDatabases.pactBroker2120("preflight_server");
        TestDatabase latin = new TestDatabase(
                server.host(), server.port(), server.name() + "_ascii", server.username(), server.password());
        try (Connection c = server.connect();
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + latin.name() + " ENCODING 'SQL_ASCII' LC_COLLATE 'C' LC_CTYPE 'C'"
                    + " TEMPLATE template0");
        }
        PactBrokerDatabases.execute(latin, "CREATE TABLE schema_migrations (filename text PRIMARY KEY)");

        PreFlight.Report report = new PreFlight(latin.dataSource()).run();

        assertThat(report.blocked()).isTrue();
        assertThat(report.findings())
                .filteredOn(f -> f.check().equals("encoding"))
                .singleElement()
                .extracting(PreFlight.Finding::detail)
                .asString()
                .contains("the database encoding is SQL_ASCII", "createdb -E UTF8");
    }

    @Test
    void helperRowsOrphansAndEmptyPactsAreWarningsThatLetTheMigrationRun() {
        TestDatabase db = PactBrokerDatabases.pactBroker2120("preflight_warnings");
        LegacyDataset.generate(db, 5, 20);
        PactBrokerDatabases.execute(db, """
                DELETE FROM latest_pact_publication_ids_for_consumer_versions
                 WHERE pact_publication_id IN (SELECT id FROM pact_publications ORDER BY id LIMIT 3);
                UPDATE branch_heads SET version_id = 999999 WHERE branch_id = (SELECT min(branch_id) FROM branch_heads);
                UPDATE pact_versions SET content = NULL WHERE id = (SELECT max(id) FROM pact_versions);
                """);

        PreFlight.Report report = new PreFlight(db.dataSource()).run();

        assertThat(report.blocked()).isFalse();
        assertThat(report.findings())
                .extracting(PreFlight.Finding::describe)
                .containsExactlyInAnyOrder(
                        "warning publications without latest helper row: 3 pact publications have no"
                                + " latest_pact_publication_ids_for_consumer_versions row for their consumer version and"
                                + " provider: the Pact Broker does not serve them, and Pactport will not",
                        "warning orphaned branch heads: 1 branch_heads rows point at versions that no longer exist (that"
                                + " column has no foreign key)",
                        "warning pacts without content: 1 pact_versions rows have no content: they cannot be served");
        assertThat(report.estimate()).isPositive();
    }
}
