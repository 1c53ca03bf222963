package io.pactport.api;

import static io.pactport.api.Callers.anonymous;
import static io.pactport.api.Callers.reader;
import static io.pactport.api.Callers.writer;
import static org.assertj.core.api.Assertions.assertThat;

import io.pactport.core.testing.AuthContract;
import io.pactport.core.testing.KafkaResource;
import io.pactport.core.testing.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The pact deletes (all versions, by tag, by branch, one consumer version) need the write credentials; their lists,
 * diffs and provider states are reads.
 */
@QuarkusTest
@TestProfile(AuthContract.Locked.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class PactDeleteAuthTest {

    private static final String INTEGRATION = "/pacts/provider/Bar/consumer/Foo";
    private static final List<String> DELETES = List.of(
            INTEGRATION + "/versions",
            INTEGRATION + "/tag/prod",
            INTEGRATION + "/branch/main",
            INTEGRATION + "/version/1.0.0");
    private static final List<String> READS = List.of(
            INTEGRATION + "/tag/prod",
            INTEGRATION + "/branch/main",
            INTEGRATION + "/branch/versions",
            INTEGRATION + "/latest-untagged",
            INTEGRATION + "/versions/1.0.0",
            INTEGRATION + "/version/1.0.0/previous-distinct",
            INTEGRATION + "/version/1.0.0/diff/previous-distinct",
            "/pact/provider/Bar/consumer/Foo/latest",
            "/pacts/provider/Bar/branch/main",
            "/pacts/provider/Bar/provider-states");

    @Test
    void theReadOnlyUserCannotDeletePacts() {
        for (String path : DELETES) {
            assertThat(reader().when().delete(path).statusCode()).as(path).isEqualTo(403);
            assertThat(anonymous().when().delete(path).statusCode()).as(path).isEqualTo(401);
        }
    }

    @Test
    void theReadWriteUserGetsPastTheCheck() {
        for (String path : DELETES) {
            assertThat(writer().when().delete(path).statusCode()).as(path).isNotIn(401, 403);
        }
    }

    @Test
    void theReadOnlyUserReadsTheNewRoutes() {
        for (String path : READS) {
            assertThat(reader().when().get(path).statusCode()).as(path).isNotIn(401, 403);
        }
    }
}
