package io.pactport.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.pactport.core.testing.RequiredArtefacts;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The official {@code pact-broker} CLI (npm, installed under {@code .tools} by {@code .ci/run}), run as users run it.
 * A test asking for it is skipped, and says so, where it is not installed.
 */
final class PactBrokerCli {

    /** The CLI's outcome. */
    record Run(int exitCode, String output) {}

    private final Path executable;

    private PactBrokerCli(Path executable) {
        this.executable = executable;
    }

    /** The installed CLI, or the calling test skipped. */
    static PactBrokerCli findOrSkip() {
        Path cli = Path.of(System.getProperty("pactport.pact-cli", "../.tools/node_modules/.bin/pact-broker"));
        RequiredArtefacts.require(
                Files.isExecutable(cli),
                "the pact-broker CLI is not installed at " + cli
                        + " (npm install --prefix .tools @pact-foundation/pact-cli@18.1.2)");
        return new PactBrokerCli(cli);
    }

    Run run(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(executable.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS))
                .as("pact-broker %s finished", args[0])
                .isTrue();
        return new Run(process.exitValue(), output);
    }

    /** Runs a command that must succeed; returns what it printed. */
    String succeed(String... args) throws Exception {
        Run run = run(args);
        assertThat(run.exitCode())
                .as("pact-broker %s said:%n%s", String.join(" ", args), run.output())
                .isZero();
        return run.output();
    }
}
