package io.pactport.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.pactport.core.testing.TestDatabase;
import io.pactport.core.testing.TestKafka;
import io.pactport.core.testing.TestPostgres;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A webhook created with the official CLI's {@code pact-broker create-webhook} against the packaged broker-api, fired
 * by a publication and received by a real HTTP server (on loopback, which the broker is configured to allow). Skipped,
 * and says so, where the CLI is not installed.
 */
class WebhookCliIT {

    private static PactBrokerCli cli;

    @BeforeAll
    static void findCli() {
        cli = PactBrokerCli.findOrSkip();
    }

    @Test
    void aWebhookCreatedWithTheCliIsCalledWhenAPactIsPublished() throws Exception {
        List<String> received = new CopyOnWriteArrayList<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/", exchange -> {
            received.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
                    + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        TestDatabase db = TestPostgres.newDatabase("webhookcli");
        Map<String, String> env = Map.of(
                "PACTFLOW_DATABASE_URL",
                db.rubyUrl(),
                "PACTFLOW_DATABASE_AUTO_MIGRATE",
                "true",
                "KAFKA_BOOTSTRAP_SERVERS",
                TestKafka.bootstrapServers(),
                // the Pact Broker's names, read through the legacy mapping
                "PACT_BROKER_WEBHOOK_HOST_WHITELIST",
                "127.0.0.1",
                "PACT_BROKER_WEBHOOK_SCHEME_WHITELIST",
                "http https");
        Path pacts = Files.createTempDirectory("pacts");
        Files.writeString(pacts.resolve("orders-inventory.json"), """
                {"consumer":{"name":"orders"},"provider":{"name":"inventory"},
                 "interactions":[{"description":"a stock query","request":{"method":"GET","path":"/stock/42"},
                                  "response":{"status":200,"body":{"count":7}}}],
                 "metadata":{"pactSpecification":{"version":"2.0.0"}}}""");

        try (ServiceProcess api = ServiceProcess.start("broker-api", env)) {
            api.awaitReady(Duration.ofSeconds(90));
            String broker = "http://127.0.0.1:" + api.port;
            String hook = "http://127.0.0.1:" + receiver.getAddress().getPort()
                    + "/build?branch=${pactbroker.consumerVersionBranch}";

            // the CLI creates pacticipants it names only when they exist, so the first publication comes first
            cli.succeed(
                    "publish", pacts.toString(), "--consumer-app-version", "1.0.0", "--branch", "main", "-b", broker);
            cli.succeed(
                    "create-webhook",
                    hook,
                    "--request",
                    "POST",
                    "--header",
                    "Content-Type: application/json",
                    "--data",
                    "{\"version\":\"${pactbroker.consumerVersionNumber}\"}",
                    "--user",
                    "ci:s3cret",
                    "--consumer",
                    "orders",
                    "--provider",
                    "inventory",
                    "--contract-published",
                    "--description",
                    "trigger the inventory build",
                    "-b",
                    broker);
            cli.succeed(
                    "publish", pacts.toString(), "--consumer-app-version", "1.0.1", "--branch", "feat/x", "-b", broker);

            Instant end = Instant.now().plusSeconds(60);
            while (received.isEmpty() && Instant.now().isBefore(end)) {
                Thread.sleep(200);
            }
            assertThat(received).containsExactly("POST /build?branch=feat%2Fx {\"version\":\"1.0.1\"}");
            // the executor records the outcome after the receiver has answered
            Instant recorded = Instant.now().plusSeconds(30);
            while (!"success".equals(text(db, "SELECT status FROM triggered_webhooks"))
                    && Instant.now().isBefore(recorded)) {
                Thread.sleep(100);
            }
            assertThat(text(db, "SELECT status FROM triggered_webhooks")).isEqualTo("success");
            assertThat(text(db, "SELECT logs FROM webhook_executions"))
                    .contains("Successfully executed webhook")
                    .doesNotContain("s3cret");
        } finally {
            receiver.stop(0);
        }
    }

    private static String text(TestDatabase db, String sql) throws Exception {
        try (Connection c = db.connect();
                ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
