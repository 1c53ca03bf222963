package io.pactport.retention.resource;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.pactport.core.testing.KafkaResource;
import io.pactport.core.testing.PostgresResource;
import io.pactport.retention.RetentionFixture;
import io.pactport.retention.model.RunStatus;
import io.pactport.retention.model.RunTrigger;
import io.pactport.retention.service.CleanService;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class RetentionResourceTest {

    @Inject
    RetentionFixture db;

    @Inject
    CleanService clean;

    @Inject
    DataSource dataSource;

    @BeforeEach
    void emptyDatabase() throws SQLException {
        db.wipe();
    }

    private static RequestSpecification admin() {
        return given().auth().preemptive().basic("admin", "s3cret");
    }

    private void twoVersionsOfFooOneOld() throws SQLException {
        db.version("Foo", "old", 200);
        db.version("Foo", "new", 0);
    }

    @Test
    void previewReportsForAnySelectorsAndTouchesNothing() throws SQLException {
        twoVersionsOfFooOneOld();
        admin().body("[{\"latest\":true}]").post("/retention/preview").then().statusCode(200)
                .body("counts.totalVersions", equalTo(2))
                .body("counts.versionsToDelete", equalTo(1))
                .body("versionSummary.Foo.toDelete.fromVersion.number", equalTo("old"))
                .body("versionSummary.Foo.toKeep.latestVersion.number", equalTo("new"))
                .body("automaticallyAddedSelectors.deployed", hasItem(true));
        assertThat(db.count("versions")).isEqualTo(2);
    }

    @Test
    void previewWithoutABodyUsesTheConfiguredSelectors() throws SQLException {
        twoVersionsOfFooOneOld();
        given().auth().oauth2("rw-token").post("/retention/preview").then().statusCode(200)
                .body("keepVersionSelectors.size()", equalTo(6))
                .body("counts.versionsToKeep", equalTo(1));
    }

    @Test
    void invalidSelectorsAreRefusedWithTheReason() {
        admin().body("[{\"latest\":true,\"max_age\":3}]").post("/retention/preview").then().statusCode(400)
                .body("errors.selectors[0]", containsString("\"latest\" cannot be combined with \"max_age\""));
        admin().body("[{\"tags\":\"prod\"}]").post("/retention/preview").then().statusCode(400)
                .body("errors.selectors[0]", containsString("unknown key \"tags\""));
        admin().body("[]").post("/retention/preview").then().statusCode(400)
                .body("errors.selectors[0]", containsString("empty"));
        admin().body("[{\"max_age\":\"30\"}]").post("/retention/preview").then().statusCode(400)
                .body("errors.selectors[0]", containsString("whole number of days"));
        admin().body("[{\"latest\":true}]").queryParam("limit", 0).post("/retention/preview").then().statusCode(400)
                .body("errors.limit[0]", containsString("between 1 and"));
    }

    @Test
    void writesNeedReadWriteCredentialsAndReadsAnyCredentials() {
        given().body("[{\"latest\":true}]").post("/retention/preview").then().statusCode(401)
                .header("WWW-Authenticate", "Basic realm=\"Restricted area\"");
        given().auth().preemptive().basic("admin", "wrong").post("/retention/runs").then().statusCode(401);
        given().auth().preemptive().basic("reader", "r3ad").post("/retention/runs").then().statusCode(403);
        given().auth().preemptive().basic("reader", "r3ad").get("/retention/runs").then().statusCode(200);
        given().get("/retention/runs").then().statusCode(401);
        given().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void aRunStartedOverHttpIsListedWithItsCountsAndEvents() throws Exception {
        twoVersionsOfFooOneOld();
        int id = admin().post("/retention/runs").then().statusCode(202)
                .header("Location", containsString("/retention/runs/"))
                .body("trigger", equalTo("http")).extract().path("id");
        waitUntilFinished(id);
        admin().get("/retention/runs/" + id).then().statusCode(200)
                .body("status", equalTo("succeeded"))
                .body("versionsDeleted", equalTo(1))
                .body("versionsKept", equalTo(1))
                .body("result.versions.deleted", equalTo(1));
        given().auth().preemptive().basic("reader", "r3ad").get("/retention/runs").then().statusCode(200)
                .body("runs.id", hasItem(id));
        assertThat(db.versions("Foo")).containsExactly("new");
        // the deleted version's event was written with the delete, and the run's summary at its end
        assertThat(outbox("io.pactport.retention.versions.deleted.v1")).contains("\"pacticipant\": \"Foo\"",
                "\"number\": \"old\"");
        assertThat(outbox("io.pactport.retention.run.completed.v1")).contains("\"versionsDeleted\": 1",
                "\"runId\": " + id);
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("pactport_retention_versions_deleted_total"))
                .body(containsString("pactport_retention_last_success_time_seconds"));
        admin().get("/retention/runs/999999").then().statusCode(404);
    }

    @Test
    void aSecondRunOnThisReplicaIsRefusedWhileOneRuns() {
        CleanService.PreparedRun running = clean.prepare(RunTrigger.HTTP, clean.settings());
        try {
            admin().post("/retention/runs").then().statusCode(409).body("error", containsString("already running"));
        } finally {
            clean.execute(running);
        }
    }

    @Test
    void aReplicaSkipsWhileAnotherHoldsTheCleanLock() throws SQLException {
        twoVersionsOfFooOneOld();
        try (Connection other = dataSource.getConnection()) {
            try (PreparedStatement lock = other.prepareStatement("SELECT pg_advisory_lock(1907404105)")) {
                lock.execute();
            }
            var run = db.run("[{\"latest\":true}]", 10);
            assertThat(run.status()).isEqualTo(RunStatus.SKIPPED);
            assertThat(run.message()).contains("a clean is already in progress");
            assertThat(db.count("versions")).isEqualTo(2);
            try (PreparedStatement unlock = other.prepareStatement("SELECT pg_advisory_unlock(1907404105)")) {
                unlock.execute();
            }
        }
        assertThat(db.run("[{\"latest\":true}]", 10).status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(db.count("versions")).isEqualTo(1);
    }

    private void waitUntilFinished(int id) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            String status = admin().get("/retention/runs/" + id).then().extract().path("status");
            if (!"running".equals(status)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("run " + id + " did not finish");
    }

    private String outbox(String type) throws SQLException {
        try (PreparedStatement s = db.connection().prepareStatement(
                "SELECT topic || ' ' || event_key || ' ' || payload::text FROM pactport_outbox WHERE event_type = ?")) {
            s.setString(1, type);
            StringBuilder out = new StringBuilder();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    assertThat(rs.getString(1)).startsWith("pactport.retention.v1 ");
                    out.append(rs.getString(1)).append('\n');
                }
            }
            return out.toString();
        }
    }
}
