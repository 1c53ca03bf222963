package io.pactport.retention.resource;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.pactport.core.testing.KafkaResource;
import io.pactport.core.testing.PostgresResource;
import io.pactport.retention.RetentionFixture;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * With stale-branch selectors configured and no branch deletion limit, a preview's {@code ?limit=} limits the branches
 * too, as the Pact Broker's branch limit is its version limit when none is set.
 */
@QuarkusTest
@TestProfile(PreviewBranchLimitTest.StaleBranchSelectors.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class PreviewBranchLimitTest {

    @Inject
    RetentionFixture db;

    @BeforeEach
    void emptyDatabase() throws SQLException {
        db.wipe();
    }

    /** Stale-branch clean on, the branch deletion limit unset. */
    public static class StaleBranchSelectors implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("PACTFLOW_DATABASE_CLEAN_KEEP_BRANCH_SELECTORS", "[{\"max_age\":90}]");
        }
    }

    @Test
    void thePreviewsLimitIsTheBranchLimitWhenNoneIsConfigured() throws SQLException {
        for (int i = 1; i <= 3; i++) {
            db.branch(db.version("Foo", Integer.toString(i), 100), "feat/old-" + i);
        }
        JsonPath limited = given().auth()
                .preemptive()
                .basic("admin", "s3cret")
                .body("[{\"max_age\":999}]")
                .queryParam("limit", 2)
                .post("/retention/preview")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(limited.getInt("counts.totalBranches")).isEqualTo(3);
        assertThat(limited.getInt("counts.branchesToDelete")).isEqualTo(2);
        assertThat(limited.getInt("counts.branchesToKeep")).isEqualTo(1);
        JsonPath unlimited = given().auth()
                .preemptive()
                .basic("admin", "s3cret")
                .body("[{\"max_age\":999}]")
                .post("/retention/preview")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(unlimited.getInt("counts.branchesToDelete")).isEqualTo(3);
    }
}
