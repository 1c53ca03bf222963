package io.pactport.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.pactport.core.testing.PactBrokerDatabases;
import io.pactport.core.testing.TestDatabase;
import io.pactport.core.testing.TestKafka;
import io.pactport.core.testing.TestPostgres;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The packaged suite as an operator runs it: migrate, then start every service against real PostgreSQL and Kafka. */
class SuiteIT {

    private static final Duration START = Duration.ofSeconds(90);

    @Test
    void migratedDatabaseServesTheWholeSuite() throws Exception {
        TestDatabase db = TestPostgres.newDatabase("suite");
        Map<String, String> env =
                Map.of("PACTFLOW_DATABASE_URL", db.rubyUrl(), "KAFKA_BOOTSTRAP_SERVERS", TestKafka.bootstrapServers());

        try (ServiceProcess migration = ServiceProcess.start("migration-service", env, "migrate")) {
            assertThat(migration.awaitExit(START)).as(migration.output()).isZero();
            assertThat(migration.output()).containsPattern("a Pactport database at V\\d+, up to date");
        }

        try (ServiceProcess api = ServiceProcess.start("broker-api", env);
                ServiceProcess retention = ServiceProcess.start("retention-service", env);
                ServiceProcess sync = ServiceProcess.start("parallel-sync-service", env)) {
            for (ServiceProcess service : new ServiceProcess[] {api, retention, sync}) {
                service.awaitReady(START);
                assertThat(service.get("/q/health/ready").body()).contains("Kafka connection health check");
            }
            HttpResponse<String> index = api.get("/");
            assertThat(index.statusCode()).isEqualTo(200);
            assertThat(index.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/hal+json"));
            assertThat(index.body()).contains("\"pb:publish-contracts\"", "/contracts/publish");
        }
    }

    @Test
    void aServiceRefusesToStartOnAnUnmigratedDatabaseAndSaysWhatToRun() throws Exception {
        TestDatabase admin = TestPostgres.newDatabase("suite_stale");
        String secret = "Sup3r-S3cret-Pw";
        PactBrokerDatabases.execute(
                admin,
                "CREATE ROLE suite_app LOGIN PASSWORD '" + secret + "';" + " ALTER DATABASE " + admin.name()
                        + " OWNER TO suite_app");
        TestDatabase db = new TestDatabase(admin.host(), admin.port(), admin.name(), "suite_app", secret);
        Map<String, String> env =
                Map.of("PACTFLOW_DATABASE_URL", db.rubyUrl(), "KAFKA_BOOTSTRAP_SERVERS", TestKafka.bootstrapServers());

        try (ServiceProcess api = ServiceProcess.start("broker-api", env)) {
            assertThat(api.awaitExit(START)).isNotZero();
            assertThat(api.output())
                    .contains(
                            "an empty database",
                            "Run the migration first (`./pactport migrate`",
                            "PACTFLOW_DATABASE_AUTO_MIGRATE=true");
            assertThat(api.output()).doesNotContain(secret);
        }
    }

    @Test
    void readinessIsDownWhileKafkaIsUnreachable() throws Exception {
        TestDatabase db = TestPostgres.newDatabase("suite_no_kafka");
        Map<String, String> env = Map.of(
                "PACTFLOW_DATABASE_URL",
                db.rubyUrl(),
                "PACTFLOW_DATABASE_AUTO_MIGRATE",
                "true",
                "KAFKA_BOOTSTRAP_SERVERS",
                "127.0.0.1:" + ServiceProcess.freePort());

        try (ServiceProcess api = ServiceProcess.start("broker-api", env)) {
            HttpResponse<String> ready = api.awaitAnswer("/q/health/ready", START);
            assertThat(ready.statusCode()).isEqualTo(503);
            assertThat(ready.body()).contains("Kafka connection health check", "DOWN");
            assertThat(api.get("/q/health/live").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void contradictoryOldAndNewDatabaseSettingsStopTheStartNamingBoth() throws Exception {
        TestDatabase db = TestPostgres.newDatabase("suite_conflict");
        Map<String, String> env = Map.of(
                "PACTFLOW_DATABASE_URL",
                db.rubyUrl(),
                "PACT_BROKER_DATABASE_URL",
                "postgres://old:Old-S3cret@elsewhere:5432/pact_broker",
                "KAFKA_BOOTSTRAP_SERVERS",
                TestKafka.bootstrapServers());

        try (ServiceProcess api = ServiceProcess.start("broker-api", env)) {
            assertThat(api.awaitExit(START)).isNotZero();
            assertThat(api.output())
                    .contains("PACTFLOW_DATABASE_URL and PACT_BROKER_DATABASE_URL are both set")
                    .doesNotContain("Old-S3cret");
        }
    }
}
