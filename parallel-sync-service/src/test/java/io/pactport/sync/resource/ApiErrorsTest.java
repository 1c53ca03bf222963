package io.pactport.sync.resource;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.pactport.core.testing.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Each failure answers for what it is: a re-drive of a disabled target is a conflict with the configuration, while a
 * Kafka that does not answer is the service being unavailable, not a conflict.
 */
@QuarkusTest
@TestProfile(ApiErrorsTest.KafkaDown.class)
@WithTestResource(PostgresResource.class)
class ApiErrorsTest {

    /** One enabled and one disabled target, and a Kafka address nothing listens on. */
    public static class KafkaDown implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "kafka.bootstrap.servers",
                    "localhost:1",
                    "pactflow.sync.targets[0].name",
                    "live",
                    "pactflow.sync.targets[0].url",
                    "http://localhost:1",
                    "pactflow.sync.targets[1].name",
                    "off",
                    "pactflow.sync.targets[1].url",
                    "http://localhost:1",
                    "pactflow.sync.targets[1].enabled",
                    "false");
        }
    }

    @Test
    void aRedriveWhileKafkaDoesNotAnswerIsServiceUnavailableNotAConflict() {
        Response response = given().post("/sync/dlq/redrive?target=live");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.jsonPath().getString("error")).contains("live", "Kafka did not answer");
    }

    @Test
    void aRedriveOfADisabledTargetIsAConflict() {
        Response response = given().post("/sync/dlq/redrive?target=off");

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(response.jsonPath().getMap("")).isEqualTo(Map.of("error", "target off is disabled"));
    }
}
