package io.pactport.migration.takeover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pactport.core.schema.Catalogue;
import io.pactport.core.schema.DatabaseState;
import io.pactport.core.schema.Migrator;
import io.pactport.core.schema.PactBrokerUpgrade;
import io.pactport.core.schema.SchemaRefusedException;
import io.pactport.core.schema.Verification;
import io.pactport.core.testing.LegacyDataset;
import io.pactport.core.testing.OlderPactBrokerDatabases;
import io.pactport.core.testing.PactBrokerDatabases;
import io.pactport.core.testing.TestDatabase;
import java.sql.SQLException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A Pact Broker database full of realistic data taken over in place: plan, migrate, verify, roll back, for the 2.120
 * layout and for 2.108's, which the migration first brings to 2.120 with the Pact Broker's own missing migrations.
 */
class PactBrokerTakeoverTest {

    private static final int VERSIONS_PER_PACTICIPANT = 400;

    @Test
    void aPactBroker2120DatabaseIsPlannedMigratedVerifiedAndRolledBackToTheSameSchema() throws SQLException {
        TestDatabase db = PactBrokerDatabases.pactBroker2120("takeover_2120");
        LegacyDataset.Summary data = LegacyDataset.generate(db, 2120, VERSIONS_PER_PACTICIPANT);
        assertThat(data.versions()).isGreaterThan(2000);
        Catalogue original = Catalogue.read(db);

        PreFlight.Report plan = new PreFlight(db.dataSource()).run();
        assertThat(plan.blocked()).as(plan.findings().toString()).isFalse();
        assertThat(plan.findings()).isEmpty();
        assertThat(plan.rowCounts())
                .containsEntry("versions", (long) data.versions())
                .containsEntry("pact_versions", (long) data.pactVersions())
                .hasSize(30);
        assertThat(plan.actions()).first().asString().startsWith("record row counts and checksums of the 30");
        assertThat(plan.actions()).noneMatch(action -> action.contains("Pact Broker migration"));

        assertThat(new Migrator(db.dataSource()).migrate())
                .isInstanceOfSatisfying(
                        DatabaseState.Pactport.class,
                        state -> assertThat(state.pending()).isEmpty());
        Verification.Report verified = new Verification(db.dataSource()).run();
        assertThat(verified.ok()).as(verified.toString()).isTrue();
        assertThat(verified.tables()).hasSize(30);
        assertThat(verified.pactsRead()).isEqualTo(data.pactVersions());

        // Pactport serves and writes: new rows in the Pact Broker's tables, an event it has sent
        PactBrokerDatabases.execute(db, """
                INSERT INTO pacticipants (name, created_at, updated_at) VALUES ('Written By Pactport', now(), now());
                INSERT INTO versions (number, pacticipant_id, "order", created_at, updated_at)
                  SELECT '9.9.9', id, nextval('version_order_sequence'), now(), now() FROM pacticipants
                   WHERE name = 'Written By Pactport';
                INSERT INTO pactport_outbox (topic, event_key, event_type, payload)
                  VALUES ('pactport.pacticipants', 'Written By Pactport', 'pacticipant.created', '{}');
                """);
        assertThat(new Verification(db.dataSource()).run().ok())
                .as("rows added since do not count")
                .isTrue();

        Rollback rollback = new Rollback(db.dataSource(), Duration.ofSeconds(5));
        assertThatThrownBy(() -> rollback.run(false))
                .isInstanceOf(SchemaRefusedException.class)
                .hasMessageContaining("1 event(s) in pactport_outbox not yet sent to Kafka")
                .hasMessageContaining("Nothing was changed");
        assertThat(PactBrokerDatabases.count(db, "SELECT count(to_regclass('pactport_outbox'))"))
                .isEqualTo(1);
        PactBrokerDatabases.execute(db, "UPDATE pactport_outbox SET sent_at = now()");

        Rollback.Result result = rollback.run(false);

        assertThat(result.dropped())
                .contains(
                        "table pactport_outbox", "table pactport_schema_history", "table pactport_migration_baseline");
        assertThat(result.note()).contains("schema 20260217", "run the Pact Broker 2.120.0");
        Catalogue.assertSameSchema(Catalogue.read(db), original);
        assertThat(PactBrokerDatabases.count(db, "SELECT count(*) FROM versions WHERE number = '9.9.9'"))
                .isEqualTo(1);
        assertThat(new Migrator(db.dataSource()).inspect()).isEqualTo(new DatabaseState.PactBroker(20260217L, 179));
    }

    @Test
    void aPactBroker2108DatabaseGetsThePactBrokerMigrationsItLacksAndTheRubyBrokersRows() throws SQLException {
        TestDatabase db = OlderPactBrokerDatabases.pactBroker2108("takeover_2108");
        LegacyDataset.Summary data = LegacyDataset.generate(db, 2108, 200);
        Catalogue reference = Catalogue.read(PactBrokerDatabases.pactBroker2120("takeover_2108_reference"));
        assertThat(new Migrator(db.dataSource()).inspect()).isEqualTo(new DatabaseState.PactBroker(20231003L, 171));

        PreFlight.Report plan = new PreFlight(db.dataSource()).run();
        assertThat(plan.blocked()).isFalse();
        assertThat(plan.actions())
                .filteredOn(action -> action.startsWith("apply Pact Broker migration"))
                .hasSize(PactBrokerUpgrade.STEPS.size());

        new Migrator(db.dataSource()).migrate();

        assertThat(PactBrokerDatabases.count(db, "SELECT count(*) FROM schema_migrations"))
                .isEqualTo(179);
        assertThat(PactBrokerDatabases.count(db, "SELECT count(*) FROM pact_versions WHERE has_messages"))
                .isEqualTo(data.messagePacts())
                .isPositive();
        Verification.Report verified = new Verification(db.dataSource()).run();
        assertThat(verified.ok()).as(verified.toString()).isTrue();
        new Rollback(db.dataSource(), Duration.ofSeconds(5)).run(false);
        Catalogue.assertSameSchema(Catalogue.read(db), reference);
    }
}
