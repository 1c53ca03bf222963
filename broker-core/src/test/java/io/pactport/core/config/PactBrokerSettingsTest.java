package io.pactport.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.pactport.core.config.PactBrokerEnvironmentTranslation.Standing;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Every setting the Pact Broker 2.120 has is either honoured by Pactport or named as having no effect. */
class PactBrokerSettingsTest {

    private static List<String> pactBrokerSettings() throws IOException {
        try (InputStream in = PactBrokerSettingsTest.class.getResourceAsStream("/pact-broker-2.120-settings.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .map(String::trim)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .toList();
        }
    }

    @Test
    void noPactBrokerSettingIsUnclassified() throws IOException {
        List<String> settings = pactBrokerSettings();
        Map<String, Standing> unclassified = new TreeMap<>();
        settings.forEach(setting -> {
            if (PactBrokerEnvironmentTranslation.standing(setting) == Standing.UNKNOWN) {
                unclassified.put(setting, Standing.UNKNOWN);
            }
        });

        assertThat(settings).hasSizeGreaterThan(70);
        assertThat(unclassified).isEmpty();
    }

    @Test
    void theInfrastructureSettingsPactportNowHonoursAreKnown() {
        assertThat(List.of(
                        "BADGE_DEFAULT_CACHE_SETTING",
                        "PACT_CONTENT_DIFF_TIMEOUT",
                        "DATABASE_MAX_CONNECTIONS",
                        "DATABASE_POOL_TIMEOUT",
                        "DATABASE_STATEMENT_TIMEOUT",
                        "DATABASE_CONNECTION_VALIDATION_TIMEOUT",
                        "LOG_LEVEL",
                        "WEBHOOK_CERTIFICATES",
                        "DISABLE_SSL_VERIFICATION",
                        "USER_AGENT",
                        "WEBHOOK_REDACT_SENSITIVE_DATA"))
                .allSatisfy(setting -> assertThat(PactBrokerEnvironmentTranslation.standing(setting))
                        .isEqualTo(Standing.HONOURED));
        assertThat(PactBrokerEnvironmentTranslation.standing("AUTO_MIGRATE_DB")).isEqualTo(Standing.REPLACED);
        assertThat(PactBrokerEnvironmentTranslation.standing("FLUX_CAPACITOR")).isEqualTo(Standing.UNKNOWN);
    }

    @Test
    void theBadgeCacheSettingAndACertificateEntryAreRenamedWithoutAWarning() {
        assertThat(PactBrokerEnvironmentTranslation.translate(List.of(
                                new PactBrokerEnvironmentTranslation.Entry(
                                        "PACT_BROKER_BADGE_DEFAULT_CACHE_SETTING", "max-age=60"),
                                new PactBrokerEnvironmentTranslation.Entry(
                                        "PACT_BROKER_WEBHOOK_CERTIFICATES__0__PATH", "/certs/ci.pem")))
                        .warnings())
                .isEmpty();
    }

    @Test
    void settingsWithoutEffectAreNamedUnderEitherNameAndOthersAreNot() {
        assertThat(PactBrokerEnvironmentTranslation.notUsedWarnings(
                        List.of("PACT_BROKER_LOG_DIR", "PACTFLOW_SQL_LOG_LEVEL", "PACTFLOW_LOG_LEVEL", "LOG_DIR")
                                .iterator()))
                .containsExactly(
                        "PACTFLOW_SQL_LOG_LEVEL is a Pact Broker setting not used by Pactport: it has no effect",
                        "PACT_BROKER_LOG_DIR is a Pact Broker setting not used by Pactport: it has no effect");
    }
}
