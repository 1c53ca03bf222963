package io.pactport.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pactport.core.testing.TestDatabase;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The clean on the benchmark dataset (1M versions at scale 1), as an operator runs it: the packaged retention-service,
 * with its default batches and pacing, keeping only each pacticipant's latest version (and, always, the deployed and
 * released ones), so it deletes nearly every version with its pacts, verifications, tags, branches and deployments,
 * while broker-api answers can-i-deploy next to it. Reports versions deleted per second and can-i-deploy's latencies
 * during the clean next to the same requests without it (targets: at least 5,000 versions/s; p99 up by less than
 * 20%). Works on a copy of the kept dataset ({@link BenchmarkEnvironment#copyOfSeeded}), dropped at the end. Opt-in,
 * with the other benchmarks: {@code mvn -B -pl broker-core,broker-api,migration-service,retention-service,
 * parallel-sync-service,system-tests verify -Pbenchmark -Dit.test=RetentionBenchmark -Dtest=none
 * -Dsurefire.failIfNoSpecifiedTests=false} ({@code -Dpactport.benchmark.scale=0.01} for a quick run,
 * {@code -Dpactport.benchmark.pauseRatio=0} for the clean without pauses); the figures go to
 * {@code target/benchmark/retention.md}.
 */
@EnabledIfSystemProperty(named = "pactport.benchmark", matches = "true")
class RetentionBenchmark {

    private static final int WARM_UP = 300;
    private static final int BASELINE = 1000;
    private static final String SELECTORS = "[{\"latest\":true}]";
    private static final String PAUSE_RATIO = System.getProperty("pactport.benchmark.pauseRatio");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern DELETED = Pattern.compile(
            "^pactport_retention_versions_deleted_total(?:\\{[^}]*})?" + " ([0-9.E]+)$", Pattern.MULTILINE);

    @Test
    void cleanThroughputAndCanIDeployNextToIt() throws Exception {
        try (BenchmarkEnvironment bench = BenchmarkEnvironment.start()) {
            TestDatabase db = bench.copyOfSeeded(
                    "retention_" + String.valueOf(bench.scale).replaceAll("[^0-9]", "_"));
            try {
                measure(bench, db);
            } finally {
                bench.drop(db);
            }
        }
    }

    private static void measure(BenchmarkEnvironment bench, TestDatabase db) throws Exception {
        List<String[]> samples = keptVersions(db);
        long versionsBefore = count(db, "versions");
        try (ServiceProcess api = BenchmarkEnvironment.startBrokerApi(db)) {
            String base = "http://127.0.0.1:" + api.port;
            IntFunction<HttpRequest> canIDeploy = k -> {
                String[] sample = samples.get(k % samples.size());
                return HttpRequest.newBuilder(URI.create(base + "/can-i-deploy?pacticipant=" + sample[0] + "&version="
                                + sample[1] + "&environment=production"))
                        .timeout(Duration.ofSeconds(30))
                        .build();
            };
            BenchmarkEnvironment.time("can-i-deploy (warm-up)", canIDeploy, 0, WARM_UP);
            BenchmarkEnvironment.Latencies without =
                    BenchmarkEnvironment.time("can-i-deploy", canIDeploy, WARM_UP, BASELINE);

            Map<String, String> env = new HashMap<>(BenchmarkEnvironment.serviceEnv(db));
            env.put("PACTFLOW_DATABASE_CLEAN_KEEP_VERSION_SELECTORS", SELECTORS);
            env.put("PACTFLOW_DATABASE_CLEAN_DELETION_LIMIT", Long.toString(versionsBefore));
            // the defaults unless told otherwise, e.g. -Dpactport.benchmark.pauseRatio=0 for the clean's raw speed
            if (PAUSE_RATIO != null) {
                env.put("PACTFLOW_DATABASE_CLEAN_BATCH_PAUSE_RATIO", PAUSE_RATIO);
            }
            try (ServiceProcess retention = ServiceProcess.start("retention-service", env)) {
                retention.awaitReady(Duration.ofSeconds(120));
                HttpResponse<String> started = BenchmarkEnvironment.HTTP.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + retention.port + "/retention/runs"))
                                .POST(HttpRequest.BodyPublishers.noBody())
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
                long id = JSON.readTree(started.body()).get("id").asLong();
                long start = System.nanoTime();

                // can-i-deploy one request after another while the run lasts; every 50 requests, where the run is
                List<Long> during = new ArrayList<>();
                long versionsPhaseNanos = 0;
                double lastDeleted = -1;
                JsonNode run = null;
                for (int k = WARM_UP + BASELINE; run == null; k++) {
                    during.add(BenchmarkEnvironment.time("can-i-deploy during the clean", canIDeploy, k, 1)
                            .nanos()[0]);
                    if (during.size() % 50 == 0
                            || System.nanoTime() - start
                                    > Duration.ofMinutes(30).toNanos()) {
                        double deleted = deleted(retention);
                        if (deleted > lastDeleted) {
                            versionsPhaseNanos = System.nanoTime() - start;
                            lastDeleted = deleted;
                        }
                        JsonNode now = JSON.readTree(
                                retention.get("/retention/runs/" + id).body());
                        if (!"running".equals(now.get("status").asText())) {
                            run = now;
                        }
                        assertThat(System.nanoTime() - start)
                                .as("the run took over 30 minutes")
                                .isLessThan(Duration.ofMinutes(30).toNanos());
                    }
                }
                assertThat(run.get("status").asText()).as(run.toString()).isEqualTo("succeeded");
                // with the triggers when the database user may not turn them off: a different speed, so say which
                String mode = retention.output().contains("without PostgreSQL's foreign-key triggers")
                        ? "without foreign-key triggers"
                        : "with foreign-key triggers";
                report(
                        bench,
                        run,
                        mode,
                        versionsBefore,
                        count(db, "versions"),
                        versionsPhaseNanos,
                        without,
                        new BenchmarkEnvironment.Latencies(
                                during.stream().mapToLong(Long::longValue).toArray()));
            }
        }
    }

    private static void report(
            BenchmarkEnvironment bench,
            JsonNode run,
            String mode,
            long before,
            long after,
            long versionsPhaseNanos,
            BenchmarkEnvironment.Latencies without,
            BenchmarkEnvironment.Latencies during)
            throws Exception {
        int deleted = run.get("versionsDeleted").asInt();
        assertThat(after).isEqualTo(before - deleted);
        double runSeconds = run.get("durationMillis").asLong() / 1000.0;
        double versionsSeconds = versionsPhaseNanos / 1e9;
        double rise = 100 * (during.millis(0.99) / without.millis(0.99) - 1);
        List<String> lines = new ArrayList<>();
        lines.add("Clean of the benchmark dataset (scale " + bench.scale + ": " + before + " versions, "
                + bench.shape.pacticipants() + " pacticipants), keep selectors " + SELECTORS
                + " (+ deployed, released), default batch size, "
                + (PAUSE_RATIO == null ? "default pacing" : "pause ratio " + PAUSE_RATIO) + ", deletion limit " + before
                + ", versions deleted " + mode + ".");
        lines.add("Load average at the end: " + BenchmarkEnvironment.loadAverage() + ".");
        lines.add("");
        lines.add("| clean | versions deleted | seconds | versions/s | target |");
        lines.add("|---|---|---|---|---|");
        lines.add(String.format(
                "| versions phase (until the last version was deleted, ±50 requests) | %d | %.1f |" + " %.0f | 5000 |",
                deleted, versionsSeconds, deleted / versionsSeconds));
        lines.add(String.format(
                "| whole run (and overwritten data, orphan pact content) | %d | %.1f | %.0f | |",
                deleted, runSeconds, deleted / runSeconds));
        lines.add("");
        lines.add("| can-i-deploy --to-environment production (kept versions) | requests | p50 ms | p95 ms | p99 ms |");
        lines.add("|---|---|---|---|---|");
        lines.add(row("without a clean", without));
        lines.add(row("during the clean", during));
        lines.add(String.format(
                "%nRise of p99 during the clean: %.0f%% (target: under 20%%). Tables: %s", rise, run.get("result")));
        BenchmarkEnvironment.writeResults("retention.md", lines);
    }

    private static String row(String name, BenchmarkEnvironment.Latencies l) {
        return "| " + name + " | " + l.count() + " | " + l.ms(0.50) + " | " + l.ms(0.95) + " | " + l.ms(0.99) + " |";
    }

    /** What retention-service's counter says it deleted so far. */
    private static double deleted(ServiceProcess retention) throws Exception {
        Matcher m = DELETED.matcher(retention.get("/q/metrics").body());
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    /**
     * Versions the clean keeps, as can-i-deploy samples: each pacticipant's latest and its deployed ones (a request
     * about a version deleted meanwhile would measure a 404).
     */
    private static List<String[]> keptVersions(TestDatabase db) throws Exception {
        List<String[]> samples = new ArrayList<>();
        try (Connection c = db.connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("""
                SELECT p.name, v.number FROM versions v JOIN pacticipants p ON p.id = v.pacticipant_id
                WHERE v.id IN (SELECT DISTINCT ON (pacticipant_id) id FROM versions
                               ORDER BY pacticipant_id, "order" DESC)
                   OR v.id IN (SELECT version_id FROM currently_deployed_version_ids)
                ORDER BY md5(v.number)""")) {
            while (rs.next()) {
                samples.add(new String[] {encode(rs.getString(1)), encode(rs.getString(2))});
            }
        }
        assertThat(samples).isNotEmpty();
        return samples;
    }

    private static long count(TestDatabase db, String table) throws Exception {
        try (Connection c = db.connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
