package io.pactport.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pactport.core.testing.PactBrokerDatabases;
import io.pactport.core.testing.TestDatabase;
import io.pactport.core.testing.TestKafka;
import io.pactport.core.testing.TestPostgres;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * With {@code PACTFLOW_LOG_FORMAT=json} every service logs one JSON object per line, at the level
 * {@code PACTFLOW_LOG_LEVEL} names, and no line carries a secret: not the database password, not a broker user's
 * password, not an API token, whether a request sent them right or wrong, even at debug level.
 */
class JsonLogsIT {

    private static final Duration START = Duration.ofSeconds(90);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyServiceLogsJsonLinesWithoutSecrets() throws Exception {
        TestDatabase admin = TestPostgres.newDatabase("json_logs");
        String dbSecret = "Db-S3cret-In-Url";
        PactBrokerDatabases.execute(
                admin,
                "CREATE ROLE json_logs_app LOGIN PASSWORD '" + dbSecret + "';" + " ALTER DATABASE " + admin.name()
                        + " OWNER TO json_logs_app");
        TestDatabase db = new TestDatabase(admin.host(), admin.port(), admin.name(), "json_logs_app", dbSecret);
        String password = "Us3r-Pw-Never-Logged";
        String token = "t0ken-never-logged-0123456789";
        Map<String, String> env = Map.of(
                "PACTFLOW_DATABASE_URL",
                db.rubyUrl(),
                "KAFKA_BOOTSTRAP_SERVERS",
                TestKafka.bootstrapServers(),
                "PACTFLOW_LOG_FORMAT",
                "json",
                "PACT_BROKER_LOG_LEVEL",
                "debug",
                "PACTFLOW_BASIC_AUTH_USERNAME",
                "ci",
                "PACTFLOW_BASIC_AUTH_PASSWORD",
                password,
                "PACTFLOW_READ_WRITE_API_TOKENS",
                token);
        try (ServiceProcess migration = ServiceProcess.start("migration-service", env, "migrate")) {
            assertThat(migration.awaitExit(START)).as(migration.output()).isZero();
        }
        List<String> secrets = List.of(dbSecret, password, token, basic("ci", password), basic("ci", password + "x"));
        try (ServiceProcess api = ServiceProcess.start("broker-api", env);
                ServiceProcess retention = ServiceProcess.start("retention-service", env);
                ServiceProcess sync = ServiceProcess.start("parallel-sync-service", env)) {
            for (ServiceProcess service : new ServiceProcess[] {api, retention, sync}) {
                service.awaitReady(START);
                // right and wrong credentials, as header and as token: none of them may reach a log line
                assertThat(service.send("GET", "/", null, "Authorization", "Basic " + basic("ci", password))
                                .statusCode())
                        .isLessThan(500);
                assertThat(service.send("GET", "/", null, "Authorization", "Basic " + basic("ci", password + "x"))
                                .statusCode())
                        .isEqualTo(401);
                assertThat(service.send("GET", "/", null, "Authorization", "Bearer " + token)
                                .statusCode())
                        .isLessThan(500);
            }
            assertThat(api.send(
                                    "PUT",
                                    "/pacticipants/orders/versions/1.0.0/tags/main",
                                    "{}",
                                    "Authorization",
                                    "Bearer " + token,
                                    "Content-Type",
                                    "application/json")
                            .statusCode())
                    .isEqualTo(201);
            for (ServiceProcess service : new ServiceProcess[] {api, retention, sync}) {
                List<JsonNode> lines = jsonLines(service.output());
                assertThat(lines).as("JSON log lines of %s", service).hasSizeGreaterThan(5);
                assertThat(lines)
                        .extracting(line -> line.path("level").asText())
                        .contains("DEBUG", "INFO");
                assertThat(lines)
                        .allSatisfy(line -> assertThat(line.has("message")).isTrue());
                for (String secret : secrets) {
                    assertThat(service.output())
                            .as("a secret in the log of %s", service)
                            .doesNotContain(secret);
                }
            }
        }
    }

    private static String basic(String user, String password) {
        return Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** Every line that starts a JSON object, parsed; a line the JVM writes before logging starts is left out. */
    private static List<JsonNode> jsonLines(String output) throws Exception {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : output.split("\n")) {
            if (line.startsWith("{")) {
                lines.add(JSON.readTree(line));
            }
        }
        return lines;
    }
}
