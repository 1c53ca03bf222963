package io.pactport.api.webhooks;

import static io.pactport.api.webhooks.WebhookClientSettingsTest.execute;
import static org.assertj.core.api.Assertions.assertThat;

import io.pactport.core.testing.KafkaResource;
import io.pactport.core.testing.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** {@code DISABLE_SSL_VERIFICATION=true}: webhooks call a server whose certificate nothing vouches for. */
@QuarkusTest
@TestProfile(WebhookSslVerificationDisabledTest.NoVerification.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class WebhookSslVerificationDisabledTest {

    private static final WebhookReceiver SELF_SIGNED = WebhookReceiver.tls();

    public static class NoVerification implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "pactflow.webhook.host-whitelist", "localhost",
                    "PACT_BROKER_DISABLE_SSL_VERIFICATION", "true");
        }
    }

    @AfterAll
    static void stopReceiver() {
        SELF_SIGNED.close();
    }

    @Test
    void aSelfSignedServerIsCalled() {
        JsonPath result = execute("https://localhost:" + SELF_SIGNED.port() + "/build", null, null);

        assertThat(result.getBoolean("success")).as(result.prettify()).isTrue();
        assertThat(SELF_SIGNED.matching(r -> r.uri().equals("/build"))).hasSize(1);
    }
}
