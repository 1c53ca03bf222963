package io.pactport.migration.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** import's refusals and failures, without a broker (the copy itself: ParallelSyncIT in system-tests). */
class ImportCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void aSourceThatIsNotAUrlIsRefused() {
        assertThat(run("--from", "broker.internal")).isEqualTo(ImportCommand.INVALID);
        assertThat(err.toString()).contains("not an absolute http(s) URL: broker.internal");
    }

    @Test
    void credentialsInTheUrlAreRefusedWithoutShowingThem() {
        assertThat(run("--from", "https://sync:s3cret@broker.internal")).isEqualTo(ImportCommand.INVALID);
        assertThat(err.toString())
                .contains("credentials do not belong in the broker URL")
                .doesNotContain("s3cret");
    }

    @Test
    void copyingABrokerIntoItselfIsRefused() {
        assertThat(run("--from", "http://localhost:9292", "--to", "http://localhost:9292/"))
                .isEqualTo(ImportCommand.INVALID);
        assertThat(err.toString()).contains("the same broker");
    }

    @Test
    void anUnreachableSourceStopsTheImportAndSaysToRunItAgain() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        assertThat(run("--from", "http://127.0.0.1:" + port, "--to", "http://127.0.0.1:1", "--timeout", "2"))
                .isEqualTo(ImportCommand.INTERRUPTED);
        assertThat(err.toString()).contains("import stopped", "got no answer", "run the same command again");
    }

    private int run(String... args) {
        CommandLine command = new CommandLine(new ImportCommand(Map.of()));
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        return command.execute(args);
    }
}
