package io.pactport.migration.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.pactport.core.testing.PactBrokerDatabases;
import io.pactport.core.testing.PostgresResource;
import io.pactport.core.testing.TestDatabase;
import io.pactport.core.testing.TestPostgres;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import org.junit.jupiter.api.Test;

@QuarkusMainTest
@WithTestResource(
        value = PostgresResource.class,
        initArgs = @ResourceArg(name = "database", value = MigrateCommandTest.DB))
class MigrateCommandTest {

    static final String DB = "migration_cli";

    @Test
    void reportsRefusesAndMigrates(QuarkusMainLauncher launcher) {
        LaunchResult status = launcher.launch("status");
        assertThat(status.exitCode()).isZero();
        assertThat(status.getOutput()).contains("database: an empty database");
        TestDatabase database = TestPostgres.database(DB);

        PactBrokerDatabases.execute(database, "CREATE TABLE invoices (id int)");
        LaunchResult refused = launcher.launch("migrate");
        assertThat(refused.exitCode()).isEqualTo(MigrateCommand.REFUSED);
        assertThat(refused.getErrorOutput()).contains("refusing to migrate", "invoices");

        PactBrokerDatabases.execute(database, "DROP TABLE invoices");
        LaunchResult migrated = launcher.launch("migrate");
        assertThat(migrated.exitCode()).isZero();
        assertThat(migrated.getOutput()).containsPattern("a Pactport database at V\\d+, up to date");

        assertThat(launcher.launch("version").getOutput()).containsPattern("a Pactport database at V\\d+, up to date");
    }
}
