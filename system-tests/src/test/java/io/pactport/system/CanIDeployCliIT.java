package io.pactport.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.pactport.core.pact.PactContent;
import io.pactport.core.testing.TestDatabase;
import io.pactport.core.testing.TestKafka;
import io.pactport.core.testing.TestPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The official {@code pact-broker can-i-deploy} against the packaged broker-api: yes (exit 0) when the version in the
 * environment verified the pact, no (exit 1) when nothing verified the new pact or the verification failed. Skipped,
 * and says so, where the CLI is not installed (see {@link PactBrokerCliIT}).
 */
class CanIDeployCliIT {

    private static PactBrokerCli cli;

    @BeforeAll
    static void findCli() {
        cli = PactBrokerCli.findOrSkip();
    }

    @Test
    void answersYesAndNoWithItsExitCode() throws Exception {
        TestDatabase db = TestPostgres.newDatabase("cli_can_i_deploy");
        Map<String, String> env = Map.of(
                "PACTFLOW_DATABASE_URL",
                db.rubyUrl(),
                "PACTFLOW_DATABASE_AUTO_MIGRATE",
                "true",
                "KAFKA_BOOTSTRAP_SERVERS",
                TestKafka.bootstrapServers());
        try (ServiceProcess api = ServiceProcess.start("broker-api", env)) {
            api.awaitReady(Duration.ofSeconds(90));
            String broker = "http://127.0.0.1:" + api.port;
            String first = publish(broker, "1.0.0", "a stock query");
            assertThat(cli.run("create-environment", "--name", "production", "--production", "-b", broker)
                            .exitCode())
                    .isZero();
            verify(broker, first, "2.0.0", true);
            assertThat(cli.run(
                                    "record-deployment",
                                    "--pacticipant",
                                    "inventory",
                                    "--version",
                                    "2.0.0",
                                    "--environment",
                                    "production",
                                    "-b",
                                    broker)
                            .exitCode())
                    .isZero();

            PactBrokerCli.Run yes = cli.run(
                    "can-i-deploy",
                    "--pacticipant",
                    "orders",
                    "--version",
                    "1.0.0",
                    "--to-environment",
                    "production",
                    "-b",
                    broker);
            assertThat(yes.exitCode()).as(yes.output()).isZero();
            assertThat(yes.output()).contains("Computer says yes").contains("2.0.0");

            // a new pact nobody verified yet: unknown, so no
            publish(broker, "1.1.0", "a stock query by warehouse");
            PactBrokerCli.Run unknown = cli.run(
                    "can-i-deploy",
                    "--pacticipant",
                    "orders",
                    "--version",
                    "1.1.0",
                    "--to-environment",
                    "production",
                    "-b",
                    broker);
            assertThat(unknown.exitCode()).as(unknown.output()).isEqualTo(1);
            assertThat(unknown.output())
                    .contains("Computer says no")
                    .contains("There is no verified pact between version 1.1.0 of orders");

            // the deployed provider version failed it: no
            verify(broker, PactContent.parse(pact("a stock query by warehouse")).sha(), "2.0.0", false);
            PactBrokerCli.Run failed = cli.run(
                    "can-i-deploy",
                    "--pacticipant",
                    "orders",
                    "--version",
                    "1.1.0",
                    "--to-environment",
                    "production",
                    "-b",
                    broker);
            assertThat(failed.exitCode()).as(failed.output()).isEqualTo(1);
            assertThat(failed.output()).contains("failed");

            // a version the broker has never heard of: no
            assertThat(cli.run(
                                    "can-i-deploy",
                                    "--pacticipant",
                                    "orders",
                                    "--version",
                                    "9.9.9",
                                    "--to-environment",
                                    "production",
                                    "-b",
                                    broker)
                            .exitCode())
                    .isEqualTo(1);
        }
    }

    private static String pact(String description) {
        return """
                {"consumer":{"name":"orders"},"provider":{"name":"inventory"},
                 "interactions":[{"description":"%s","request":{"method":"GET","path":"/stock/42"},
                                  "response":{"status":200,"body":{"count":7}}}],
                 "metadata":{"pactSpecification":{"version":"2.0.0"}}}""".formatted(description);
    }

    /** Publishes the consumer version's pact with the CLI; returns the content's SHA. */
    private static String publish(String broker, String version, String description) throws Exception {
        Path pacts = Files.createTempDirectory("pacts");
        Files.writeString(pacts.resolve("orders-inventory.json"), pact(description));
        PactBrokerCli.Run run = cli.run(
                "publish", pacts.toString(), "--consumer-app-version", version, "--branch", "main", "-b", broker);
        assertThat(run.exitCode()).as(run.output()).isZero();
        return PactContent.parse(pact(description)).sha();
    }

    /** What a provider build does after verifying: publish the result. */
    private static void verify(String broker, String sha, String providerVersion, boolean success) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(
                                        URI.create(broker + "/pacts/provider/inventory/consumer/orders/pact-version/"
                                                + sha + "/verification-results"))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString("{\"success\":" + success
                                        + ",\"providerApplicationVersion\":\"" + providerVersion + "\"}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }
}
