package io.pactport.retention.service;

import static io.pactport.retention.RetentionFixture.settings;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pactport.core.config.EnvironmentVariables;
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
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Pact Broker's dry-run approval scenario ({@code clean_incremental_dry_run.approved.json}): the same counts and
 * version summary, with {@code firstVersion} the oldest version kept and {@code latestVersion} the newest. And a dry run
 * (the preview's report) says what the run that follows deletes.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class DryRunTest {

    @Inject
    RetentionFixture db;

    @BeforeEach
    void emptyDatabase() throws SQLException {
        db.wipe();
    }

    @Test
    void reportsWhatWouldBeDeletedAndKeptAndDeletesNothing() throws SQLException {
        long v1 = db.version("Foo", "1", 7);
        db.pact(v1, "Bar", "{}", 7);
        db.tag(v1, "prod", "dev");
        db.version("Foo", "2", 6);
        db.tag(db.version("Foo", "3", 5), "prod");
        db.tag(db.version("Foo", "4", 4), "dev");
        db.tag(db.version("Foo", "5", 3), "dev");
        db.tag(db.version("Foo", "6", 2), "foo");
        db.version("Foo", "7", 1);
        long meep2 = db.version("Meep", "2", 0);
        db.pact(meep2, "Moop", "{}", 0);
        db.tag(meep2, "foop");
        db.tag(db.version("Meep", "3", 0), "blah");

        RetentionRun run = db.run(settings("[{\"tag\":\"prod\"},{\"tag\":\"dev\",\"latest\":true}]", 3)
                .withDryRun(true));

        assertThat(db.count("versions")).isEqualTo(9);
        assertThat(run.dryRun()).isTrue();
        assertThat(run.versionsDeleted()).isZero();
        JsonNode counts = run.result().get("counts");
        assertThat(counts.get("totalVersions").asLong()).isEqualTo(9);
        assertThat(counts.get("versionsToDelete").asLong()).isEqualTo(3);
        assertThat(counts.get("versionsNotToKeep").asLong()).isEqualTo(6);
        assertThat(counts.get("versionsToKeep").asLong()).isEqualTo(3);
        assertThat(counts.get("versionsToKeepBySelector").toString())
                .isEqualTo("[{\"selector\":{\"tag\":\"prod\"},"
                        + "\"count\":2},{\"selector\":{\"tag\":\"dev\",\"latest\":true},\"count\":1},{\"selector\":{\"deployed\""
                        + ":true},\"count\":0},{\"selector\":{\"released\":true},\"count\":0}]");
        JsonNode summary = run.result().get("versionSummary");
        assertThat(summary.fieldNames()).toIterable().containsExactly("Bar", "Foo", "Meep", "Moop");
        assertThat(summary.get("Bar").toString()).isEqualTo("{\"toDelete\":{\"count\":0},\"toKeep\":{\"count\":0}}");
        assertThat(summary.get("Foo").get("toDelete").toString())
                .isEqualTo("{\"count\":3,"
                        + "\"fromVersion\":{\"number\":\"2\",\"created\":\"6 days ago\",\"tags\":[]},"
                        + "\"toVersion\":{\"number\":\"6\",\"created\":\"2 days ago\",\"tags\":[\"foo\"]}}");
        assertThat(summary.get("Foo").get("toKeep").toString())
                .isEqualTo("{\"count\":4,"
                        + "\"firstVersion\":{\"number\":\"1\",\"created\":\"7 days ago\",\"tags\":[\"dev\",\"prod\"]},"
                        + "\"latestVersion\":{\"number\":\"7\",\"created\":\"1 day ago\",\"tags\":[]}}");
        assertThat(summary.get("Meep").get("toKeep").toString())
                .isEqualTo(
                        "{\"count\":2,"
                                + "\"firstVersion\":{\"number\":\"2\",\"created\":\"less than a minute ago\",\"tags\":[\"foop\"]},"
                                + "\"latestVersion\":{\"number\":\"3\",\"created\":\"less than a minute ago\",\"tags\":[\"blah\"]}}");
    }

    @Test
    void withStaleBranchSelectorsTheDryRunCountsWhatTheFollowingRunDeletes() throws SQLException {
        // Widget 2 and 4 are kept only as heads of stale branches; the branch limit lets the run delete one of those
        db.branch(db.version("Widget", "1", 100), "feat/old-a");
        db.branch(db.version("Widget", "2", 100), "feat/old-a");
        db.branch(db.version("Widget", "3", 100), "feat/old-b");
        db.branch(db.version("Widget", "4", 100), "feat/old-b");
        db.branch(db.version("Widget", "5", 5), "main");
        CleanSettings settings = CleanSettings.from(new EnvironmentVariables(Map.of(
                        "PACTFLOW_DATABASE_CLEAN_KEEP_VERSION_SELECTORS",
                                "[{\"branch\":true,\"latest\":true},{\"max_age\":30}]",
                        "PACTFLOW_DATABASE_CLEAN_KEEP_BRANCH_SELECTORS", "[{\"max_age\":90}]",
                        "PACTFLOW_DATABASE_CLEAN_BRANCH_DELETION_LIMIT", "1")::get))
                .withBatches(2, Duration.ZERO, 0);

        JsonNode preview = db.run(settings.withDryRun(true)).result();
        RetentionRun run = db.run(settings);

        assertThat(db.versions("Widget")).containsExactly("4", "5");
        assertThat(preview.get("counts").get("branchesToDelete").asLong()).isOne();
        assertThat(preview.get("counts").get("versionsToDelete").asLong())
                .isEqualTo(run.versionsDeleted())
                .isEqualTo(3);
        assertThat(preview.get("versionSummary").get("Widget").get("toDelete").toString())
                .isEqualTo("{\"count\":3,"
                        + "\"fromVersion\":{\"number\":\"1\",\"created\":\"3 months ago\",\"tags\":[]},"
                        + "\"toVersion\":{\"number\":\"3\",\"created\":\"3 months ago\",\"tags\":[]}}");
        assertThat(preview.get("versionSummary")
                        .get("Widget")
                        .get("toKeep")
                        .get("count")
                        .asLong())
                .isEqualTo(2);
    }
}
