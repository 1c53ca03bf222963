package io.pactport.retention.service;

import static io.pactport.retention.RetentionFixture.settings;
import static org.assertj.core.api.Assertions.assertThat;

import io.pactport.core.testing.KafkaResource;
import io.pactport.core.testing.PostgresResource;
import io.pactport.retention.RetentionFixture;
import io.pactport.retention.model.RetentionRun;
import io.pactport.retention.selectors.CleanSettings;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Opt-in ({@code -Dpactport.benchmark=true}, size with {@code -Dpactport.benchmark.versions=}): how many unselected
 * versions per second a run deletes, each with a tag, a branch and a pact. Not the 1M-version benchmark with
 * can-i-deploy latencies (that belongs in system-tests on the shared benchmark dataset); a first measurement.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
@EnabledIfSystemProperty(named = "pactport.benchmark", matches = "true")
class CleanThroughputTest {

    @Inject
    RetentionFixture db;

    @BeforeEach
    void emptyDatabase() throws SQLException {
        db.wipe();
    }

    @Test
    void deletesUnselectedVersionsFast() throws Exception {
        int versions = Integer.getInteger("pactport.benchmark.versions", 50_000);
        long foo = db.pacticipant("Foo");
        long bar = db.pacticipant("Bar");
        db.manyVersions("Foo", "v", versions, 200);
        db.update("""
                INSERT INTO tags (name, version_id, pacticipant_id, version_order, created_at, updated_at)
                SELECT 'feat', id, pacticipant_id, "order", created_at, created_at FROM versions
                """);
        db.update("""
                INSERT INTO pact_versions (consumer_id, provider_id, sha, content, created_at)
                SELECT ?, ?, md5(number), '{}', created_at FROM versions
                """, foo, bar);
        db.update("""
                INSERT INTO pact_publications (consumer_version_id, provider_id, revision_number, pact_version_id,
                  created_at, consumer_id, consumer_version_order)
                SELECT v.id, ?, 1, pv.id, v.created_at, v.pacticipant_id, v."order"
                FROM versions v JOIN pact_versions pv ON pv.sha = md5(v.number)
                """, bar);
        db.update("ANALYZE");
        long start = System.nanoTime();
        // the default batch size and pacing unless told otherwise (-Dpactport.benchmark.pauseRatio=0: no pauses)
        double pauseRatio = Double.parseDouble(System.getProperty(
                "pactport.benchmark.pauseRatio", String.valueOf(CleanSettings.DEFAULT_BATCH_PAUSE_RATIO)));
        RetentionRun run = db.run(settings("[{\"latest\":true},{\"tag\":\"prod\"}]", versions)
                .withBatches(CleanSettings.DEFAULT_BATCH_SIZE, Duration.ZERO, pauseRatio));
        double seconds = (System.nanoTime() - start) / 1e9;
        assertThat(run.versionsDeleted()).isEqualTo(versions - 1);
        System.out.printf(
                "retention benchmark: %d versions (with tag, pact, content) deleted in %.1f s = %.0f/s"
                        + " (batches of %d, pause ratio %s)%n",
                run.versionsDeleted(),
                seconds,
                run.versionsDeleted() / seconds,
                CleanSettings.DEFAULT_BATCH_SIZE,
                pauseRatio);
    }
}
