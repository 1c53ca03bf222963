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
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The packaged retention-service stopped (SIGTERM, as {@code docker stop} or Kubernetes does) in the middle of a run on
 * a small benchmark dataset: it exits, the run is recorded as stopped, every version still there has all of its pacts,
 * verifications, tags, branch and deployment rows (none is half deleted), and the next run deletes the rest, leaving
 * exactly what the selectors keep.
 */
class RetentionShutdownIT {

    private static final Duration START = Duration.ofSeconds(90);
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Per version, how many rows of each kind refer to it. */
    private static final String FOOTPRINT = """
            SELECT v.id, (SELECT count(*) FROM pact_publications pp WHERE pp.consumer_version_id = v.id) || '/'
              || (SELECT count(*) FROM verifications vf WHERE vf.provider_version_id = v.id) || '/'
              || (SELECT count(*) FROM tags t WHERE t.version_id = v.id) || '/'
              || (SELECT count(*) FROM branch_versions bv WHERE bv.version_id = v.id) || '/'
              || (SELECT count(*) FROM deployed_versions dv WHERE dv.version_id = v.id) || '/'
              || (SELECT count(*) FROM released_versions rv WHERE rv.version_id = v.id) || '/'
              || (SELECT count(*) FROM latest_pact_publication_ids_for_consumer_versions l
                  WHERE l.consumer_version_id = v.id)
            FROM versions v
            """;
    /** What {@code [{"latest":true}]} keeps with the always-added deployed and released selectors. */
    private static final String KEPT = """
            SELECT id FROM versions v WHERE v."order" = (SELECT max("order") FROM versions w
                                                          WHERE w.pacticipant_id = v.pacticipant_id)
               OR id IN (SELECT version_id FROM currently_deployed_version_ids)
               OR id IN (SELECT version_id FROM released_versions WHERE support_ended_at IS NULL)
            """;

    @Test
    void aRunStoppedByTheShutdownLeavesNoHalfDeletedVersionAndTheNextRunFinishes() throws Exception {
        TestDatabase db = TestPostgres.newDatabase("retention_shutdown");
        BenchmarkDataset.seed(db, 0.001);
        Map<Long, String> before = footprints(db);
        Set<Long> kept = ids(db, KEPT);
        Map<String, String> env = new HashMap<>(Map.of(
                "PACTFLOW_DATABASE_URL",
                db.rubyUrl(),
                "PACTFLOW_DATABASE_AUTO_MIGRATE",
                "true",
                "KAFKA_BOOTSTRAP_SERVERS",
                TestKafka.bootstrapServers(),
                "PACTFLOW_DATABASE_CLEAN_KEEP_VERSION_SELECTORS",
                "[{\"latest\":true}]",
                "PACTFLOW_DATABASE_CLEAN_DELETION_LIMIT",
                "100000",
                // small batches and a pause, so that the stop comes in the middle of the run
                "PACTFLOW_DATABASE_CLEAN_BATCH_SIZE",
                "5",
                "PACTFLOW_DATABASE_CLEAN_BATCH_PAUSE",
                "0.1s"));

        long first;
        try (ServiceProcess retention = ServiceProcess.start("retention-service", env)) {
            retention.awaitReady(START);
            first = start(retention);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (before.size() - ids(db, "SELECT id FROM versions").size() < 20) {
                assertThat(System.nanoTime())
                        .as("no batch was deleted:\n" + retention.output())
                        .isLessThan(deadline);
                Thread.sleep(50);
            }
            retention.close();
        }

        Map<Long, String> after = footprints(db);
        assertThat(after.size())
                .as("the stop came in the middle of the run")
                .isLessThan(before.size())
                .isGreaterThan(kept.size());
        for (Map.Entry<Long, String> version : after.entrySet()) {
            assertThat(version.getValue())
                    .as("the rows of version %d after the stop", version.getKey())
                    .isEqualTo(before.get(version.getKey()));
        }

        try (ServiceProcess retention = ServiceProcess.start("retention-service", env)) {
            retention.awaitReady(START);
            JsonNode stopped =
                    JSON.readTree(retention.get("/retention/runs/" + first).body());
            assertThat(stopped.get("status").asText()).as(stopped.toString()).isEqualTo("stopped");
            assertThat(stopped.get("versionsDeleted").asInt()).isEqualTo(before.size() - after.size());
            JsonNode next = awaitRun(retention, start(retention));
            assertThat(next.get("status").asText()).as(next.toString()).isEqualTo("succeeded");
            assertThat(next.get("versionsDeleted").asInt()).isEqualTo(after.size() - kept.size());
        }
        assertThat(ids(db, "SELECT id FROM versions")).isEqualTo(kept);
        try (Connection c = db.connect()) {
            assertThat(ForeignKeys.dangling(c)).isEmpty();
        }
    }

    private static long start(ServiceProcess retention) throws Exception {
        HttpResponse<String> started = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + retention.port + "/retention/runs"))
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        return JSON.readTree(started.body()).get("id").asLong();
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

    private static Map<Long, String> footprints(TestDatabase db) throws Exception {
        Map<Long, String> out = new TreeMap<>();
        try (Connection c = db.connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(FOOTPRINT)) {
            while (rs.next()) {
                out.put(rs.getLong(1), rs.getString(2));
            }
        }
        return out;
    }

    private static Set<Long> ids(TestDatabase db, String sql) throws Exception {
        Set<Long> out = new TreeSet<>();
        try (Connection c = db.connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getLong(1));
            }
        }
        return out;
    }
}
