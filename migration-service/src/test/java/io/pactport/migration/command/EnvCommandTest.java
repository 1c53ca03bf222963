package io.pactport.migration.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** No test resource: {@code env} must run with no database configured. */
@QuarkusMainTest
class EnvCommandTest {

    private static final String BROKER_ENV = """
            # Pact Broker
            PACT_BROKER_DATABASE_URL=postgres://broker:hunter2@db:5432/pact
            PACT_BROKER_DATABASE_PASSWORD="p w=d"
            PACT_BROKER_AUTO_MIGRATE_DB=true

            PACT_BROKER_AUTO_MIGRATE_DB_DATA=true
            PACT_BROKER_PUMA_PERSISTENT_TIMEOUT=60
            TZ=UTC
            """;

    @Test
    void printsTheTranslationRedactedAndWritesItForReal(QuarkusMainLauncher launcher, @TempDir Path dir)
            throws Exception {
        Path file = Files.writeString(dir.resolve("broker.env"), BROKER_ENV);

        LaunchResult printed = launcher.launch("env", file.toString());
        assertThat(printed.exitCode()).isZero();
        assertThat(printed.getOutput())
                .contains(
                        "PACTFLOW_DATABASE_URL=postgres://broker:****@db:5432/pact",
                        "PACTFLOW_DATABASE_PASSWORD=****",
                        "PACTFLOW_DATABASE_AUTO_MIGRATE=true",
                        "TZ=UTC")
                .doesNotContain("hunter2", "p w=d", "PACT_BROKER_");
        assertThat(printed.getErrorOutput()).contains("PACT_BROKER_PUMA_PERSISTENT_TIMEOUT", "not used by Pactport");
        assertThat(Files.readString(file)).isEqualTo(BROKER_ENV);

        LaunchResult written = launcher.launch("env", "--write", file.toString());
        assertThat(written.exitCode()).isZero();
        assertThat(written.getOutput())
                .contains("wrote " + file, "broker.env.bak")
                .doesNotContain("hunter2");
        assertThat(Files.readString(dir.resolve("broker.env.bak"))).isEqualTo(BROKER_ENV);
        assertThat(Files.readString(file)).isEqualTo("""
                # Pact Broker
                PACTFLOW_DATABASE_URL=postgres://broker:hunter2@db:5432/pact
                PACTFLOW_DATABASE_PASSWORD="p w=d"
                PACTFLOW_DATABASE_AUTO_MIGRATE=true

                PACTFLOW_PUMA_PERSISTENT_TIMEOUT=60
                TZ=UTC
                """);
    }

    @Test
    void printsAComposeFilesServices(QuarkusMainLauncher launcher, @TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("docker-compose.yml"), """
                services:
                  broker:
                    environment:
                      - PACT_BROKER_DATABASE_ADAPTER=sqlite
                """);
        LaunchResult result = launcher.launch("env", file.toString());
        assertThat(result.exitCode()).isZero();
        assertThat(result.getOutput())
                .contains("services:", "  broker:", "      PACTFLOW_DATABASE_ADAPTER: \"sqlite\"");
        assertThat(result.getErrorOutput()).contains("broker: PACT_BROKER_DATABASE_ADAPTER", "only PostgreSQL");
    }

    @Test
    void exitsWithTwoForAFileItCannotRead(QuarkusMainLauncher launcher, @TempDir Path dir) throws Exception {
        LaunchResult missing = launcher.launch("env", dir.resolve("nope.env").toString());
        assertThat(missing.exitCode()).isEqualTo(EnvCommand.UNREADABLE);
        assertThat(missing.getErrorOutput()).contains("nope.env", "no such file");

        Path garbage = Files.writeString(dir.resolve("garbage.env"), "A=1\nnot an assignment\n");
        LaunchResult unparsable = launcher.launch("env", "--write", garbage.toString());
        assertThat(unparsable.exitCode()).isEqualTo(EnvCommand.UNREADABLE);
        assertThat(unparsable.getErrorOutput()).contains("garbage.env", "line 2");
        assertThat(dir.resolve("garbage.env.bak")).doesNotExist();
    }

    @Test
    void theDatabaseCommandsSayWhatIsMissing(QuarkusMainLauncher launcher) {
        LaunchResult status = launcher.launch("status");
        assertThat(status.exitCode()).isEqualTo(2);
        assertThat(status.getErrorOutput()).contains("no database is configured", "PACTFLOW_DATABASE_URL");
    }
}
