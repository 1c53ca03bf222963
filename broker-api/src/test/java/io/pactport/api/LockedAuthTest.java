package io.pactport.api;

import static io.pactport.api.Callers.FOR_VERIFICATION;
import static io.pactport.api.Callers.READER;
import static io.pactport.api.Callers.READ_TOKEN;
import static io.pactport.api.Callers.WRITER;
import static io.pactport.api.Callers.WRITE_PATH;
import static io.pactport.api.Callers.WRITE_TOKEN;
import static io.pactport.api.Callers.anonymous;
import static io.pactport.api.Callers.passed;
import static io.pactport.api.Callers.reader;
import static io.pactport.api.Callers.token;
import static io.pactport.api.Callers.user;
import static io.pactport.api.Callers.writer;
import static org.assertj.core.api.Assertions.assertThat;

import io.pactport.core.auth.AuthFilter;
import io.pactport.core.testing.AuthContract;
import io.pactport.core.testing.KafkaResource;
import io.pactport.core.testing.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(AuthContract.Locked.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class LockedAuthTest {

    private static void unauthorized(RequestSpecification request, String method, String path) {
        Response response = request.when()
                .request(method, path)
                .then()
                .statusCode(401)
                .header("WWW-Authenticate", "Basic realm=\"Restricted area\"")
                .extract()
                .response();
        assertThat(response.contentType()).startsWith("application/json");
        assertThat(response.asString()).isEqualTo(AuthFilter.UNAUTHORIZED);
    }

    @Test
    void theReadOnlyUserReadsButCannotWrite() {
        reader().when().get("/").then().statusCode(200);
        reader().when().head("/").then().statusCode(200);
        Response response = reader().contentType("application/json")
                .body("{\"name\":\"Foo\"}")
                .when()
                .put(WRITE_PATH)
                .then()
                .statusCode(403)
                .extract()
                .response();
        assertThat(response.contentType()).startsWith("application/json");
        assertThat(response.jsonPath().getString("error")).startsWith("Forbidden");
        reader().when().delete(WRITE_PATH).then().statusCode(403);
    }

    @Test
    void theReadWriteUserReadsAndWrites() {
        writer().when().get("/").then().statusCode(200);
        passed(writer().contentType("application/json")
                .body("{\"name\":\"Foo\"}")
                .when()
                .put(WRITE_PATH));
        passed(writer().when().post("/contracts/publish"));
    }

    @Test
    void theReadOnlyUserMayAskWhichPactsToVerify() {
        passed(reader().contentType("application/json").body("{}").when().post(FOR_VERIFICATION));
        anonymous()
                .contentType("application/json")
                .body("{}")
                .when()
                .post(FOR_VERIFICATION)
                .then()
                .statusCode(401);
    }

    @Test
    void aWrongPasswordAndAnUnknownUserLookTheSame() {
        Response wrongPassword = user(WRITER, "guess").when().get("/");
        Response unknownUser = user("mallory", Callers.WRITER_PASSWORD).when().get("/");
        Response readerWithWriterPassword =
                user(READER, Callers.WRITER_PASSWORD).when().get("/");
        for (Response response : new Response[] {wrongPassword, unknownUser, readerWithWriterPassword}) {
            response.then().statusCode(401).header("WWW-Authenticate", "Basic realm=\"Restricted area\"");
        }
        assertThat(unknownUser.asString())
                .isEqualTo(wrongPassword.asString())
                .isEqualTo(readerWithWriterPassword.asString())
                .isEqualTo(AuthFilter.UNAUTHORIZED);
    }

    @Test
    void noCredentialsAreUnauthorisedOnEveryRoute() {
        unauthorized(anonymous(), "GET", "/");
        unauthorized(anonymous(), "OPTIONS", "/pacticipants");
        unauthorized(anonymous(), "PUT", WRITE_PATH);
        unauthorized(anonymous(), "GET", "/no-such-resource");
        unauthorized(anonymous(), "GET", "/diagnostic/status/heartbeat");
        unauthorized(anonymous().header("Authorization", "Basic !!!"), "GET", "/");
        unauthorized(anonymous().header("Authorization", "Negotiate abc"), "GET", "/");
    }

    @Test
    void aRefusalStillSaysWhichPactBrokerApiThisIs() {
        anonymous().when().get("/").then().statusCode(401).header("X-Pact-Broker-Version", "2.120.0");
    }

    @Test
    void tokensActAsTheUsersDo() {
        token(READ_TOKEN).when().get("/").then().statusCode(200);
        passed(token(READ_TOKEN)
                .contentType("application/json")
                .body("{}")
                .when()
                .post(FOR_VERIFICATION));
        String refusal = token(READ_TOKEN)
                .contentType("application/json")
                .body("{\"name\":\"Foo\"}")
                .when()
                .put(WRITE_PATH)
                .then()
                .statusCode(403)
                .extract()
                .jsonPath()
                .getString("error");
        assertThat(refusal).startsWith("Forbidden");
        token(WRITE_TOKEN).when().get("/").then().statusCode(200);
        passed(token(WRITE_TOKEN)
                .contentType("application/json")
                .body("{\"name\":\"Foo\"}")
                .when()
                .put(WRITE_PATH));
        unauthorized(token("rw-token-4f2a9d"), "GET", "/");
    }

    @Test
    void healthAndMetricsNeedNoCredentials() {
        assertThat(anonymous()
                        .when()
                        .get("/q/health/ready")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getString("status"))
                .isEqualTo("UP");
        anonymous().when().get("/q/health/live").then().statusCode(200);
        anonymous().when().get("/q/metrics").then().statusCode(200);
        user(WRITER, "guess").when().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void metricsNeverShowThePathsOfRefusedOrUnknownRequests() {
        reader().contentType("application/json")
                .body("{}")
                .when()
                .put("/pacticipants/confidential-svc/versions/7.7.7/tags/prod")
                .then()
                .statusCode(403);
        anonymous().when().get("/pacticipants/secret-team-svc").then().statusCode(401);
        writer().when().get("/no-such-route/hidden-project").then().statusCode(404);
        writer().when().get("/pacticipants/unknown-svc-name").then().statusCode(404);
        writer().contentType("application/json")
                .body("[")
                .when()
                .post("/environments")
                .then()
                .statusCode(400);

        String metrics = anonymous()
                .when()
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(metrics)
                .contains("http_server_requests_seconds_count")
                .doesNotContain("confidential-svc", "7.7.7", "secret-team-svc", "hidden-project", "unknown-svc-name");
        assertThat(metrics).contains("uri=\"/pacticipants/{pacticipant}\"");
    }

    @Test
    void badgesNeedNoCredentialsByDefaultButOnlyToBeRead() {
        Response badge = anonymous().when().get(Callers.BADGE);
        assertThat(badge.statusCode()).isEqualTo(200);
        assertThat(badge.contentType()).startsWith("image/svg+xml");
        assertThat(badge.asString()).contains(">pact not found<");
        assertThat(anonymous().when().delete(Callers.BADGE).statusCode()).isEqualTo(401);
        assertThat(anonymous()
                        .when()
                        .get("/pacts/provider/Foo/consumer/Bar/latest")
                        .statusCode())
                .isEqualTo(401);
    }

    @Test
    void theHeartbeatAnswersTheUsers() {
        assertThat(reader().when()
                        .get("/diagnostic/status/heartbeat")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getBoolean("ok"))
                .isTrue();
    }
}
