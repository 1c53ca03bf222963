package io.pactport.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.pactport.core.testing.LegacyDataset;
import io.pactport.core.testing.OlderPactBrokerDatabases;
import io.pactport.core.testing.TestDatabase;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A Pact Broker 2.108 database full of years of data, taken over by the packaged migration-service the way an operator
 * runs it: plan, migrate killed with SIGKILL at random moments (baseline, Pact Broker steps, Pactport's) and run again,
 * verify; then the packaged broker-api serves every pact in it byte for byte as stored.
 */
class MigrationIT {

    private static final Duration COMMAND = Duration.ofSeconds(180);

    @Test
    void aPactBrokerDatabaseSurvivesKilledMigrationsAndBrokerApiServesEveryPactAsStored() throws Exception {
        TestDatabase db = OlderPactBrokerDatabases.pactBroker2108("migration_it");
        LegacyDataset.Summary data = LegacyDataset.generate(db, 2108, 300);
        Map<String, String> env = Map.of("PACTFLOW_DATABASE_URL", db.rubyUrl());

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
            assertThat(migrate.awaitExit(COMMAND)).as("seed %d:%n%s", seed, migrate.output()).isZero();
        }
        try (ServiceProcess verify = ServiceProcess.start("migration-service", env, "verify")) {
            assertThat(verify.awaitExit(COMMAND)).as(verify.output()).isZero();
            assertThat(verify.output()).contains("verified: nothing was lost",
                    "pacts: " + data.pactVersions() + " read");
        }

        Map<String, String> apiEnv = Map.of("PACTFLOW_DATABASE_URL", db.rubyUrl(),
                "KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:" + ServiceProcess.freePort());
        try (ServiceProcess api = ServiceProcess.start("broker-api", apiEnv)) {
            api.awaitAnswer("/q/health/live", Duration.ofSeconds(90));
            List<String> differences = new ArrayList<>();
            int served = 0;
            try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                    SELECT c.name, p.name, pv.sha, pv.content FROM pact_versions pv
                      JOIN pacticipants c ON c.id = pv.consumer_id JOIN pacticipants p ON p.id = pv.provider_id
                     ORDER BY pv.id""")) {
                while (rs.next()) {
                    String stored = rs.getString(4);
                    HttpResponse<String> response = api.get("/pacts/provider/" + encode(rs.getString(2))
                            + "/consumer/" + encode(rs.getString(1)) + "/pact-version/" + rs.getString(3));
                    served++;
                    // the Pact Broker serves the stored document with createdAt and _links appended
                    String expectedStart = stored.substring(0, stored.length() - 1) + ",\"createdAt\":";
                    if (response.statusCode() != 200 || !response.body().startsWith(expectedStart)) {
                        differences.add(rs.getString(3) + ": " + response.statusCode() + " "
                                + response.body().substring(0, Math.min(300, response.body().length())));
                    }
                }
            }
            assertThat(served).isEqualTo(data.pactVersions());
            assertThat(differences).as("pacts not served as stored").isEmpty();
        }
    }

    @Test
    void aMysqlOrSqliteDatabaseIsRefusedWithThePactBrokerDocsWordsAndNothingElse() throws Exception {
        for (String url : new String[] {"mysql://pact:secret@127.0.0.1:3306/pact_broker", "sqlite:///var/pact.db"}) {
            try (ServiceProcess migrate = ServiceProcess.start("migration-service",
                    Map.of("PACTFLOW_DATABASE_URL", url), "migrate")) {
                assertThat(migrate.awaitExit(COMMAND)).isEqualTo(2);
                assertThat(migrate.output()).contains("Migration is only supported for a Pact Broker running a"
                        + " PostgreSQL database").doesNotContain("Exception", "secret");
            }
        }
    }

    @Test
    void envTranslatesAPactBrokerEnvironmentWhoseDatabaseIsNotPostgresqlWithAWarning() throws Exception {
        try (ServiceProcess env = ServiceProcess.start("migration-service",
                Map.of("PACT_BROKER_DATABASE_URL", "mysql://pact:secret@127.0.0.1:3306/pact_broker"), "env")) {
            assertThat(env.awaitExit(COMMAND)).as(env.output()).isZero();
            assertThat(env.output()).contains("PACTFLOW_DATABASE_URL=", "only PostgreSQL is supported")
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
