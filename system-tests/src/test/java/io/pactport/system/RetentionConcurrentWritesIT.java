package io.pactport.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pactport.core.testing.BenchmarkDataset;
import io.pactport.core.testing.ForeignKeys;
import io.pactport.core.testing.TestDatabase;
import io.pactport.core.testing.TestKafka;
import io.pactport.core.testing.TestPostgres;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * broker-api's real write path next to a clean: while the packaged retention-service deletes old versions (a small
 * benchmark dataset made 200 days old), clients publish pacts and verification results and tag the very versions the
 * clean is about to delete, all over broker-api's HTTP API. Every write broker-api acknowledged is still there after
 * the run: the new publications and verifications (kept by {@code max_age}), and each tagged version with its tag (kept
 * by {@code tag}, whether the tag reached the old version before the clean or a new one after it). A write that
 * raced a delete may fail (the client retries), never succeed and vanish.
 */
class RetentionConcurrentWritesIT {

    private static final Duration START = Duration.ofSeconds(90);
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Write(String kind, String url) {}

    @Test
    void everyWriteBrokerApiAcknowledgedDuringACleanIsKept() throws Exception {
        TestDatabase db = TestPostgres.newDatabase("retention_concurrent");
        BenchmarkDataset.seed(db, 0.001);
        try (Connection c = db.connect();
                Statement s = c.createStatement()) {
            s.execute("UPDATE versions SET created_at = created_at - interval '200 days'");
        }
        Map<String, String> env = new HashMap<>(Map.of(
                "PACTFLOW_DATABASE_URL",
                db.rubyUrl(),
                "PACTFLOW_DATABASE_AUTO_MIGRATE",
                "true",
                "KAFKA_BOOTSTRAP_SERVERS",
                TestKafka.bootstrapServers()));
        try (ServiceProcess api = ServiceProcess.start("broker-api", env)) {
            env.put("PACTFLOW_DATABASE_CLEAN_KEEP_VERSION_SELECTORS", "[{\"max_age\":30},{\"tag\":\"keep\"}]");
            env.put("PACTFLOW_DATABASE_CLEAN_DELETION_LIMIT", "100000");
            // small batches, so that the run lasts long enough for the writers to meet it
            env.put("PACTFLOW_DATABASE_CLEAN_BATCH_SIZE", "4");
            try (ServiceProcess retention = ServiceProcess.start("retention-service", env)) {
                api.awaitReady(START);
                retention.awaitReady(START);
                String base = "http://127.0.0.1:" + api.port;
                HttpResponse<String> started =
                        send("POST", "http://127.0.0.1:" + retention.port + "/retention/runs", "");
                assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
                long id = JSON.readTree(started.body()).get("id").asLong();

                AtomicBoolean running = new AtomicBoolean(true);
                ConcurrentLinkedQueue<Write> acknowledged = new ConcurrentLinkedQueue<>();
                ConcurrentLinkedQueue<String> refused = new ConcurrentLinkedQueue<>();
                ExecutorService writers = Executors.newFixedThreadPool(2);
                List<Future<?>> done = List.of(
                        writers.submit(() -> publishAndVerify(base, running, acknowledged, refused)),
                        writers.submit(() -> tagAtTheCleansFront(db, base, running, acknowledged, refused)));
                JsonNode run = awaitRun(retention, id);
                running.set(false);
                for (Future<?> writer : done) {
                    writer.get();
                }
                writers.shutdown();

                assertThat(run.get("status").asText()).as(run.toString()).isEqualTo("succeeded");
                assertThat(run.get("versionsDeleted").asInt()).isGreaterThan(500);
                assertThat(acknowledged).extracting(Write::kind).contains("pact", "verification", "tag");
                for (Write write : acknowledged) {
                    HttpResponse<String> read = send("GET", write.url(), null);
                    assertThat(read.statusCode())
                            .as(write + " was acknowledged during the clean, then lost: " + read.body())
                            .isEqualTo(200);
                }
                try (Connection c = db.connect()) {
                    assertThat(ForeignKeys.dangling(c)).isEmpty();
                }
                // a write that met a row the clean deleted under it is refused as a conflict, to be sent again
                assertThat(refused)
                        .as(api.output())
                        .allSatisfy(answer -> assertThat(answer).startsWith("409 "));
                System.out.printf(
                        "%d writes acknowledged during the clean and all kept, %d refused; %s%n",
                        acknowledged.size(), refused.size(), run.get("result"));
            }
        }
    }

