package io.pactport.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.pactport.core.testing.TestDatabase;
import io.pactport.core.testing.TestKafka;
import io.pactport.core.testing.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The official {@code pact-broker} CLI (npm {@code @pact-foundation/pact-cli}, installed by {@code .ci/run} into
 * {@code .tools/}) against the packaged broker-api, as a team's CI would use it. Skipped, and says so, where the CLI is
 * not installed.
 */
class PactBrokerCliIT {

    private static PactBrokerCli cli;

    @BeforeAll
    static void findCli() {
        cli = PactBrokerCli.findOrSkip();
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

            cli.succeed("publish", pacts.toString(), "--consumer-app-version", "1.0.0", "--branch", "main", "-b", broker);
            cli.succeed("create-environment", "--name", "production", "--production", "-b", broker);
            cli.succeed("record-deployment", "--pacticipant", "orders", "--version", "1.0.0", "--environment", "production",
                    "-b", broker);
            String described = cli.succeed("describe-version", "--pacticipant", "orders", "--version", "1.0.0",
                    "--output", "json", "-b", broker);

            assertThat(described).contains("1.0.0");
            assertThat(count(db, "SELECT count(*) FROM pact_publications")).isEqualTo(1);
            assertThat(count(db, "SELECT count(*) FROM branch_heads WHERE branch_name = 'main'")).isEqualTo(1);
            assertThat(count(db, "SELECT count(*) FROM currently_deployed_version_ids")).isEqualTo(1);
        }
    }


    private static long count(TestDatabase db, String sql) throws Exception {
        try (Connection c = db.connect(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
