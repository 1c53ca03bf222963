package io.pactport.retention.resource;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.pactport.core.testing.KafkaResource;
import io.pactport.core.testing.PostgresResource;
import io.pactport.retention.RetentionFixture;
import io.pactport.retention.model.RunStatus;
import io.pactport.retention.model.RunTrigger;
import io.pactport.retention.service.CleanService;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
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
        JsonPath preview = admin().body("[{\"latest\":true}]")
                .post("/retention/preview")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(preview.getInt("counts.totalVersions")).isEqualTo(2);
        assertThat(preview.getInt("counts.versionsToDelete")).isEqualTo(1);
        assertThat(preview.getString("versionSummary.Foo.toDelete.fromVersion.number"))
                .isEqualTo("old");
        assertThat(preview.getString("versionSummary.Foo.toKeep.latestVersion.number"))
                .isEqualTo("new");
        assertThat(preview.getList("automaticallyAddedSelectors.deployed", Boolean.class))
                .contains(true);
        assertThat(db.count("versions")).isEqualTo(2);
    }

    @Test
    void previewWithoutABodyUsesTheConfiguredSelectors() throws SQLException {
        twoVersionsOfFooOneOld();
        JsonPath preview = given().auth()
                .oauth2("rw-token")
                .post("/retention/preview")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(preview.getList("keepVersionSelectors")).hasSize(6);
        assertThat(preview.getInt("counts.versionsToKeep")).isEqualTo(1);
    }

    @Test
    void theScheduleIsTheConfiguredOneWithItsNextRun() {
        JsonPath schedule = admin().get("/retention/schedule")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();

        assertThat(schedule.getBoolean("enabled")).isEqualTo(clean.settings().enabled());
        assertThat(schedule.getString("cronSchedule"))
                .isEqualTo(clean.settings().cronSchedule().expression());
        assertThat(schedule.getInt("deletionLimit")).isEqualTo(clean.settings().deletionLimit());
        assertThat(schedule.getList("keepVersionSelectors"))
                .hasSize(clean.settings().keepVersionSelectors().size());
        if (clean.settings().enabled()) {
            assertThat(Instant.parse(schedule.getString("nextRunAt"))).isAfter(Instant.now());
        } else {
            assertThat(schedule.getString("nextRunAt")).isNull();
        }
    }

    @Test
    void invalidSelectorsAreRefusedWithTheReason() {
        assertThat(previewRefusal(admin().body("[{\"latest\":true,\"max_age\":3}]"), "selectors"))
                .contains("\"latest\" cannot be combined with \"max_age\"");
        assertThat(previewRefusal(admin().body("[{\"tags\":\"prod\"}]"), "selectors"))
                .contains("unknown key \"tags\"");
        assertThat(previewRefusal(admin().body("[]"), "selectors")).contains("empty");
        assertThat(previewRefusal(admin().body("[{\"max_age\":\"30\"}]"), "selectors"))
                .contains("whole number of days");
        assertThat(previewRefusal(admin().body("[{\"latest\":true}]").queryParam("limit", 0), "limit"))
                .contains("between 1 and");
    }

    @Test
    void writesNeedReadWriteCredentialsAndReadsAnyCredentials() {
        given().body("[{\"latest\":true}]")
                .post("/retention/preview")
                .then()
                .statusCode(401)
                .header("WWW-Authenticate", "Basic realm=\"Restricted area\"");
        given().auth()
                .preemptive()
                .basic("admin", "wrong")
                .post("/retention/runs")
                .then()
                .statusCode(401);
        given().auth()
                .preemptive()
                .basic("reader", "r3ad")
                .post("/retention/runs")
                .then()
                .statusCode(403);
        given().auth()
                .preemptive()
                .basic("reader", "r3ad")
                .get("/retention/runs")
                .then()
                .statusCode(200);
        given().get("/retention/runs").then().statusCode(401);
        given().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void aRunStartedOverHttpIsListedWithItsCountsAndEvents() throws Exception {
        twoVersionsOfFooOneOld();
        ExtractableResponse<Response> started =
                admin().post("/retention/runs").then().statusCode(202).extract();
        assertThat(started.header("Location")).contains("/retention/runs/");
        assertThat(started.jsonPath().getString("trigger")).isEqualTo("http");
        int id = started.path("id");
        waitUntilFinished(id);
        JsonPath finished = admin().get("/retention/runs/" + id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(finished.getString("status")).isEqualTo("succeeded");
        assertThat(finished.getInt("versionsDeleted")).isEqualTo(1);
        assertThat(finished.getInt("versionsKept")).isEqualTo(1);
        assertThat(finished.getInt("result.versions.deleted")).isEqualTo(1);
        assertThat(given().auth()
                        .preemptive()
                        .basic("reader", "r3ad")
                        .get("/retention/runs")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("runs.id", Integer.class))
                .contains(id);
        assertThat(db.versions("Foo")).containsExactly("new");
        // the deleted version's event was written with the delete, and the run's summary at its end
        assertThat(outbox("io.pactport.retention.versions.deleted.v1"))
                .contains("\"pacticipant\": \"Foo\"", "\"number\": \"old\"");
        assertThat(outbox("io.pactport.retention.run.completed.v1"))
                .contains("\"versionsDeleted\": 1", "\"runId\": " + id);
        assertThat(given().get("/q/metrics").then().statusCode(200).extract().asString())
                .contains("pactport_retention_versions_deleted_total", "pactport_retention_last_success_time_seconds");
        admin().get("/retention/runs/999999").then().statusCode(404);
    }

    @Test
    void aSecondRunOnThisReplicaIsRefusedWhileOneRuns() {
        CleanService.PreparedRun running = clean.prepare(RunTrigger.HTTP, clean.settings());
        try {
            assertThat(admin().post("/retention/runs")
                            .then()
                            .statusCode(409)
                            .extract()
                            .jsonPath()
                            .getString("error"))
                    .contains("already running");
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

    /** POSTs the preview, expects a 400, and returns the first error the body gives for {@code field}. */
    private static String previewRefusal(RequestSpecification request, String field) {
        return request.post("/retention/preview")
                .then()
                .statusCode(400)
                .extract()
                .jsonPath()
                .getString("errors." + field + "[0]");
    }

    private void waitUntilFinished(int id) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            String status =
                    admin().get("/retention/runs/" + id).then().extract().path("status");
            if (!"running".equals(status)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("run " + id + " did not finish");
    }

    private String outbox(String type) throws SQLException {
        try (PreparedStatement s = db.connection()
                .prepareStatement(
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
