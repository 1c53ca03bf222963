package io.pactport.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.pactport.core.testing.BenchmarkDataset;
import io.pactport.core.testing.TestDatabase;
import java.net.URI;
import java.net.URLEncoder;
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
 * How long the web UI's pages take to render on the benchmark dataset (1M versions, 2M verifications, 200 pacticipants
 * at scale 1), asked as a browser asks (Accept: text/html) of the packaged broker-api. Opt-in like
 * {@link MatrixBenchmark}: {@code -Pbenchmark -Dit.test=PagesBenchmark}. Each page is asked {@value #WARM_UP} times to
 * warm up, then {@value #MEASURED} times one request after another, each about a different pacticipant and version;
 * every answer must be a whole HTML page (200, text/html, its heading and closing tag), or the run fails. The figures,
 * the target (p95 at most {@value #TARGET_P95_MILLIS} ms) and the load average go to
 * {@code target/benchmark/pages.md}.
 */
@EnabledIfSystemProperty(named = "pactport.benchmark", matches = "true")
class PagesBenchmark {

    private static final int WARM_UP = 100;
    private static final int MEASURED = 400;
    private static final int TARGET_P95_MILLIS = 100;
    private static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    private record Page(String name, IntFunction<String> path) {}

    private record Sample(String consumer, String version, String provider) {}

    @Test
    void renderTimes() throws Exception {
        try (BenchmarkEnvironment bench = BenchmarkEnvironment.start()) {
            TestDatabase db = bench.seeded();
            List<Sample> samples = samples(db, bench.shape);
            try (ServiceProcess api = BenchmarkEnvironment.startBrokerApi(db)) {
                String base = "http://127.0.0.1:" + api.port;
                List<String> lines = new ArrayList<>();
                lines.add("Measured " + Instant.now().truncatedTo(ChronoUnit.SECONDS) + " on "
                        + Runtime.getRuntime().availableProcessors() + " cores, load average at the start "
                        + BenchmarkEnvironment.loadAverage() + "; each page " + WARM_UP + " requests to warm up, then "
                        + MEASURED + " timed one after another.");
                lines.add("");
                lines.add("| page (scale " + bench.scale + ": " + bench.shape.versions() + " versions, "
                        + bench.shape.pacticipants() + " pacticipants) | p50 ms | p95 ms | p99 ms | target p95 |");
                lines.add("|---|---|---|---|---|");
                List<String> over = new ArrayList<>();
                for (Page page : pages(samples)) {
                    BenchmarkEnvironment.Latencies l = measure(base, page);
                    lines.add("| " + page.name() + " | " + l.ms(0.50) + " | " + l.ms(0.95) + " | " + l.ms(0.99) + " | "
                            + TARGET_P95_MILLIS + " |");
                    System.out.println(lines.get(lines.size() - 1));
                    if (l.millis(0.95) > TARGET_P95_MILLIS) {
                        over.add(page.name());
                    }
                }
                lines.add("");
                lines.add("Load average at the end: " + BenchmarkEnvironment.loadAverage() + ". Over the target: "
                        + (over.isEmpty() ? "none" : String.join(", ", over)) + ".");
                BenchmarkEnvironment.writeResults("pages.md", lines);
            }
        }
    }

    private static List<Page> pages(List<Sample> s) {
        return List.of(
                new Page("integrations (`/`)", k -> "/"),
                new Page("integrations with branches, tags, environments (`/?tags=true`)", k -> "/?tags=true"),
                new Page(
                        "integrations searched by name",
                        k -> "/?search=" + s.get(k).consumer()),
                new Page(
                        "pacticipant (`/pacticipants/{p}`)",
                        k -> "/pacticipants/" + s.get(k).consumer()),
                new Page(
                        "pact (`/pacts/provider/{p}/consumer/{c}/version/{v}`)",
                        k -> "/pacts/provider/" + s.get(k).provider() + "/consumer/"
                                + s.get(k).consumer() + "/version/" + s.get(k).version()),
                new Page(
                        "matrix of a version with the latest of the others",
                        k -> "/matrix?q%5B%5D%5Bpacticipant%5D=" + s.get(k).consumer() + "&q%5B%5D%5Bversion%5D="
                                + s.get(k).version() + "&latestby=cvp&latest=true"),
                new Page(
                        "can-i-deploy to production",
                        k -> "/can-i-deploy?pacticipant=" + s.get(k).consumer() + "&version="
                                + s.get(k).version() + "&environment=production"),
                new Page(
                        "network of a pacticipant",
                        k -> "/pacticipants/" + s.get(k).consumer() + "/network"),
                new Page("environments", k -> "/environments"),
                new Page("webhooks", k -> "/webhooks"));
    }

    /** Times the page's requests; each answer must be a whole page, else the figure would time an error. */
    private static BenchmarkEnvironment.Latencies measure(String base, Page page) throws Exception {
        IntFunction<HttpRequest> request =
                k -> HttpRequest.newBuilder(URI.create(base + page.path().apply(k)))
                        .timeout(Duration.ofSeconds(30))
                        .header("Accept", BROWSER_ACCEPT)
                        .build();
        for (int k = 0; k < WARM_UP; k++) {
            check(page, BenchmarkEnvironment.HTTP.send(request.apply(k), HttpResponse.BodyHandlers.ofString()));
        }
        long[] nanos = new long[MEASURED];
        for (int k = 0; k < MEASURED; k++) {
            HttpRequest r = request.apply(WARM_UP + k);
            long start = System.nanoTime();
            HttpResponse<String> response = BenchmarkEnvironment.HTTP.send(r, HttpResponse.BodyHandlers.ofString());
            nanos[k] = System.nanoTime() - start;
            check(page, response);
        }
        return new BenchmarkEnvironment.Latencies(nanos);
    }

    private static void check(Page page, HttpResponse<String> response) {
        assertThat(response.statusCode())
                .as(page.name() + ": " + response.uri())
                .isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(response.body()).as(page.name()).contains("<h1", "</html>");
    }

    /** Recent versions of random pacticipants with a pact, as people open them. */
    private static List<Sample> samples(TestDatabase db, BenchmarkDataset.Shape shape) throws Exception {
        Random random = new Random(7);
        List<Sample> samples = new ArrayList<>();
        try (Connection c = db.connect();
                PreparedStatement s = c.prepareStatement("""
                SELECT cp.name, cv.number, pp.name
                FROM versions cv JOIN pacticipants cp ON cp.id = cv.pacticipant_id
                JOIN latest_pact_publication_ids_for_consumer_versions l ON l.consumer_version_id = cv.id
                JOIN pacticipants pp ON pp.id = l.provider_id
                WHERE cv.id = ? LIMIT 1""")) {
            while (samples.size() < WARM_UP + MEASURED) {
                int i = random.nextInt(shape.pacticipants());
                int n = shape.versionsPerPacticipant()
                        - 1
                        - random.nextInt(Math.min(200, shape.versionsPerPacticipant() - 1));
                s.setLong(1, (long) i * shape.versionsPerPacticipant() + n + 1);
                try (ResultSet rs = s.executeQuery()) {
                    if (rs.next()) {
                        samples.add(
                                new Sample(encode(rs.getString(1)), encode(rs.getString(2)), encode(rs.getString(3))));
                    }
                }
            }
        }
        return samples;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
