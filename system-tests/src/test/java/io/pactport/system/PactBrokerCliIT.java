package io.pactport.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.pactport.core.testing.TestDatabase;
import io.pactport.core.testing.TestKafka;
import io.pactport.core.testing.TestPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The official {@code pact-broker} CLI (npm {@code @pact-foundation/pact-cli}, installed by {@code .ci/run} into
 * {@code .tools/}) against the packaged broker-api, as a team's CI would use it. Skipped, and says so, where the CLI is
 * not installed.
 */
class PactBrokerCliIT {

    private static Path cli;

    @BeforeAll
    static void findCli() {
        cli = Path.of(System.getProperty("pactport.pact-cli", "../.tools/node_modules/.bin/pact-broker"));
        Assumptions.assumeTrue(Files.isExecutable(cli), "skipped: the pact-broker CLI is not installed at " + cli
                + " (npm install --prefix .tools @pact-foundation/pact-cli@18.1.2)");
    }

    @Test
    void publishCreateEnvironmentRecordDeploymentAndDescribe() throws Exception {
        TestDatabase db = TestPostgres.newDatabase("cli");
        Map<String, String> env = Map.of("PACTFLOW_DATABASE_URL", db.rubyUrl(),
                "PACTFLOW_DATABASE_AUTO_MIGRATE", "true", "KAFKA_BOOTSTRAP_SERVERS", TestKafka.bootstrapServers());
        Path pacts = Files.createTempDirectory("pacts");
        Files.writeString(pacts.resolve("orders-inventory.json"), """
                {"consumer":{"name":"orders"},"provider":{"name":"inventory"},
                 "interactions":[{"description":"a stock query","request":{"method":"GET","path":"/stock/42"},
                                  "response":{"status":200,"body":{"count":7}}}],
                 "metadata":{"pactSpecification":{"version":"2.0.0"}}}""");

        try (ServiceProcess api = ServiceProcess.start("broker-api", env)) {
            api.awaitReady(Duration.ofSeconds(90));
            String broker = "http://127.0.0.1:" + api.port;

            run("publish", pacts.toString(), "--consumer-app-version", "1.0.0", "--branch", "main", "-b", broker);
            run("create-environment", "--name", "production", "--production", "-b", broker);
            run("record-deployment", "--pacticipant", "orders", "--version", "1.0.0", "--environment", "production",
                    "-b", broker);
            String described = run("describe-version", "--pacticipant", "orders", "--version", "1.0.0",
                    "--output", "json", "-b", broker);

            assertThat(described).contains("1.0.0");
            assertThat(count(db, "SELECT count(*) FROM pact_publications")).isEqualTo(1);
            assertThat(count(db, "SELECT count(*) FROM branch_heads WHERE branch_name = 'main'")).isEqualTo(1);
            assertThat(count(db, "SELECT count(*) FROM currently_deployed_version_ids")).isEqualTo(1);
        }
    }

    private static String run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(cli.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("pact-broker %s finished", args[0]).isTrue();
        assertThat(process.exitValue()).as("pact-broker %s said:%n%s", String.join(" ", args), output).isZero();
        return output;
    }

    private static long count(TestDatabase db, String sql) throws Exception {
        try (Connection c = db.connect(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
