package io.pactport.api.webhooks;

import static io.pactport.api.ApiFixture.pacticipant;
import static io.pactport.api.ApiFixture.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.pactport.core.testing.KafkaResource;
import io.pactport.core.testing.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The webhook client as a team's Pact Broker environment sets it, under the old names: the in-house servers'
 * self-signed certificates it trusts ({@code WEBHOOK_CERTIFICATES}, by content and by path, a broken entry left out),
 * its {@code USER_AGENT}, and execution logs that show secrets ({@code WEBHOOK_REDACT_SENSITIVE_DATA=false}). The
 * defaults are {@link WebhookClientDefaultsTest}'s.
 */
@QuarkusTest
@TestProfile(WebhookClientSettingsTest.TeamSettings.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class WebhookClientSettingsTest {

    static final WebhookReceiver BY_CONTENT = WebhookReceiver.tls();
    static final WebhookReceiver BY_PATH = WebhookReceiver.tls();
    static final WebhookReceiver UNLISTED = WebhookReceiver.tls();

    public static class TeamSettings implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.ofEntries(
                    Map.entry("pactflow.webhook.host-whitelist", "localhost"),
                    Map.entry("pactflow.webhook.scheme-whitelist", "https"),
                    Map.entry("PACT_BROKER_WEBHOOK_CERTIFICATES__0__DESCRIPTION", "the CI server"),
                    Map.entry("PACT_BROKER_WEBHOOK_CERTIFICATES__0__CONTENT", BY_CONTENT.certificatePem()),
                    Map.entry("PACT_BROKER_WEBHOOK_CERTIFICATES__1__LABEL", "broken"),
                    Map.entry("PACT_BROKER_WEBHOOK_CERTIFICATES__1__CONTENT", "not a certificate"),
                    Map.entry("PACT_BROKER_WEBHOOK_CERTIFICATES__2__PATH", pemFile(BY_PATH)),
                    Map.entry("PACT_BROKER_USER_AGENT", "Team-CI-Broker/1.0"),
                    Map.entry("PACT_BROKER_WEBHOOK_REDACT_SENSITIVE_DATA", "false"));
        }
    }

    @AfterAll
    static void stopReceivers() {
        BY_CONTENT.close();
        BY_PATH.close();
        UNLISTED.close();
    }

    @Test
    void aServerWhoseCertificateIsConfiguredByContentIsCalledWithTheSetUserAgent() {
        JsonPath result = execute("https://localhost:" + BY_CONTENT.port() + "/build", "ci", "s3cret");

        assertThat(result.getBoolean("success")).as(result.prettify()).isTrue();
        assertThat(BY_CONTENT.matching(r -> r.uri().equals("/build")))
                .singleElement()
                .satisfies(r -> assertThat(r.header("User-Agent")).isEqualTo("Team-CI-Broker/1.0"));
    }

    @Test
    void aServerWhoseCertificateIsConfiguredByPathIsCalled() {
        JsonPath result = execute("https://localhost:" + BY_PATH.port() + "/build", null, null);

        assertThat(result.getBoolean("success")).as(result.prettify()).isTrue();
    }

    @Test
    void aServerWithAnotherSelfSignedCertificateIsStillRefused() {
        JsonPath result = execute("https://localhost:" + UNLISTED.port() + "/build", null, null);

        assertThat(result.getBoolean("success")).isFalse();
        assertThat(UNLISTED.matching(r -> true)).isEmpty();
    }

    @Test
    void unredactedLogsShowTheSecretsWhileTheResponseStillMasksThem() {
        JsonPath result = execute("https://localhost:" + BY_CONTENT.port() + "/secret", "ci", "s3cret");

        String basic = "Basic " + Base64.getEncoder().encodeToString("ci:s3cret".getBytes(StandardCharsets.UTF_8));
        assertThat(result.getString("logs")).contains("authorization: " + basic).contains("x-token: t0ken");
        assertThat(result.getString("request.headers.authorization")).isEqualTo("**********");
    }

    /** Runs an unsaved webhook through {@code POST /webhooks/execute}, as a team tries one out. */
    static JsonPath execute(String url, String username, String password) {
        String consumer = unique("TlsConsumer");
        pacticipant(consumer);
        String credentials =
                username == null ? "" : ",\"username\":\"%s\",\"password\":\"%s\"".formatted(username, password);
        return given().contentType("application/json")
                .body("""
                {"consumer":{"name":"%s"},"request":{"method":"POST","url":"%s",
                 "headers":{"X-Token":"t0ken"},"body":"hello"%s}}""".formatted(consumer, url, credentials))
                .when()
                .post("/webhooks/execute")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static String pemFile(WebhookReceiver receiver) {
        try {
            Path file = Files.createTempFile("webhook-server", ".pem");
            Files.writeString(file, receiver.certificatePem());
            return file.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
