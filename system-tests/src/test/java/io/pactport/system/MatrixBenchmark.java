package io.pactport.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.pactport.core.testing.BenchmarkDataset;
import io.pactport.core.testing.TestDatabase;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Latency of can-i-deploy, the matrix and pacts-for-verification on the benchmark dataset (1M versions, 2M
 * verifications, 200 pacticipants at scale 1), against the packaged broker-api. Opt-in:
 * {@code mvn -B -pl broker-core,broker-api,migration-service,retention-service,parallel-sync-service,system-tests
 * verify -Pbenchmark -Dit.test=MatrixBenchmark -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false}
 * ({@code -Dpactport.benchmark.scale=0.01} for a quick run). The seeded database is kept in
 * {@code system-tests/target/benchmark-pg} and reused by the next run at the same scale. Each form (can-i-deploy and
 * matrix forms; pacts for verification with the default selectors, with mainBranch + deployedOrReleased and pending,
 * and with WIP too) is asked {@value #WARM_UP} times to warm up, then {@value #MEASURED} times one request after
 * another, each about a different pacticipant and version; the figures, with the targets and the load average, go to
 * {@code target/benchmark/results.md}.
 */
@EnabledIfSystemProperty(named = "pactport.benchmark", matches = "true")
class MatrixBenchmark {

    private static final int WARM_UP = 300;
    private static final int MEASURED = 1000;
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** One request shape: its name, target and a request for sample {@code k}. */
    private record Form(String name, int targetMillis, IntFunction<HttpRequest> request) {}

    private record Sample(String pacticipant, String version, String provider, String providerVersion) {}

    @Test
    void latencies() throws Exception {
        try (BenchmarkEnvironment bench = BenchmarkEnvironment.start()) {
            double scale = bench.scale;
            BenchmarkDataset.Shape shape = bench.shape;
            TestDatabase db = bench.seeded();
            List<Sample> samples = samples(db, shape);
            try (ServiceProcess api = BenchmarkEnvironment.startBrokerApi(db)) {
                String base = "http://127.0.0.1:" + api.port;
                List<String> lines = new ArrayList<>();
                lines.add("Measured " + Instant.now().truncatedTo(ChronoUnit.SECONDS) + " on "
                        + Runtime.getRuntime().availableProcessors() + " cores, load average at the start "
                        + BenchmarkEnvironment.loadAverage() + "; each form " + WARM_UP + " requests to warm up, then "
                        + MEASURED
                        + " timed one after another.");
                lines.add("");
                lines.add("| request (scale " + scale + ": " + shape.versions() + " versions, " + shape.pacticipants()
                        + " pacticipants) | p50 ms | p95 ms | p99 ms | target p99 |");
                lines.add("|---|---|---|---|---|");
                for (Form form : forms(base, samples)) {
                    lines.add(measure(form));
                    System.out.println(lines.get(lines.size() - 1));
                }
                lines.add("");
                lines.add("Load average at the end: " + BenchmarkEnvironment.loadAverage() + ".");
                BenchmarkEnvironment.writeResults("results.md", lines);
            }
        }
    }

    private static List<Form> forms(String base, List<Sample> samples) {
        List<Form> forms = new ArrayList<>();
        forms.add(new Form(
                "can-i-deploy --to-environment production",
                25,
                k -> get(base + "/can-i-deploy?pacticipant=" + samples.get(k).pacticipant() + "&version="
                        + samples.get(k).version() + "&environment=production")));
        forms.add(new Form(
                "can-i-deploy --to prod (tag)",
                25,
                k -> get(base + "/can-i-deploy?pacticipant=" + samples.get(k).pacticipant() + "&version="
                        + samples.get(k).version() + "&to=prod")));
        forms.add(new Form(
                "matrix: version with latest of the others (CLI, no target)",
                25,
                k -> get(base
                        + "/matrix?q%5B%5D%5Bpacticipant%5D=" + samples.get(k).pacticipant() + "&q%5B%5D%5Bversion%5D="
                        + samples.get(k).version() + "&latestby=cvp&latest=true")));
        forms.add(new Form(
                "matrix: version to the main branch",
                25,
                k -> get(base
                        + "/matrix?q%5B%5D%5Bpacticipant%5D=" + samples.get(k).pacticipant() + "&q%5B%5D%5Bversion%5D="
                        + samples.get(k).version() + "&latestby=cvp&latest=true&mainBranch=true")));
        forms.add(new Form(
                "matrix: consumer version and provider version",
                25,
                k -> get(base
                        + "/matrix?q%5B%5D%5Bpacticipant%5D=" + samples.get(k).pacticipant() + "&q%5B%5D%5Bversion%5D="
                        + samples.get(k).version() + "&q%5B%5D%5Bpacticipant%5D="
                        + samples.get(k).provider()
                        + "&q%5B%5D%5Bversion%5D=" + samples.get(k).providerVersion() + "&latestby=cvpv")));
        forms.add(new Form(
                "can-i-deploy branch main to production (shortcut URL)",
                25,
                k -> get(base
                        + "/pacticipants/" + samples.get(k).pacticipant()
                        + "/branches/main/latest-version/can-i-deploy/to-environment/production")));
        forms.add(pactsForVerification(base, samples, "default selectors", "{}"));
        forms.add(pactsForVerification(
                base,
                samples,
                "mainBranch, deployedOrReleased, pending",
                "{\"consumerVersionSelectors\":[{\"mainBranch\":true},{\"deployedOrReleased\":true}],"
                        + "\"providerVersionBranch\":\"main\",\"includePendingStatus\":true}"));
        // pact-jvm's and the docs' usual WIP setting: a fixed date long ago, so every pact of the provider is a
        // candidate
        forms.add(pactsForVerification(
                base,
                samples,
                "mainBranch, deployedOrReleased, pending, WIP",
                "{\"consumerVersionSelectors\":[{\"mainBranch\":true},{\"deployedOrReleased\":true}],"
                        + "\"providerVersionBranch\":\"main\",\"includePendingStatus\":true,"
                        + "\"includeWipPactsSince\":\"2020-01-01\"}"));
        return forms;
    }

    private static Form pactsForVerification(String base, List<Sample> samples, String name, String body) {
        return new Form(
                "POST pacts for verification (" + name + ")",
                50,
                k -> HttpRequest.newBuilder(URI.create(
                                base + "/pacts/provider/" + samples.get(k).provider() + "/for-verification"))
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build());
    }

    private static HttpRequest get(String url) {
        return HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .build();
    }

    private static String measure(Form form) throws Exception {
        HttpResponse<String> first = HTTP.send(form.request().apply(0), HttpResponse.BodyHandlers.ofString());
        if (first.statusCode() == 404) {
            return "| " + form.name() + " | not available (404) | | | " + form.targetMillis() + " |";
        }
        assertThat(first.statusCode()).as(form.name() + ": " + first.body()).isEqualTo(200);
        BenchmarkEnvironment.time(form.name(), form.request(), 0, WARM_UP);
        BenchmarkEnvironment.Latencies l = BenchmarkEnvironment.time(form.name(), form.request(), WARM_UP, MEASURED);
        return "| " + form.name() + " | " + l.ms(0.50) + " | " + l.ms(0.95) + " | " + l.ms(0.99) + " | "
                + form.targetMillis() + " |";
    }

    /**
     * Requests about recent versions of random pacticipants, as CI asks: a consumer version and a provider version
     * that verified its pact.
     */
    private static List<Sample> samples(TestDatabase db, BenchmarkDataset.Shape shape) throws Exception {
        Random random = new Random(42);
        List<Sample> samples = new ArrayList<>();
        try (Connection c = db.connect();
                PreparedStatement s = c.prepareStatement("""
                SELECT cp.name, cv.number, pp.name, pv.number
                FROM versions cv JOIN pacticipants cp ON cp.id = cv.pacticipant_id
                JOIN latest_pact_publication_ids_for_consumer_versions l ON l.consumer_version_id = cv.id
                JOIN latest_verification_id_for_pact_version_and_provider_version lv
                  ON lv.pact_version_id = l.pact_version_id
                JOIN versions pv ON pv.id = lv.provider_version_id JOIN pacticipants pp ON pp.id = pv.pacticipant_id
                WHERE cv.id = ? LIMIT 1""")) {
            while (samples.size() < WARM_UP + MEASURED) {
                int i = random.nextInt(shape.pacticipants());
                int n = shape.versionsPerPacticipant()
                        - 1
                        - random.nextInt(Math.min(200, shape.versionsPerPacticipant() - 1));
                s.setLong(1, (long) i * shape.versionsPerPacticipant() + n + 1);
                try (ResultSet rs = s.executeQuery()) {
                    if (rs.next()) {
                        samples.add(new Sample(
                                encode(rs.getString(1)),
                                encode(rs.getString(2)),
                                encode(rs.getString(3)),
                                encode(rs.getString(4))));
                    }
                }
            }
        }
        return samples;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
