package io.pactport.migration.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code env} without FILE: the process environment, given here as a map. */
class EnvCommandProcessEnvironmentTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(Map<String, String> environment, String... args) {
        return new CommandLine(new EnvCommand(environment))
                .setOut(new PrintWriter(out))
                .setErr(new PrintWriter(err))
                .execute(args);
    }

    @Test
    void printsOnlyTheBrokersVariablesRedacted() {
        int code = run(Map.of(
                "PATH",
                "/usr/bin",
                "PACT_BROKER_BASIC_AUTH_PASSWORD",
                "hunter2",
                "PACT_BROKER_AUTO_MIGRATE_DB",
                "false",
                "PACTFLOW_PORT",
                "9292"));
        assertThat(code).isZero();
        assertThat(out.toString()).isEqualTo("""
                PACTFLOW_PORT=9292
                PACTFLOW_DATABASE_AUTO_MIGRATE=false
                PACTFLOW_BASIC_AUTH_PASSWORD=****
                """);
        assertThat(err.toString()).contains("PACT_BROKER_AUTO_MIGRATE_DB set to false");
    }

    @Test
    void printsAComposeEnvironmentWhenAsked() {
        assertThat(run(Map.of("PACT_BROKER_BASE_URL", "http://pact:9292"), "--format=compose"))
                .isZero();
        assertThat(out.toString()).isEqualTo("environment:\n  PACTFLOW_BASE_URL: \"http://pact:9292\"\n");
    }

    @Test
    void saysWhenThereIsNothingAndRefusesToWriteWithoutAFile() {
        assertThat(run(Map.of("HOME", "/root"))).isZero();
        assertThat(out.toString()).contains("no PACT_BROKER_* or PACTFLOW_* variable is set");
        assertThat(run(Map.of(), "--write")).isEqualTo(EnvCommand.UNREADABLE);
        assertThat(err.toString()).contains("--write needs a FILE");
    }
}
