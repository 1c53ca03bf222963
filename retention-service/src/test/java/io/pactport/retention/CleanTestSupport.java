package io.pactport.retention;

import io.pactport.retention.selectors.CleanSettings;
import io.pactport.retention.selectors.KeepSelectors;
import io.pactport.retention.model.RetentionRun;
import io.pactport.retention.model.RunTrigger;
import io.pactport.retention.service.CleanService;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** What the clean tests share: an empty database per test, the fixture, and runs with given selectors. */
abstract class CleanTestSupport {

    @Inject
    DataSource dataSource;

    @Inject
    CleanService clean;

    RetentionFixture db;

    @BeforeEach
    void emptyDatabase() throws SQLException {
        db = new RetentionFixture(dataSource).wipe();
    }

    @AfterEach
    void closeFixture() throws SQLException {
        db.close();
    }

    /** The docker defaults with these keep selectors and limit; small batches, no pause, so batching is exercised. */
    static CleanSettings settings(String selectors, int limit) {
        return CleanSettings.defaults().withKeepVersionSelectors(KeepSelectors.parse(selectors))
                .withDeletionLimit(limit).withBatches(2, Duration.ZERO, 0);
    }

    RetentionRun run(CleanSettings settings) {
        return clean.run(RunTrigger.HTTP, settings);
    }

    RetentionRun run(String selectors, int limit) {
        return run(settings(selectors, limit));
    }
}
