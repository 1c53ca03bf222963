package io.pactport.core.testing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.pactport.core.auth.AuthFilter;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every endpoint of a service checks credentials as broker-api does, once authentication is on: one test per endpoint
 * and kind of caller. A service's {@code AuthTest} extends this with {@code @QuarkusTest}, its PostgreSQL and Kafka
 * resources and {@code @TestProfile(AuthContract.Locked.class)}, and lists its endpoints in {@link #endpoints()}.
 * <p>
 * A caller that may make the request must get past the check (any answer but 401 and 403: what the endpoint then does
 * with an empty test database is its own tests' business); anyone else gets the uniform 401 with the challenge, or 403.
 */
public abstract class AuthContract {

    public static final String WRITER = "sre-admin";
    public static final String WRITER_PASSWORD = "rw-p4ss:word";
    public static final String READER = "sre-reader";
    public static final String READER_PASSWORD = "ro-p4ss";
    public static final String WRITE_TOKEN = "rw-token-5be1";
    public static final String READ_TOKEN = "ro-token-93ac";

    /** An endpoint, and whether calling it changes anything (then it needs write credentials, else read ones). */
    public record Endpoint(String method, String path, boolean writes) {

        public static Endpoint read(String method, String path) {
            return new Endpoint(method, path, false);
        }

        public static Endpoint write(String method, String path) {
            return new Endpoint(method, path, true);
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    /**
     * Both users and both kinds of token, as an operator turning authentication on for the whole suite sets them;
     * badges stay public (the default).
     */
    public static class Locked implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "pactflow.basic-auth-username",
                    WRITER,
                    "pactflow.basic-auth-password",
                    WRITER_PASSWORD,
                    "pactflow.basic-auth-read-only-username",
                    READER,
                    "pactflow.basic-auth-read-only-password",
                    READER_PASSWORD,
                    "pactflow.read-write-api-tokens",
                    WRITE_TOKEN,
                    "pactflow.read-only-api-tokens",
                    // a list, as operators give it: the token that is used is not the first
                    "ro-token-unused," + READ_TOKEN);
        }
    }

    /** Every endpoint the service serves outside {@code /q/health} and {@code /q/metrics}. */
    protected abstract List<Endpoint> endpoints();

    private enum Caller {
        ANONYMOUS(false, false, () -> given()),
        WRONG_PASSWORD(false, false, () -> given().auth().preemptive().basic(WRITER, "not-" + WRITER_PASSWORD)),
        UNKNOWN_TOKEN(false, false, () -> given().header("Authorization", "Bearer not-" + WRITE_TOKEN)),
        READ_ONLY_USER(true, false, () -> given().auth().preemptive().basic(READER, READER_PASSWORD)),
        READ_ONLY_TOKEN(true, false, () -> given().header("Authorization", "Bearer " + READ_TOKEN)),
        WRITE_USER(true, true, () -> given().auth().preemptive().basic(WRITER, WRITER_PASSWORD)),
        WRITE_TOKEN_CALLER(true, true, () -> given().header("Authorization", "Bearer " + WRITE_TOKEN));

        final boolean reads;
        final boolean writes;
        final Supplier<RequestSpecification> request;

        Caller(boolean reads, boolean writes, Supplier<RequestSpecification> request) {
            this.reads = reads;
            this.writes = writes;
            this.request = request;
        }
    }

    @TestFactory
    List<DynamicTest> everyEndpointChecksEveryKindOfCaller() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Endpoint endpoint : endpoints()) {
            for (Caller caller : Caller.values()) {
                tests.add(DynamicTest.dynamicTest(endpoint + " as " + caller, () -> check(endpoint, caller)));
            }
        }
        return tests;
    }

    @TestFactory
    List<DynamicTest> healthAndMetricsStayPublic() {
        return List.of("/q/health/ready", "/q/health/live", "/q/metrics").stream()
                .map(path -> DynamicTest.dynamicTest(
                        path,
                        () -> assertThat(given().get(path).statusCode())
                                .as(path)
                                .isEqualTo(200)))
                .toList();
    }

    @Test
    void metricsNeverShowThePathsOfRefusedOrUnknownRequests() {
        given().get("/refused-" + READER).then().statusCode(401);
        given().auth()
                .preemptive()
                .basic(READER, READER_PASSWORD)
                .contentType("application/json")
                .body("{}")
                .delete("/refused-project-x")
                .then()
                .statusCode(403);
        given().auth()
                .preemptive()
                .basic(WRITER, WRITER_PASSWORD)
                .get("/unknown-project-y")
                .then()
                .statusCode(404);
        String metrics =
                given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics)
                .contains("http_server_requests_seconds_count")
                .doesNotContain("refused-" + READER, "refused-project-x", "unknown-project-y");
    }

    private static void check(Endpoint endpoint, Caller caller) {
        RequestSpecification request = caller.request.get();
        if (endpoint.writes()) {
            request.contentType("application/json").body("{}");
        }
        Response response = request.request(endpoint.method(), endpoint.path());
        boolean allowed = endpoint.writes() ? caller.writes : caller.reads;
        if (allowed) {
            assertThat(response.statusCode())
                    .as("%s as %s gets past the check", endpoint, caller)
                    .isNotIn(401, 403);
        } else if (!caller.reads) {
            assertThat(response.statusCode()).as("%s as %s", endpoint, caller).isEqualTo(401);
            assertThat(response.header("WWW-Authenticate")).isEqualTo(AuthFilter.CHALLENGE);
            assertThat(response.asString()).isEqualTo(AuthFilter.UNAUTHORIZED);
        } else {
            assertThat(response.statusCode()).as("%s as %s", endpoint, caller).isEqualTo(403);
            assertThat(response.asString()).isEqualTo(AuthFilter.FORBIDDEN);
        }
    }
}
