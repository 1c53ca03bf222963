package io.pactport.api.versions;

import static io.pactport.api.ApiFixture.branch;
import static io.pactport.api.ApiFixture.column;
import static io.pactport.api.ApiFixture.count;
import static io.pactport.api.ApiFixture.execute;
import static io.pactport.api.ApiFixture.tag;
import static io.pactport.api.ApiFixture.unique;
import static io.pactport.api.ApiFixture.version;
import static org.assertj.core.api.Assertions.assertThat;

import io.pactport.api.config.NoMainBranchDetection;
import io.pactport.core.testing.KafkaResource;
import io.pactport.core.testing.PostgresResource;
import io.pactport.core.testing.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(NoMainBranchDetection.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class MainBranchDetectionOffTest {

    TestDatabase database;

    @Test
    void noBranchOrTagBecomesTheMainBranch() {
        String p = unique("Foo");
        branch(p, "main", "1");
        tag(p, "2", "master");
        assertThat(column(database, "SELECT coalesce(main_branch, '-') FROM pacticipants WHERE name = ?", p))
                .containsExactly("-");
    }

    @Test
    void aFirstTagBecomesTheBranchOnlyWithinTheConfiguredTimeLimit() {
        String p = unique("Foo");
        version(p, "fresh");
        version(p, "seven-seconds-old");
        execute(
                database,
                "UPDATE versions SET created_at = created_at - interval '7 seconds' WHERE number = 'seven-seconds-old'"
                        + " AND pacticipant_id = (SELECT id FROM pacticipants WHERE name = ?)",
                p);
        tag(p, "fresh", "feat-a");
        tag(p, "seven-seconds-old", "feat-b");
        assertThat(column(
                        database,
                        "SELECT v.number || '=' || bv.branch_name FROM branch_versions bv JOIN versions v"
                                + " ON v.id = bv.version_id WHERE bv.pacticipant_id ="
                                + " (SELECT id FROM pacticipants WHERE name = ?)",
                        p))
                .containsExactly("fresh=feat-a");
        assertThat(count(database, "SELECT count(*) FROM pacticipants WHERE name = ? AND main_branch IS NULL", p))
                .isEqualTo(1);
    }
}