    /** New consumer versions' pacts, each verified by a new provider version. */
    private static Void publishAndVerify(
            String base,
            AtomicBoolean running,
            ConcurrentLinkedQueue<Write> acknowledged,
            ConcurrentLinkedQueue<String> refused)
            throws Exception {
        for (int i = 0; running.get(); i++) {
            String pact = base + "/pacts/provider/svc-001/consumer/svc-000/version/new-" + i;
            HttpResponse<String> published = send("PUT", pact, """
                    {"consumer":{"name":"svc-000"},"provider":{"name":"svc-001"},
                     "interactions":[{"description":"request %d","request":{"method":"GET","path":"/%d"},
                                      "response":{"status":200}}],
                     "metadata":{"pactSpecification":{"version":"2.0.0"}}}""".formatted(i, i));
            if (published.statusCode() / 100 != 2) {
                refused.add(published.statusCode() + " " + published.body());
                continue;
            }
            acknowledged.add(new Write("pact", pact));
            String verify = JSON.readTree(published.body())
                    .at("/_links/pb:publish-verification-results/href")
                    .asText();
            HttpResponse<String> verified = send("POST", verify, """
                    {"success":true,"providerApplicationVersion":"pv-%d"}""".formatted(i));
            if (verified.statusCode() == 201) {
                acknowledged.add(new Write(
                        "verification",
                        JSON.readTree(verified.body()).at("/_links/self/href").asText()));
            } else {
                refused.add(verified.statusCode() + " " + verified.body());
            }
        }
        return null;
    }

    /** Tags old versions just ahead of the oldest one the clean has not deleted yet, where it is about to delete. */
    private static Void tagAtTheCleansFront(
            TestDatabase db,
            String base,
            AtomicBoolean running,
            ConcurrentLinkedQueue<Write> acknowledged,
            ConcurrentLinkedQueue<String> refused)
            throws Exception {
        Random random = new Random(6);
        try (Connection c = db.connect();
                Statement s = c.createStatement()) {
            while (running.get()) {
                String pacticipant = null;
                String number = null;
                try (ResultSet rs = s.executeQuery("""
                        SELECT p.name, v.number FROM versions v JOIN pacticipants p ON p.id = v.pacticipant_id
                        WHERE v.created_at < now() - interval '30 days'
                          AND NOT EXISTS (SELECT 1 FROM tags t WHERE t.version_id = v.id AND t.name = 'keep')
                        ORDER BY v.id OFFSET %d LIMIT 1""".formatted(random.nextInt(12)))) {
                    if (rs.next()) {
                        pacticipant = rs.getString(1);
                        number = rs.getString(2);
                    }
                }
                if (number == null) {
                    return null;
                }
                String tag = base + "/pacticipants/" + pacticipant + "/versions/" + encode(number) + "/tags/keep";
                HttpResponse<String> tagged = send("PUT", tag, "{}");
                if (tagged.statusCode() / 100 == 2) {
                    acknowledged.add(new Write("tag", tag));
                } else {
                    refused.add(tagged.statusCode() + " " + tagged.body());
                }
            }
        }
        return null;
    }

    private static HttpResponse<String> send(String method, String url, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json");
        request.method(
                method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode awaitRun(ServiceProcess retention, long id) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode run = JSON.readTree(retention.get("/retention/runs/" + id).body());
            if (!"running".equals(run.get("status").asText())) {
                return run;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("run " + id + " did not finish:\n" + retention.output());
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
