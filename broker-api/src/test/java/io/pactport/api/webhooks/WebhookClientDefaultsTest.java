package io.pactport.api.webhooks;

import static io.pactport.api.webhooks.WebhookClientSettingsTest.execute;
import static org.assertj.core.api.Assertions.assertThat;

import io.pactport.core.testing.KafkaResource;
import io.pactport.core.testing.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The webhook client with none of the Pact Broker's client settings: the JVM's authorities only, so a self-signed
 * server is refused; the Pact Broker's {@code User-Agent}; secrets masked in the execution log.
 */
@QuarkusTest
@TestProfile(WebhookExecutionTest.LocalReceiverAllowed.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class WebhookClientDefaultsTest {

    private static final WebhookReceiver SELF_SIGNED = WebhookReceiver.tls();
    private static final WebhookReceiver PLAIN = new WebhookReceiver();

    @AfterAll
    static void stopReceivers() {
        SELF_SIGNED.close();
        PLAIN.close();
    }

    @Test
    void aSelfSignedServerIsRefused() {
        JsonPath result = execute("https://localhost:" + SELF_SIGNED.port() + "/build", null, null);

        assertThat(result.getBoolean("success")).isFalse();
        assertThat(SELF_SIGNED.matching(r -> true)).isEmpty();
    }

    @Test
    void requestsNameThemselvesAsThePactBrokerAndTheLogMasksSecrets() {
        JsonPath result = execute("http://localhost:" + PLAIN.port() + "/build", "ci", "s3cret");

        assertThat(result.getBoolean("success")).as(result.prettify()).isTrue();
        assertThat(PLAIN.matching(r -> r.uri().equals("/build")))
                .singleElement()
                .satisfies(r -> assertThat(r.header("User-Agent")).isEqualTo("Pact Broker v2.120.0"));
        assertThat(result.getString("logs"))
                .contains("authorization: **********")
                .contains("x-token: **********")
                .doesNotContain("s3cret");
    }
}
