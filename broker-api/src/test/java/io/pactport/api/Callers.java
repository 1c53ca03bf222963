package io.pactport.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.pactport.core.testing.AuthContract;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.Map;

/** The callers the auth tests play, and the configurations that know them. */
final class Callers {

    // the credentials AuthContract.Locked configures, which every service's auth tests share
    static final String WRITER = AuthContract.WRITER;
    static final String WRITER_PASSWORD = AuthContract.WRITER_PASSWORD;
    static final String READER = AuthContract.READER;
    static final String READER_PASSWORD = AuthContract.READER_PASSWORD;
    static final String WRITE_TOKEN = AuthContract.WRITE_TOKEN;
    static final String READ_TOKEN = AuthContract.READ_TOKEN;

    /** Any write the auth check stands in front of; what matters is whether it gets past the check. */
    static final String WRITE_PATH = "/pacticipants/Foo";

    static final String FOR_VERIFICATION = "/pacts/provider/Foo/for-verification";
    /** A badge: public unless PACTFLOW_ENABLE_PUBLIC_BADGE_ACCESS is false. */
    static final String BADGE = "/pacts/provider/Foo/consumer/Bar/latest/badge";

    private Callers() {}

    static RequestSpecification anonymous() {
        return given();
    }

    static RequestSpecification user(String name, String password) {
        return given().auth().preemptive().basic(name, password);
    }

    static RequestSpecification writer() {
        return user(WRITER, WRITER_PASSWORD);
    }

    static RequestSpecification reader() {
        return user(READER, READER_PASSWORD);
    }

    static RequestSpecification token(String token) {
        return given().header("Authorization", "Bearer " + token);
    }

    /** Past the auth check: whatever the route then answers, it is neither 401 nor 403. */
    static void passed(Response response) {
        assertThat(response.statusCode()).as("status past the auth check").isNotIn(401, 403);
    }

    /** The read/write user, with every read public. */
    public static class PublicRead implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "pactflow.basic-auth-username",
                    WRITER,
                    "pactflow.basic-auth-password",
                    WRITER_PASSWORD,
                    "pactflow.allow-public-read",
                    "true");
        }
    }

    /**
     * A Pact Broker's environment, unrenamed: the users, a public heartbeat and private badges under the PACT_BROKER_
     * names.
     */
    public static class PactBrokerNames implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "PACT_BROKER_BASIC_AUTH_USERNAME",
                    WRITER,
                    "PACT_BROKER_BASIC_AUTH_PASSWORD",
                    WRITER_PASSWORD,
                    "PACT_BROKER_BASIC_AUTH_READ_ONLY_USERNAME",
                    READER,
                    "PACT_BROKER_BASIC_AUTH_READ_ONLY_PASSWORD",
                    READER_PASSWORD,
                    "PACT_BROKER_PUBLIC_HEARTBEAT",
                    "true",
                    "PACT_BROKER_ENABLE_PUBLIC_BADGE_ACCESS",
                    "false");
        }
    }
}
