package io.pactport.core.schema;

import static io.pactport.core.testing.PactBrokerDatabases.count;
import static org.assertj.core.api.Assertions.assertThat;

import io.pactport.core.testing.LegacyDataset;
import io.pactport.core.testing.PactBrokerDatabases;
import io.pactport.core.testing.TestDatabase;
import io.pactport.core.testing.TestPostgres;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What migration-service recorded, as {@code status} and broker-api's operations page read it back. */
class MigrationStatusTest {

    @Test
    void aTakenOverDatabaseShowsItsPactBrokerSchemaItsBaselineAndTheLastVerifyWithItsFindings() {
        TestDatabase db = PactBrokerDatabases.pactBroker2120("status_taken_over");
        LegacyDataset.generate(db, 3, 20);
        new Migrator(db.dataSource()).migrate();
        assertThat(MigrationStatus.read(db.dataSource()).lastVerification())
                .as("no verify yet")
                .isNull();

        assertThat(MigrationStatus.record(db.dataSource(), new Verification(db.dataSource()).run()))
                .isTrue();
        PactBrokerDatabases.execute(
                db, "DELETE FROM webhook_executions WHERE id = (SELECT min(id) FROM" + " webhook_executions)");
        MigrationStatus.record(db.dataSource(), new Verification(db.dataSource()).run());

        MigrationStatus status = MigrationStatus.read(db.dataSource());
        assertThat(status.takenOver()).isTrue();
        assertThat(status.state().describe()).startsWith("a Pactport database at V");
        assertThat(status.pactBrokerSchema()).isEqualTo(PactBrokerReleases.SUPPORTED_SCHEMA);
        assertThat(status.pactBrokerRelease()).isEqualTo("Pact Broker 2.119–2.120");
        assertThat(status.takenOverAt()).isBetween(Instant.now().minus(Duration.ofMinutes(5)), Instant.now());
        assertThat(status.baseline())
                .filteredOn(table -> table.table().equals("versions"))
                .singleElement()
                .satisfies(table -> assertThat(table.rows()).isEqualTo(count(db, "SELECT count(*) FROM versions")));
        assertThat(status.lastVerification().ok())
                .as("the last of the two verifies")
                .isFalse();
        assertThat(status.lastVerification().tablesFailed()).isEqualTo(1);
        assertThat(status.lastVerification().tablesChecked())
                .isEqualTo(status.baseline().size());
        assertThat(status.lastVerification().pactsRead()).isEqualTo(count(db, "SELECT count(*) FROM pact_versions"));
        assertThat(status.lastVerification().findings())
                .singleElement()
                .asString()
                .startsWith("webhook_executions: 1 of");
    }

    @Test
    void aDatabasePactportCreatedHasNoBaselineAndWasNotTakenOver() {
        TestDatabase db = TestPostgres.newDatabase("status_created");
        new Migrator(db.dataSource()).migrate();

        MigrationStatus status = MigrationStatus.read(db.dataSource());

        assertThat(status.takenOver()).isFalse();
        assertThat(status.pactBrokerSchema()).isNull();
        assertThat(status.takenOverAt()).isNull();
        assertThat(status.baseline()).isEmpty();
        assertThat(status.lastVerification()).isNull();
    }
}
