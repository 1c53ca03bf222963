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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The scenarios of the Pact Broker's {@code delete_overwritten_data_spec.rb}; every version is kept here. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class OverwrittenDataTest {

    @Inject
    RetentionFixture db;

    @BeforeEach
    void emptyDatabase() throws SQLException {
        db.wipe();
    }

    private static CleanSettings maxAge(int days, int limit) {
        return settings("[{\"max_age\":999}]", limit).withOverwrittenDataMaxAgeDays(days);
    }

    @Test
    void anOverwrittenPactIsDeletedTheLatestRevisionKept() throws SQLException {
        long v = db.version("Foo", "1", 10);
        long first = db.pact(v, "Bar", "{\"rev\":1}", 10);
        long second = db.pact(v, "Bar", "{\"rev\":2}", 9);
        RetentionRun run = db.run(maxAge(0, 1000));
        assertThat(db.exists("pact_publications", first)).isFalse();
        assertThat(db.exists("pact_publications", second)).isTrue();
        // the first revision's content was used by nothing else
        assertThat(db.count("pact_versions")).isOne();
        assertThat(run.result().get("pact_publications").get("deleted").asLong())
                .isOne();
    }

    @Test
    void anOlderVerificationOfTheSameContentByTheSameProviderVersionIsDeleted() throws SQLException {
        long content = db.pactVersionOf(db.pact(db.version("Foo", "1", 10), "Bar", "{}", 10));
        long provider = db.version("Bar", "1", 10);
        long failed = db.verification(content, provider, false, 9);
        long passed = db.verification(content, provider, true, 8);
        long otherProviderVersion = db.verification(content, db.version("Bar", "2", 8), true, 8);
        db.run(maxAge(0, 1000));
        assertThat(db.exists("verifications", failed)).isFalse();
        assertThat(db.exists("verifications", passed)).isTrue();
        assertThat(db.exists("verifications", otherProviderVersion)).isTrue();
    }

    @Test
    void nothingYoungerThanTheMaxAgeIsDeleted() throws SQLException {
        long v = db.version("Foo", "1", 3);
        db.pact(v, "Bar", "{\"rev\":1}", 3);
        db.pact(v, "Bar", "{\"rev\":2}", 3);
        long content = db.pactVersionOf(db.pact(db.version("Foo", "2", 3), "Bar", "{}", 3));
        long provider = db.version("Bar", "1", 3);
        db.verification(content, provider, false, 3);
        db.verification(content, provider, true, 3);
        db.run(maxAge(4, 1000));
        assertThat(db.count("pact_publications")).isEqualTo(3);
        assertThat(db.count("verifications")).isEqualTo(2);
    }

    @Test
    void allButTheLatestTriggeredWebhooksAreDeletedWithinTheLimit() throws SQLException {
        long webhook = db.webhook();
        long pact = db.pact(db.version("Foo", "1", 5), "Bar", "{}", 5);
        long old = db.triggeredWebhook(webhook, pact, null, 5);
        long latest = db.triggeredWebhook(webhook, pact, null, 4);
        long pact1 = db.pact(db.version("Foo1", "1", 5), "Bar1", "{}", 5);
        long old1 = db.triggeredWebhook(webhook, pact1, null, 5);
        long latest1 = db.triggeredWebhook(webhook, pact1, null, 4);

        db.run(maxAge(0, 1));
        assertThat(db.exists("triggered_webhooks", old)).isFalse();
        assertThat(db.exists("triggered_webhooks", old1)).isTrue();
        db.run(maxAge(0, 1));
        assertThat(db.exists("triggered_webhooks", old1)).isFalse();
        assertThat(db.exists("triggered_webhooks", latest)).isTrue();
        assertThat(db.exists("triggered_webhooks", latest1)).isTrue();
        assertThat(db.count("webhook_executions")).isEqualTo(2);
    }

    @Test
    void aDryRunCountsButDeletesNothing() throws SQLException {
        long v = db.version("Foo", "1", 10);
        db.pact(v, "Bar", "{\"rev\":1}", 10);
        db.pact(v, "Bar", "{\"rev\":2}", 9);
        db.orphanPactVersion("Foo", "Bar", "orphan");
        RetentionRun run = db.run(maxAge(0, 1000).withDryRun(true));
        assertThat(db.count("pact_publications")).isEqualTo(2);
        assertThat(db.count("pact_versions")).isEqualTo(3);
        assertThat(run.result().get("overwrittenData").get("pact_publications").toString())
                .isEqualTo("{\"toDelete\":1,\"toKeep\":1}");
        assertThat(run.result().get("overwrittenData").get("pact_versions").toString())
                .isEqualTo("{\"toDelete\":1,\"toKeep\":2}");
    }
}
