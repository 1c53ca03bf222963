package io.pactport.api.pacts;

import static io.pactport.api.ApiFixture.pact;
import static io.pactport.api.ApiFixture.putPact;
import static io.pactport.api.ApiFixture.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.pactport.core.testing.KafkaResource;
import io.pactport.core.testing.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A diff that takes longer than the Pact Broker's {@code PACT_CONTENT_DIFF_TIMEOUT} (set here to a millisecond, under
 * its old name) is given up with the Pact Broker's 408; within the default 15 s the same diff is {@link PactDiffTest}'s
 * page.
 */
@QuarkusTest
@TestProfile(PactDiffTimeoutTest.OneMillisecond.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class PactDiffTimeoutTest {

    public static class OneMillisecond implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("PACT_BROKER_PACT_CONTENT_DIFF_TIMEOUT", "PT0.001S");
        }
    }

    @Test
    void aDiffTakingLongerThanTheTimeoutIsAnswered408WithTheReason() {
        String consumer = unique("DiffConsumer");
        String provider = unique("DiffProvider");
        // large enough to be diffed on a parsing thread, which takes far longer than a millisecond
        String[] many = IntStream.range(0, 2_000).mapToObj(i -> "request " + i).toArray(String[]::new);
        String[] more = IntStream.range(0, 2_001).mapToObj(i -> "request " + i).toArray(String[]::new);
        putPact(consumer, provider, "1", pact(consumer, provider, many)).statusCode(201);
        putPact(consumer, provider, "2", pact(consumer, provider, more)).statusCode(201);

        Response response =
                given().get("/pacts/provider/{p}/consumer/{c}/version/2/diff/previous-distinct", provider, consumer);

        assertThat(response.statusCode()).isEqualTo(408);
        assertThat(response.jsonPath().getString("error"))
                .isEqualTo("The diff could not be generated within 1 ms (PACTFLOW_PACT_CONTENT_DIFF_TIMEOUT)");
    }
}
