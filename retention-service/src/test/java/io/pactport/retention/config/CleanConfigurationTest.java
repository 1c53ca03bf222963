package io.pactport.retention.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pactport.core.config.ConfigurationException;
import io.pactport.core.config.LegacyEnvironmentConfigSourceFactory;
import io.pactport.retention.selectors.CleanSettings;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The service reads the clean's variables through its configuration, old names included, and refuses bad ones. */
class CleanConfigurationTest {

    private static CleanSettings settings(Map<String, String> variables) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(variables, "environment", 300))
                .withSources(new LegacyEnvironmentConfigSourceFactory())
                .build();
        return new CleanConfiguration().cleanSettings(config);
    }

    @Test
    void theDefaultsAreTheDockerImages() {
        assertThat(settings(Map.of())).isEqualTo(CleanSettings.defaults());
    }

    @Test
    void pactBrokerNamesAreReadUnderTheirNewNames() {
        CleanSettings s = settings(Map.of(
                "PACT_BROKER_DATABASE_CLEAN_ENABLED",
                "true",
                "PACT_BROKER_DATABASE_CLEAN_DELETION_LIMIT",
                "250",
                "PACTFLOW_DATABASE_CLEAN_CRON_SCHEDULE",
                "*/2 * * * *"));
        assertThat(s.enabled()).isTrue();
        assertThat(s.deletionLimit()).isEqualTo(250);
        assertThat(s.cronSchedule().expression()).isEqualTo("*/2 * * * *");
    }

    @Test
    void anInvalidValueStopsTheStartNamingTheVariable() {
        assertThatThrownBy(() -> settings(Map.of(
                        "PACT_BROKER_DATABASE_CLEAN_KEEP_VERSION_SELECTORS", "[{\"latest\":true,\"max_age\":30}]")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("PACTFLOW_DATABASE_CLEAN_KEEP_VERSION_SELECTORS: selector 1: \"latest\" cannot"
                        + " be combined with \"max_age\"");
        assertThatThrownBy(() -> settings(Map.of("PACTFLOW_DATABASE_CLEAN_CRON_SCHEDULE", "0 15 2 * * ?")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("PACTFLOW_DATABASE_CLEAN_CRON_SCHEDULE:");
    }
}
