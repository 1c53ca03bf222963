package io.pactport.api.versions;

import static io.pactport.api.ApiFixture.branch;
import static io.pactport.api.ApiFixture.column;
import static io.pactport.api.ApiFixture.count;
import static io.pactport.api.ApiFixture.environment;
import static io.pactport.api.ApiFixture.tag;
import static io.pactport.api.ApiFixture.unique;
import static org.assertj.core.api.Assertions.assertThat;

import io.pactport.api.config.ChangedDomainSettings;
import io.pactport.core.testing.KafkaResource;
import io.pactport.core.testing.PostgresResource;
import io.pactport.core.testing.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

/** Tagging and branching with the Pact Broker's tag settings changed (their defaults: {@link TagBranchResourceTest}). */
@QuarkusTest
@TestProfile(ChangedDomainSettings.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class TagRulesWithChangedSettingsTest {

    private static final String MAIN_BRANCH = "SELECT coalesce(main_branch, '-') FROM pacticipants WHERE name = ?";
    private static final String BRANCHES = "SELECT count(*) FROM branch_versions bv"
            + " WHERE bv.pacticipant_id = (SELECT id FROM pacticipants WHERE name = ?)";

    TestDatabase database;

    @Test
    void onlyTheConfiguredCandidatesBecomeTheMainBranch() {
        String byBranch = unique("Foo");
        branch(byBranch, "main", "1");
        assertThat(column(database, MAIN_BRANCH, byBranch)).containsExactly("-");
        branch(byBranch, "trunk", "2");
        assertThat(column(database, MAIN_BRANCH, byBranch)).containsExactly("trunk");

        String byTag = unique("Foo");
        tag(byTag, "1", "master");
        assertThat(column(database, MAIN_BRANCH, byTag)).containsExactly("-");
        tag(byTag, "1", "trunk");
        assertThat(column(database, MAIN_BRANCH, byTag)).containsExactly("trunk");
    }

    @Test
    void theFirstTagOfANewVersionIsNotItsBranch() {
        String p = unique("Foo");
        tag(p, "1", "feat-x");
        assertThat(count(database, BRANCHES, p)).isZero();
    }

    @Test
    void aTagNamedLikeAnEnvironmentRecordsNoDeployment() {
        String p = unique("Foo");
        String name = unique("staging").toLowerCase();
        environment(name, false);
        tag(p, "1", name);
        assertThat(count(
                        database,
                        "SELECT count(*) FROM deployed_versions WHERE pacticipant_id ="
                                + " (SELECT id FROM pacticipants WHERE name = ?)",
                        p))
                .isZero();
    }
}
