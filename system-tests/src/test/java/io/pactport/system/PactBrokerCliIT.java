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
        Map<String, String> env = Map.of(
                "PACTFLOW_DATABASE_URL",
                db.rubyUrl(),
                "PACTFLOW_DATABASE_AUTO_MIGRATE",
                "true",
                "KAFKA_BOOTSTRAP_SERVERS",
                TestKafka.bootstrapServers());
        Path pacts = Files.createTempDirectory("pacts");
        Files.writeString(pacts.resolve("orders-inventory.json"), """
                {"consumer":{"name":"orders"},"provider":{"name":"inventory"},
                 "interactions":[{"description":"a stock query","request":{"method":"GET","path":"/stock/42"},
                                  "response":{"status":200,"body":{"count":7}}}],
                 "metadata":{"pactSpecification":{"version":"2.0.0"}}}""");

        try (ServiceProcess api = ServiceProcess.start("broker-api", env)) {
            api.awaitReady(Duration.ofSeconds(90));
            String broker = "http://127.0.0.1:" + api.port;

            cli.succeed(
                    "publish", pacts.toString(), "--consumer-app-version", "1.0.0", "--branch", "main", "-b", broker);
            cli.succeed("create-environment", "--name", "production", "--production", "-b", broker);
            cli.succeed(
                    "record-deployment",
                    "--pacticipant",
                    "orders",
                    "--version",
                    "1.0.0",
                    "--environment",
                    "production",
                    "-b",
                    broker);
            String described = cli.succeed(
                    "describe-version",
                    "--pacticipant",
                    "orders",
                    "--version",
                    "1.0.0",
                    "--output",
                    "json",
                    "-b",
                    broker);

            assertThat(described).contains("1.0.0");
            assertThat(count(db, "SELECT count(*) FROM pact_publications")).isEqualTo(1);
            assertThat(count(db, "SELECT count(*) FROM branch_heads WHERE branch_name = 'main'"))
                    .isEqualTo(1);
            assertThat(count(db, "SELECT count(*) FROM currently_deployed_version_ids"))
                    .isEqualTo(1);
        }
    }

    /**
     * {@code pact-broker publish} prints the notices of {@code POST /contracts/publish}, each on one line with its
     * whitespace collapsed, after {@code ✅ } (or, for a refusal, the errors and then the notices under "Details:").
     * The expected texts are the Pact Broker 2.120's (contracts/service.rb, locale/en.yml, pacts/service.rb), laid
     * out as the CLI lays them out; only the broker's address and the triggered webhook's uuid vary.
     */
    @Test
    void publishPrintsThePactBrokersNoticesWordForWord() throws Exception {
        TestDatabase db = TestPostgres.newDatabase("clinotices");
        Map<String, String> env = Map.of(
                "PACTFLOW_DATABASE_URL",
                db.rubyUrl(),
                "PACTFLOW_DATABASE_AUTO_MIGRATE",
                "true",
                "KAFKA_BOOTSTRAP_SERVERS",
                TestKafka.bootstrapServers(),
                "PACT_BROKER_WEBHOOK_HOST_WHITELIST",
                "127.0.0.1",
                "PACT_BROKER_WEBHOOK_SCHEME_WHITELIST",
                "http");
        Path original = pactDirectory(7);
        Path changed = pactDirectory(8);
        String attempt = "\n📨 Attempting to publish pact for consumer: orders against provider: inventory\n";
        String verificationStep = "* Add Pact verification tests to the inventory build. See"
                + " https://docs.pact.io/go/provider_verification\n";
        String webhookStep = "* Configure separate inventory pact verification build and webhook to trigger it when the"
                + " pact content changes. See https://docs.pact.io/go/webhooks\n";

        try (ServiceProcess api = ServiceProcess.start("broker-api", env)) {
            api.awaitReady(Duration.ofSeconds(90));
            String broker = "http://127.0.0.1:" + api.port;
            String pactUrl = broker + "/pacts/provider/inventory/consumer/orders/version/";

            assertThat(cli.run("publish", original.toString(), "-a", "1.0.0", "--branch", "main", "-b", broker))
                    .isEqualTo(new PactBrokerCli.Run(
                            0,
                            attempt
                                    + "✅ Created orders version 1.0.0 with branch main\n"
                                    + "Pact successfully published for orders version 1.0.0 and provider inventory.\n"
                                    + "View the published pact at " + pactUrl + "1.0.0\n"
                                    + "Events detected: contract_published, contract_content_changed (first time untagged pact"
                                    + " published)\n"
                                    + "Next steps:\n" + verificationStep + webhookStep));

            assertThat(cli.run("publish", original.toString(), "-a", "1.0.0", "--branch", "main", "-b", broker))
                    .isEqualTo(new PactBrokerCli.Run(
                            0,
                            attempt
                                    + "✅ Updated orders version 1.0.0 with branch main\n"
                                    + "Pact successfully republished for orders version 1.0.0 and provider inventory with no"
                                    + " content changes.\n"
                                    + "View the published pact at " + pactUrl + "1.0.0\n"
                                    + "Events detected: contract_published\n"
                                    + "Next steps:\n" + verificationStep + webhookStep));

            assertThat(cli.run("publish", original.toString(), "-a", "1.0.1", "--tag", "master", "-b", broker))
                    .isEqualTo(new PactBrokerCli.Run(
                            0,
                            attempt
                                    + "✅ Created orders version 1.0.1 with tags master\n"
                                    + "Next steps: Configure the version branch to be the value of your repository branch.\n"
                                    + "Pact successfully published for orders version 1.0.1 and provider inventory.\n"
                                    + "View the published pact at " + pactUrl + "1.0.1\n"
                                    + "Events detected: contract_published, contract_content_changed (first time any pact"
                                    + " published for this consumer with consumer version tagged master)\n"
                                    + "Next steps:\n" + verificationStep + webhookStep));

            cli.succeed(
                    "create-webhook",
                    "http://127.0.0.1:9/build",
                    "--request",
                    "POST",
                    "--consumer",
                    "orders",
                    "--provider",
                    "inventory",
                    "--contract-published",
                    "--description",
                    "trigger the inventory build",
                    "-b",
                    broker);
            PactBrokerCli.Run triggering =
                    cli.run("publish", original.toString(), "-a", "1.0.2", "--branch", "main", "-b", broker);
            String triggered = text(db, "SELECT uuid FROM triggered_webhooks");
            // the untagged 1.0.0 has the same content, and 1.0.2 has no tags to name
            assertThat(triggering)
                    .isEqualTo(new PactBrokerCli.Run(
                            0,
                            attempt
                                    + "✅ Created orders version 1.0.2 with branch main\n"
                                    + "Pact successfully published for orders version 1.0.2 and provider inventory.\n"
                                    + "View the published pact at " + pactUrl + "1.0.2\n"
                                    + "Events detected: contract_published (pact content is the same as previous versions with tags"
                                    + " and no new tags were applied)\n"
                                    + "Webhook \"trigger the inventory build\" triggered for event contract_published. View logs at "
                                    + broker + "/triggered-webhooks/" + triggered + "/logs\n"
                                    + "Next steps:\n" + verificationStep));

            String refusal = "Cannot change the content of the pact for orders version 1.0.0 and provider inventory, as"
                    + " race conditions will cause unreliable results for can-i-deploy. Each pact must be published"
                    + " with a unique consumer version number. Some Pact libraries generate random data when a"
                    + " concrete value for a type matcher is not specified, and this can cause the contract to mutate"
                    + " - ensure you have given example values for all type matchers. For more information see"
                    + " https://docs.pact.io/go/versioning";
            assertThat(cli.run("publish", changed.toString(), "-a", "1.0.0", "--branch", "main", "-b", broker))
                    .isEqualTo(new PactBrokerCli.Run(
                            1,
                            attempt
                                    + "❌ Pact publication failed:\n"
                                    + "   contracts: " + refusal + "\n"
                                    + "\nDetails:\n"
                                    + refusal + "\n"
                                    // the diff of the two pacts, one line in the CLI
                                    + "{ \"response\": { \"body\": { - \"count\": 7 + \"count\": 8 } } },\n"));
            assertThat(count(db, "SELECT count(*) FROM pact_versions")).isEqualTo(1);
        }
    }

    /** A directory holding the one pact of orders with inventory, whose stock count is {@code count}. */
    private static Path pactDirectory(int count) throws Exception {
        Path pacts = Files.createTempDirectory("pacts");
        Files.writeString(pacts.resolve("orders-inventory.json"), """
                {"consumer":{"name":"orders"},"provider":{"name":"inventory"},
                 "interactions":[{"description":"a stock query","request":{"method":"GET","path":"/stock/42"},
                                  "response":{"status":200,"body":{"count":%d}}}],
                 "metadata":{"pactSpecification":{"version":"2.0.0"}}}""".formatted(count));
        return pacts;
    }

    private static String text(TestDatabase db, String sql) throws Exception {
        try (Connection c = db.connect();
                ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static long count(TestDatabase db, String sql) throws Exception {
        try (Connection c = db.connect();
                ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
