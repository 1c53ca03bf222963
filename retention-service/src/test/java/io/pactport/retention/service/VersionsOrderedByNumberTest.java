package io.pactport.retention.service;

import static io.pactport.retention.RetentionFixture.settings;
import static org.assertj.core.api.Assertions.assertThat;

import io.pactport.core.testing.KafkaResource;
import io.pactport.core.testing.PostgresResource;
import io.pactport.retention.RetentionFixture;
import io.pactport.retention.model.RetentionRun;
import io.pactport.retention.model.RunStatus;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.SQLException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Versions ordered by number ({@code ORDER_VERSIONS_BY_DATE=false}): a version inserted before existing ones renumbers
 * their {@code "order"}, while their tags keep the {@code version_order} copied when they were made. "Latest per tag"
 * goes by the versions' order, as in the Pact Broker.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class VersionsOrderedByNumberTest {

    private static final String LATEST_PER_TAG = "[{\"latest\":true,\"tag\":true}]";

    @Inject
    RetentionFixture db;

    @BeforeEach
    void emptyDatabase() throws SQLException {
        db.wipe();
    }

    /** Tags P 2.0.0 prod, then publishes 1.0.0, which the number ordering puts before 2.0.0, and tags it prod. */
    private void prodTaggedNewestFirst() throws SQLException {
        long two = db.version("P", "2.0.0", 2);
        db.tag(two, "prod");
        long one = db.version("P", "1.0.0", 1);
        long twoOrder = db.single("SELECT \"order\" FROM versions WHERE id = ?", two);
        long oneOrder = db.single("SELECT \"order\" FROM versions WHERE id = ?", one);
        // the renumbering: 1.0.0 takes 2.0.0's place and 2.0.0 moves up one (one at a time: "order" is unique)
        db.update("UPDATE versions SET \"order\" = -1 WHERE id = ?", two);
        db.update("UPDATE versions SET \"order\" = ? WHERE id = ?", twoOrder, one);
        db.update("UPDATE versions SET \"order\" = ? WHERE id = ?", oneOrder, two);
        db.tag(one, "prod");
        // both tags now carry the same stale copy, and 2.0.0's is lower than its version's order
        assertThat(db.single("SELECT count(DISTINCT version_order) FROM tags")).isOne();
    }

    @Test
    void onlyTheVersionWithTheHighestOrderIsTheLatestOfItsTag() throws SQLException {
        prodTaggedNewestFirst();

        RetentionRun run = db.run(LATEST_PER_TAG, 100);

        assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(db.versions("P")).containsExactly("2.0.0");
    }

    @Test
    void theDryRunCountsOneKeptVersion() throws SQLException {
        prodTaggedNewestFirst();

        RetentionRun run = db.run(settings(LATEST_PER_TAG, 100).withDryRun(true));

        assertThat(run.result()
                        .get("counts")
                        .get("versionsToKeepBySelector")
                        .get(0)
                        .get("count")
                        .asLong())
                .isOne();
        assertThat(run.result().get("counts").get("versionsToDelete").asLong()).isOne();
        assertThat(db.versions("P")).containsExactly("1.0.0", "2.0.0");
    }
}
