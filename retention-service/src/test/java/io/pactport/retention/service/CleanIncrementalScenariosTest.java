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

/** The scenarios of the Pact Broker's {@code clean_incremental_spec.rb}, on the same data shapes. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class CleanIncrementalScenariosTest {

    private static final String PROD_AND_LATEST_DEV = "[{\"tag\":\"prod\"},{\"tag\":\"dev\",\"latest\":true}]";

    @Inject
    RetentionFixture db;

    @BeforeEach
    void emptyDatabase() throws SQLException {
        db.wipe();
    }

    /** Foo 1..7 as in the spec: 1 prod+dev with a webhook, 3 prod, 4 dev, 5 dev, 6 foo, 7 untagged; each a day apart. */
    private long[] fooVersions(boolean deployFour) throws SQLException {
        long[] v = new long[8];
        v[1] = db.version("Foo", "1", 7);
        long pact1 = db.pact(v[1], "Bar", "{\"v\":1}", 7);
        db.triggeredWebhook(db.webhook(), pact1, null, 7);
        db.tag(v[1], "prod", "dev");
        v[2] = db.version("Foo", "2", 6);
        v[3] = db.version("Foo", "3", 5);
        db.tag(v[3], "prod");
        db.pact(v[3], "Bar", "{\"v\":3}", 5);
        v[4] = db.version("Foo", "4", 4);
        db.tag(v[4], "dev");
        if (deployFour) {
            db.deploy(v[4], "test");
        }
        db.pact(v[4], "Bar", "{\"v\":4}", 4);
        v[5] = db.version("Foo", "5", 3);
        db.tag(v[5], "dev");
        db.pact(v[5], "Bar", "{\"v\":5}", 3);
        v[6] = db.version("Foo", "6", 2);
        db.tag(v[6], "foo");
        db.pact(v[6], "Bar", "{\"v\":6}", 2);
        v[7] = db.version("Foo", "7", 1);
        db.pact(v[7], "Bar", "{\"v\":7}", 1);
        return v;
    }

    @Test
    void keepsTheSelectedVersionsAndStopsAtTheLimit() throws SQLException {
        fooVersions(false);
        RetentionRun run = db.run(PROD_AND_LATEST_DEV, 3);
        assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(db.versions("Foo")).containsExactly("1", "3", "5", "7");
        assertThat(run.versionsDeleted()).isEqualTo(3);
        // the pacts of the deleted versions went with them, and the content only they used
        assertThat(db.count("pact_publications")).isEqualTo(4);
        assertThat(db.count("pact_versions")).isEqualTo(4);
        assertThat(db.count("triggered_webhooks")).isEqualTo(1);
        assertThat(db.count("webhook_executions")).isEqualTo(1);
        assertThat(run.result().get("versions").get("deleted").asLong()).isEqualTo(3);
        assertThat(run.result().get("versions").get("kept").asLong()).isEqualTo(4);
    }

    @Test
    void aCurrentlyDeployedVersionIsAlwaysKept() throws SQLException {
        // the Pact Broker's class deletes 4 here; its clean task, like every Pactport run, adds {"deployed":true}
        fooVersions(true);
        RetentionRun run = db.run(PROD_AND_LATEST_DEV, 3);
        assertThat(db.versions("Foo")).containsExactly("1", "3", "4", "5");
        assertThat(run.selectors().toString()).contains("{\"deployed\":true}", "{\"released\":true}");
    }

    @Test
    void theDefaultSelectorsRun() throws SQLException {
        fooVersions(true);
        RetentionRun run = db.run(settingsWithDefaults());
        assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
        // everything is younger than 90 days
        assertThat(db.versions("Foo")).hasSize(7);
    }

    private static io.pactport.retention.selectors.CleanSettings settingsWithDefaults() {
        return io.pactport.retention.selectors.CleanSettings.defaults().withBatches(2, java.time.Duration.ZERO, 0);
    }

    @Test
    void orphanPactVersionsAreDeletedButNotContentOnlyAVerificationUses() throws SQLException {
        long foo = db.version("Foo", "1");
        db.tag(foo, "dev");
        db.pact(foo, "Bar", "{\"a\":\"f\"}");
        long waffle = db.version("Waffle", "0");
        long publication = db.pact(waffle, "Meep", "{\"a\":\"h\"}");
        long verifiedOnly = db.pactVersionOf(publication);
        long meep = db.version("Meep", "5");
        db.tag(meep, "dev");
        db.verification(verifiedOnly, meep, true, 0);
        db.update("DELETE FROM pact_publications WHERE id = ?", publication);
        long orphan = db.orphanPactVersion("Foo", "Bar", "1234");

        db.run("[{\"tag\":\"dev\",\"latest\":true}]", 1000);

        assertThat(db.exists("pact_versions", orphan)).isFalse();
        assertThat(db.exists("pact_versions", verifiedOnly)).isTrue();
        assertThat(db.count("pact_versions")).isEqualTo(2);
    }

    @Test
    void maxAgeWithAndWithoutABranch() throws SQLException {
        db.branch(db.version("Foo", "1", 20), "main");
        db.branch(db.version("Foo", "2", 20), "feat/foo");
        db.branch(db.version("Foo", "3", 10), "main");
        db.branch(db.version("Foo", "4", 0), "feat/foo");

        db.run("[{\"max_age\":5},{\"max_age\":15,\"branch\":\"main\"}]", 1000);

        assertThat(db.versions("Foo")).containsExactly("3", "4");
    }

    private void staleBranches() throws SQLException {
        db.branch(db.version("Foo", "1", 100), "feat/old");
        db.branch(db.version("Foo", "2", 50), "feat/fresh");
        db.branch(db.version("Foo", "3", 50), "main");
    }

    private static final String KEEP_ALL = "[{\"max_age\":999}]";

    private RetentionRun runWithBranches(String versionSelectors, String branchSelectors) {
        return db.run(settings(versionSelectors, 1000)
                .withKeepBranchSelectors(io.pactport.retention.selectors.KeepSelectors.parseBranches(branchSelectors)));
    }

    @Test
    void staleBranchesAreDeletedFreshOnesKeptTheirVersionsStay() throws SQLException {
        staleBranches();
        runWithBranches(KEEP_ALL, "[{\"max_age\":90}]");
        assertThat(db.branchCount("Foo", "feat/old")).isZero();
        assertThat(db.branchCount("Foo", "feat/fresh")).isOne();
        assertThat(db.versions("Foo")).containsExactly("1", "2", "3");
    }

    @Test
    void aPacticipantsMainBranchIsNeverStale() throws SQLException {
        staleBranches();
        db.branch(db.version("Foo", "4", 100), "main-protected");
        db.mainBranch("Foo", "main-protected");
        runWithBranches(KEEP_ALL, "[{\"max_age\":90}]");
        assertThat(db.branchCount("Foo", "main-protected")).isOne();
    }

    @Test
    void aBranchNameIsMainOnlyForThePacticipantThatDeclaresIt() throws SQLException {
        db.branch(db.version("ConsumerA", "1", 100), "shared-main");
        db.branch(db.version("ConsumerB", "1", 100), "shared-main");
        db.mainBranch("ConsumerA", "shared-main");
        runWithBranches(KEEP_ALL, "[{\"max_age\":90}]");
        assertThat(db.branchCount("ConsumerA", "shared-main")).isOne();
        assertThat(db.branchCount("ConsumerB", "shared-main")).isZero();
    }

    @Test
    void aNamedBranchIsKeptEvenWhenStale() throws SQLException {
        staleBranches();
        runWithBranches(KEEP_ALL, "[{\"max_age\":90},{\"branch\":[\"feat/old\"]}]");
        assertThat(db.branchCount("Foo", "feat/old")).isOne();
    }

    @Test
    void withoutBranchSelectorsNoBranchIsDeleted() throws SQLException {
        staleBranches();
        db.run(KEEP_ALL, 1000);
        runWithBranches(KEEP_ALL, "[]");
        assertThat(db.count("branches")).isEqualTo(3);
    }

    @Test
    void aVersionKeptOnlyAsTheHeadOfAStaleBranchGoesInTheSameRun() throws SQLException {
        db.branch(db.version("Widget", "1", 100), "feat/old");
        db.branch(db.version("Widget", "2", 5), "main");
        runWithBranches("[{\"branch\":true,\"latest\":true},{\"latest\":true},{\"max_age\":30}]", "[{\"max_age\":90}]");
        assertThat(db.branchCount("Widget", "feat/old")).isZero();
        assertThat(db.versions("Widget")).containsExactly("2");
    }
}
