package io.pactport.core.schema;

import static io.pactport.core.testing.PactBrokerDatabases.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pactport.core.testing.PactBrokerDatabases;
import io.pactport.core.testing.TestDatabase;
import io.pactport.core.testing.TestPostgres;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class MigratorTest {

    @Test
    void anEmptyDatabaseGetsThePactBrokerLayoutAndPactportsTables() throws SQLException {
        TestDatabase db = TestPostgres.newDatabase("migrator_empty");
        Migrator migrator = new Migrator(db.dataSource());
        assertThat(migrator.inspect()).isInstanceOf(DatabaseState.Empty.class);

        DatabaseState after = migrator.migrate();

        assertThat(after).isEqualTo(new DatabaseState.Pactport(latestVersion(), List.of()));
        assertThat(count(db, "SELECT count(*) FROM schema_migrations")).isEqualTo(179);
        assertThat(count(db, "SELECT count(*) FROM pactport_outbox")).isZero();
    }

    @Test
    void migratingTwiceChangesNothing() throws SQLException {
        TestDatabase db = TestPostgres.newDatabase("migrator_twice");
        Migrator migrator = new Migrator(db.dataSource());
        migrator.migrate();
        long applied = count(db, "SELECT count(*) FROM " + Migrator.HISTORY_TABLE);

        assertThat(migrator.migrate()).isEqualTo(new DatabaseState.Pactport(latestVersion(), List.of()));
        assertThat(count(db, "SELECT count(*) FROM " + Migrator.HISTORY_TABLE)).isEqualTo(applied);
    }

    @Test
    void aPactBrokerDatabaseIsBaselinedAndKeepsEveryRow() throws SQLException {
        TestDatabase db = PactBrokerDatabases.pactBroker2120("migrator_pb");
        PactBrokerDatabases.execute(db, """
                INSERT INTO pacticipants (name, created_at, updated_at) VALUES ('Foo', now(), now());
                INSERT INTO versions (number, pacticipant_id, "order", created_at, updated_at)
                  SELECT '1.0.0', id, nextval('version_order_sequence'), now(), now() FROM pacticipants;
                """);
        Migrator migrator = new Migrator(db.dataSource());
        assertThat(migrator.inspect()).isEqualTo(new DatabaseState.PactBroker(20260217L, 179));

        DatabaseState after = migrator.migrate();

        assertThat(after).isEqualTo(new DatabaseState.Pactport(latestVersion(), List.of()));
        assertThat(count(
                        db,
                        "SELECT count(*) FROM versions v JOIN pacticipants p ON p.id = v.pacticipant_id"
                                + " WHERE p.name = 'Foo' AND v.number = '1.0.0' AND v.\"order\" = 200"))
                .isEqualTo(1);
        assertThat(count(
                        db,
                        "SELECT count(*) FROM " + Migrator.HISTORY_TABLE + " WHERE type = 'BASELINE'"
                                + " AND version = '1'"))
                .isEqualTo(1);
        assertThat(count(db, "SELECT count(*) FROM schema_migrations")).isEqualTo(179);
    }

    @Test
    void anOlderPactBrokerIsRefusedWithTheReleaseToUpgradeTo() throws SQLException {
        TestDatabase db = PactBrokerDatabases.pactBroker2120("migrator_old_pb");
        PactBrokerDatabases.execute(db, "DELETE FROM schema_migrations WHERE filename > '20230428_z'");
        Migrator migrator = new Migrator(db.dataSource());
        assertThat(migrator.inspect())
                .isInstanceOfSatisfying(
                        DatabaseState.PactBroker.class,
                        pb -> assertThat(pb.schemaVersion()).isEqualTo(20230428L));

        assertThatThrownBy(migrator::migrate)
                .isInstanceOf(SchemaRefusedException.class)
                .hasMessageContaining("schema 20230428 (Pact Broker 2.107")
                .hasMessageContaining("Upgrade the Pact Broker to 2.108.0 or later (best 2.120.0)");
        assertThat(pactportTables(db)).isZero();
    }

    @Test
    void aPactBrokerWithMigrationsPactportDoesNotKnowIsRefused() throws SQLException {
        TestDatabase db = PactBrokerDatabases.pactBroker2120("migrator_fork_pb");
        PactBrokerDatabases.execute(
                db,
                "DELETE FROM schema_migrations WHERE filename LIKE '2026%';"
                        + " INSERT INTO schema_migrations VALUES ('20251224_add_our_own_column.rb')");

        assertThatThrownBy(new Migrator(db.dataSource())::migrate)
                .isInstanceOf(SchemaRefusedException.class)
                .hasMessageContaining("Pactport does not know (20251224_add_our_own_column.rb)");
        assertThat(pactportTables(db)).isZero();
    }

    @Test
    void aDatabaseOfSomethingElseIsRefusedAndLeftAlone() throws SQLException {
        TestDatabase db = TestPostgres.newDatabase("migrator_other");
        PactBrokerDatabases.execute(db, "CREATE TABLE invoices (id int)");

        assertThatThrownBy(new Migrator(db.dataSource())::migrate)
                .isInstanceOf(SchemaRefusedException.class)
                .hasMessageContaining("neither a Pact Broker's nor Pactport's (tables: invoices)");
        assertThat(pactportTables(db)).isZero();
    }

    @Test
    void waitsForARubyBrokerThatIsMigratingAndGivesUpCleanly() throws SQLException {
        TestDatabase db = TestPostgres.newDatabase("migrator_locked");
        Migrator migrator = new Migrator(db.dataSource(), Duration.ofSeconds(2));
        try (Connection ruby = db.connect();
                Statement s = ruby.createStatement()) {
            s.execute("SELECT pg_advisory_lock(" + Migrator.PACT_BROKER_MIGRATION_LOCK + ")");
            assertThat(migrator.migrationLockHeld()).isTrue();

            assertThatThrownBy(migrator::migrate)
                    .isInstanceOf(SchemaRefusedException.class)
                    .hasMessageContaining("waiting for the migration lock");
            assertThat(pactportTables(db)).isZero();
        }
        assertThat(migrator.migrationLockHeld()).isFalse();
        assertThat(migrator.migrate()).isInstanceOf(DatabaseState.Pactport.class);
    }

    @Test
    void servicesRefuseAStaleSchemaUnlessToldToMigrate() {
        TestDatabase db = TestPostgres.newDatabase("migrator_gate");
        Migrator migrator = new Migrator(db.dataSource());

        assertThatThrownBy(() -> migrator.ensureCurrent(false))
                .isInstanceOf(SchemaRefusedException.class)
                .hasMessageContaining("an empty database")
                .hasMessageContaining("Run the migration first (`./pactport migrate`, or the migration-service"
                        + " `migrate` command)")
                .hasMessageContaining("PACTFLOW_DATABASE_AUTO_MIGRATE=true");
        assertThat(migrator.ensureCurrent(true)).isInstanceOf(DatabaseState.Pactport.class);
        assertThat(migrator.ensureCurrent(false)).isInstanceOf(DatabaseState.Pactport.class);

        // as an older Pactport build left it: the newest migration not applied yet
        String newest = MigrationScripts.FILES.get(MigrationScripts.FILES.size() - 1); // V<n>__<description>.sql
        String version = newest.substring(1, newest.indexOf("__"));
        String description =
                newest.substring(newest.indexOf("__") + 2, newest.length() - 4).replace('_', ' ');
        PactBrokerDatabases.execute(db, "DELETE FROM " + Migrator.HISTORY_TABLE + " WHERE version = '" + version + "'");
        assertThatThrownBy(() -> migrator.ensureCurrent(false))
                .isInstanceOf(SchemaRefusedException.class)
                .hasMessageContaining("1 migration(s) pending: [V" + version + " " + description + "]")
                .hasMessageContaining("`./pactport migrate`");
    }

    @Test
    void theMigrationListIsExactlyTheDirectory() throws IOException, URISyntaxException {
        Path dir = Path.of(getClass()
                .getClassLoader()
                .getResource(MigrationScripts.LOCATION)
                .toURI());
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
                    .isEqualTo(MigrationScripts.FILES.stream().sorted().toList());
        }
    }

    @Test
    void readsTheSchemaVersionAsTheRubyBrokerDoes() {
        assertThat(Migrator.numericPrefix("20260217_add_wip_query_optimization_indexes.rb"))
                .isEqualTo(20260217L);
        assertThat(Migrator.numericPrefix("000050_create_thing.rb")).isEqualTo(50L);
        assertThat(Migrator.numericPrefix("misc.rb")).isZero();
        assertThat(Migrator.numericPrefix(null)).isZero();
    }

    private static String latestVersion() {
        String last = MigrationScripts.FILES.get(MigrationScripts.FILES.size() - 1);
        return last.substring(1, last.indexOf("__"));
    }

    private static long pactportTables(TestDatabase db) throws SQLException {
        return count(db, "SELECT count(*) FROM information_schema.tables WHERE table_name LIKE 'pactport%'");
    }
}
