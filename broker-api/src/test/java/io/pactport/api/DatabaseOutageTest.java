package io.pactport.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.pactport.core.testing.FreezablePostgresResource;
import io.pactport.core.testing.FreezingProxy;
import io.pactport.core.testing.KafkaResource;
import io.pactport.core.testing.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A database that stops answering turns into clear, bounded answers: readiness says DOWN instead of hanging, requests
 * get a 503 with a message instead of waiting forever, and the service recovers by itself when the database is back.
 */
@QuarkusTest
@TestProfile(DatabaseOutageTest.ShortDeadline.class)
@WithTestResource(FreezablePostgresResource.class)
@WithTestResource(KafkaResource.class)
class DatabaseOutageTest {

    public static class ShortDeadline implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("pactflow.request-timeout", "2s");
        }
    }

    /** A hanging answer fails the test rather than hanging it. */
    private static final RestAssuredConfig BOUNDED = RestAssuredConfig.config()
            .httpClient(HttpClientConfig.httpClientConfig()
                    .setParam("http.socket.timeout", 20_000)
                    .setParam("http.connection.timeout", 5_000));

    FreezingProxy proxy;
    TestDatabase database;

    private static RequestSpecification client() {
        return given().config(BOUNDED);
    }

    @AfterEach
    void restore() {
        proxy.restore();
    }

    @Test
    void readinessAnswersDownWhileTheDatabaseDoesNotAnswer() {
        client().get("/q/health/ready").then().statusCode(200);
        proxy.freeze();
        for (int probe = 0; probe < 3; probe++) {
            client().get("/q/health/ready").then().statusCode(503);
        }
        proxy.restore();
        awaitReady();
    }

    @Test
    void theDependenciesReportAnswers500WithTheReasonWhileTheDatabaseDoesNotAnswer() {
        client().get("/diagnostic/status/dependencies").then().statusCode(200);
        proxy.freeze();
        // the first probe waits for the database (2 s, as long as this profile's request deadline: 500 or 503);
        // while it is stuck, the next answers at once
        client().get("/diagnostic/status/dependencies");
        Response response = client().get("/diagnostic/status/dependencies");
        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.jsonPath().getBoolean("database.ok")).isFalse();
        assertThat(response.jsonPath().getString("database.error.message")).isNotBlank();
        proxy.restore();
        awaitReady();
    }

    @Test
    void aRequestThatTheDatabaseDoesNotAnswerGetsA503WithAMessage() throws SQLException {
        client().contentType("application/json")
                .body("{\"name\":\"before-outage\"}")
                .post("/pacticipants")
                .then()
                .statusCode(201);
        proxy.freeze();
        Instant start = Instant.now();
        Response response = client().contentType("application/json")
                .body("{\"name\":\"during-outage\"}")
                .post("/pacticipants");
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.contentType()).startsWith("application/json");
        assertThat(response.jsonPath().getString("error")).contains("PACTFLOW_REQUEST_TIMEOUT");
        assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(15));

        proxy.restore();
        awaitReady();
        assertThat(names()).contains("before-outage").doesNotContain("during-outage");
        client().contentType("application/json")
                .body("{\"name\":\"after-outage\"}")
                .post("/pacticipants")
                .then()
                .statusCode(201);
    }

    private static void awaitReady() {
        Instant deadline = Instant.now().plusSeconds(30);
        while (client().get("/q/health/ready").statusCode() != 200) {
            assertThat(Instant.now())
                    .as("ready again within 30 s of the database's return")
                    .isBefore(deadline);
        }
    }

    private List<String> names() throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection connection = database.connect();
                ResultSet rows = connection.createStatement().executeQuery("SELECT name FROM pacticipants")) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }
}
