package io.pactport.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pactport.core.schema.Migrator;
import io.pactport.core.testing.LegacyDataset;
import io.pactport.core.testing.OlderPactBrokerDatabases;
import io.pactport.core.testing.PactBrokerDatabases;
import io.pactport.core.testing.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * A Pact Broker 2.108 database full of years of data, taken over by the packaged migration-service the way an operator
 * runs it: plan, migrate killed with SIGKILL at random moments (baseline, Pact Broker steps, Pactport's) and run again,
 * verify; then the packaged broker-api serves every pact in it byte for byte as stored, and answers can-i-deploy as
 * the data says it must ({@link DatasetMatrix}) and exactly as on a Pact Broker 2.120 database of the same data
 * taken over.
 */
class MigrationIT {

    private static final Duration COMMAND = Duration.ofSeconds(180);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long DATASET_SEED = 2108;
    private static final int VERSIONS_PER_PACTICIPANT = 300;
    /** The same base for both broker-apis, so that their answers compare as they are. */
    private static final String BASE_URL = "http://pactport.example.org";

    @Test
    void aPactBrokerDatabaseSurvivesKilledMigrationsAndBrokerApiServesEveryPactAsStored() throws Exception {
        TestDatabase db = OlderPactBrokerDatabases.pactBroker2108("migration_it");
        LegacyDataset.Summary data = LegacyDataset.generate(db, DATASET_SEED, VERSIONS_PER_PACTICIPANT);
        Map<String, String> env = Map.of("PACTFLOW_DATABASE_URL", db.rubyUrl());
        // the same data on the 2.120 layout, taken over directly: its answers are the reference for the 2.108 one
        TestDatabase db2120 = PactBrokerDatabases.pactBroker2120("migration_it_2120");
        assertThat(LegacyDataset.generate(db2120, DATASET_SEED, VERSIONS_PER_PACTICIPANT)
                        .model())
                .isEqualTo(data.model());
        new Migrator(db2120.dataSource()).migrate();

        assertThat(run(env, "plan")).isZero();

        long seed = System.nanoTime();
        Random random = new Random(seed);
        List<String> killedAfter = new ArrayList<>();
        for (int kill = 0; kill < 3; kill++) {
            try (ServiceProcess migrate = ServiceProcess.start("migration-service", env, "migrate")) {
                // a random moment once it is migrating: JVM start-up takes longer than the migration itself
                awaitOutput(migrate, "migrating ");
                Thread.sleep(random.nextInt(2000));
                migrate.kill();
                String[] lines = migrate.output().strip().split("\n");
                killedAfter.add(lines[lines.length - 1]);
            }
        }
        System.out.println("MigrationIT: seed " + seed + ", the killed runs' last lines: " + killedAfter);
        try (ServiceProcess migrate = ServiceProcess.start("migration-service", env, "migrate")) {
            assertThat(migrate.awaitExit(COMMAND))
                    .as("seed %d:%n%s", seed, migrate.output())
                    .isZero();
        }
        try (ServiceProcess verify = ServiceProcess.start("migration-service", env, "verify")) {
            assertThat(verify.awaitExit(COMMAND)).as(verify.output()).isZero();
            assertThat(verify.output())
                    .contains("verified: nothing was lost", "pacts: " + data.pactVersions() + " read");
        }

        try (ServiceProcess api = ServiceProcess.start("broker-api", brokerApiEnv(db));
                ServiceProcess api2120 = ServiceProcess.start("broker-api", brokerApiEnv(db2120))) {
            api.awaitAnswer("/q/health/live", Duration.ofSeconds(90));
            api2120.awaitAnswer("/q/health/live", Duration.ofSeconds(90));
            assertEveryPactServedAsStored(api, db, data);
            assertMatrixAnswersAsTheDataSays(api, api2120, data.model());
        }
    }

    private static Map<String, String> brokerApiEnv(TestDatabase db) throws IOException {
        return Map.of(
                "PACTFLOW_DATABASE_URL",
                db.rubyUrl(),
                "PACTFLOW_BASE_URL",
                BASE_URL,
                "KAFKA_BOOTSTRAP_SERVERS",
                "127.0.0.1:" + ServiceProcess.freePort());
    }

    private static void assertEveryPactServedAsStored(ServiceProcess api, TestDatabase db, LegacyDataset.Summary data)
            throws Exception {
        List<String> differences = new ArrayList<>();
        int served = 0;
        try (Connection c = db.connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("""
                SELECT c.name, p.name, pv.sha, pv.content FROM pact_versions pv
                  JOIN pacticipants c ON c.id = pv.consumer_id JOIN pacticipants p ON p.id = pv.provider_id
                 ORDER BY pv.id""")) {
            while (rs.next()) {
                String stored = rs.getString(4);
                HttpResponse<String> response = api.get("/pacts/provider/" + encode(rs.getString(2)) + "/consumer/"
                        + encode(rs.getString(1)) + "/pact-version/" + rs.getString(3));
                served++;
                // the Pact Broker serves the stored document with createdAt and _links appended
                String expectedStart = stored.substring(0, stored.length() - 1) + ",\"createdAt\":";
                if (response.statusCode() != 200 || !response.body().startsWith(expectedStart)) {
                    differences.add(rs.getString(3) + ": " + response.statusCode() + " "
                            + response.body()
                                    .substring(0, Math.min(300, response.body().length())));
                }
            }
        }
        assertThat(served).isEqualTo(data.pactVersions());
        assertThat(differences).as("pacts not served as stored").isEmpty();
    }

    /**
     * can-i-deploy, as the Pact Broker CLI asks it, for a sample of versions of every pacticipant (its latest, those
     * in each environment, a few at random) to each environment, to the latest {@code prod} and {@code main} tagged
     * versions, and with the latest of the others: the verdict and the rows must be what the data implies, and the
     * whole answer the same as for the 2.120 database.
     */
    private static void assertMatrixAnswersAsTheDataSays(
            ServiceProcess api, ServiceProcess api2120, LegacyDataset.Model model) throws Exception {
        DatasetMatrix expected = new DatasetMatrix(model);
        List<DatasetMatrix.Target> targets = List.of(
                new DatasetMatrix.ToEnvironment("production"),
                new DatasetMatrix.ToEnvironment("test"),
                new DatasetMatrix.ToLatestWithTag("prod"),
                new DatasetMatrix.ToLatestWithTag("main"),
                new DatasetMatrix.ToLatest());
        // a fixed sample of fixed data: the mix of verdicts below is the same on every run
        Random random = new Random(DATASET_SEED);
        long started = System.nanoTime();
        List<String> differences = new ArrayList<>();
        Map<Boolean, Integer> verdicts = new HashMap<>();
        int questions = 0;
        for (Map.Entry<String, List<LegacyDataset.Version>> pacticipant :
                model.versions().entrySet()) {
            List<LegacyDataset.Version> versions = pacticipant.getValue();
            Set<LegacyDataset.Version> sample = new LinkedHashSet<>();
            sample.add(versions.get(versions.size() - 1));
            model.environments()
                    .values()
                    .forEach(in -> versions.stream()
                            .filter(v -> in.getOrDefault(pacticipant.getKey(), Set.of())
                                    .contains(v.id()))
                            .forEach(sample::add));
            for (int i = 0; i < 3; i++) {
                sample.add(versions.get(random.nextInt(versions.size())));
            }
            for (LegacyDataset.Version version : sample) {
                for (DatasetMatrix.Target target : targets) {
                    String question = "/matrix?q%5B%5D%5Bpacticipant%5D=" + encode(pacticipant.getKey())
                            + "&q%5B%5D%5Bversion%5D=" + encode(version.number()) + "&latestby=cvp&" + target.query();
                    CompletableFuture<HttpResponse<String>> asked =
                            CompletableFuture.supplyAsync(() -> get(api2120, question));
                    HttpResponse<String> answer = api.get(question);
                    HttpResponse<String> reference = asked.join();
                    questions++;
                    // compared as JSON: broker-api's key order within a tag or branch entry varies between JVMs
                    if (answer.statusCode() != 200
                            || !JSON.readTree(answer.body()).equals(JSON.readTree(reference.body()))) {
                        differences.add(question + ": 2.108 taken over answered " + answer.statusCode() + " "
                                + answer.body() + "\n  2.120 taken over answered " + reference.statusCode() + " "
                                + reference.body());
                        continue;
                    }
                    DatasetMatrix.Answer want = expected.canIDeploy(pacticipant.getKey(), version.number(), target);
                    DatasetMatrix.Answer got = answerOf(answer.body());
                    verdicts.merge(want.deployable(), 1, Integer::sum);
                    if (!got.equals(want)) {
                        differences.add(question + ":\n  the data says " + want + "\n  broker-api answered " + got);
                    }
                }
            }
        }
        System.out.println("MigrationIT: " + questions + " can-i-deploy questions to both broker-apis in "
                + Duration.ofNanos(System.nanoTime() - started).toMillis() + " ms, expected verdicts " + verdicts);
        assertThat(differences)
                .as("can-i-deploy answers that differ (of %d)", questions)
                .isEmpty();
        // the sample holds every kind of answer, so a broken comparison cannot pass by answering one way
        assertThat(verdicts).containsKeys(true, false, null);
    }

    private static HttpResponse<String> get(ServiceProcess api, String path) {
        try {
            return api.get(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static DatasetMatrix.Answer answerOf(String body) throws IOException {
        JsonNode json = JSON.readTree(body);
        JsonNode deployable = json.path("summary").path("deployable");
        Set<DatasetMatrix.Row> rows = new HashSet<>();
        for (JsonNode row : json.path("matrix")) {
            JsonNode providerVersion = row.path("provider").path("version");
            JsonNode verification = row.path("verificationResult");
            rows.add(new DatasetMatrix.Row(
                    row.path("consumer").path("name").asText(),
                    row.path("consumer").path("version").path("number").asText(),
                    row.path("provider").path("name").asText(),
                    providerVersion.isObject() ? providerVersion.path("number").asText() : null,
                    verification.isObject() ? verification.path("success").asBoolean() : null));
        }
        return new DatasetMatrix.Answer(deployable.isBoolean() ? deployable.asBoolean() : null, rows);
    }

    @Test
    void aMysqlOrSqliteDatabaseIsRefusedWithThePactBrokerDocsWordsAndNothingElse() throws Exception {
        for (String url : new String[] {"mysql://pact:secret@127.0.0.1:3306/pact_broker", "sqlite:///var/pact.db"}) {
            try (ServiceProcess migrate =
                    ServiceProcess.start("migration-service", Map.of("PACTFLOW_DATABASE_URL", url), "migrate")) {
                assertThat(migrate.awaitExit(COMMAND)).isEqualTo(2);
                assertThat(migrate.output())
                        .contains("Migration is only supported for a Pact Broker running a" + " PostgreSQL database")
                        .doesNotContain("Exception", "secret");
            }
        }
    }

    @Test
    void envTranslatesAPactBrokerEnvironmentWhoseDatabaseIsNotPostgresqlWithAWarning() throws Exception {
        try (ServiceProcess env = ServiceProcess.start(
                "migration-service",
                Map.of("PACT_BROKER_DATABASE_URL", "mysql://pact:secret@127.0.0.1:3306/pact_broker"),
                "env")) {
            assertThat(env.awaitExit(COMMAND)).as(env.output()).isZero();
            assertThat(env.output())
                    .contains("PACTFLOW_DATABASE_URL=", "only PostgreSQL is supported")
                    .doesNotContain("Exception", "secret");
        }
    }

    private static void awaitOutput(ServiceProcess process, String text) throws InterruptedException {
        long deadline = System.nanoTime() + COMMAND.toNanos();
        while (!process.output().contains(text)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("migration-service never printed '" + text + "':\n" + process.output());
            }
            Thread.sleep(20);
        }
    }

    private static int run(Map<String, String> env, String command) throws Exception {
        try (ServiceProcess process = ServiceProcess.start("migration-service", env, command)) {
            int exit = process.awaitExit(COMMAND);
            assertThat(exit).as(process.output()).isZero();
            return exit;
        }
    }

    private static String encode(String name) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
