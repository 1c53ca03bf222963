package io.pactport.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

class LegacyEnvironmentConfigSourceFactoryTest {

    private static Map<String, String> renamed(Map<String, String> vars) {
        return LegacyEnvironmentConfigSourceFactory.renamed(
                vars::get, vars.keySet().iterator());
    }

    /** A configuration as a service builds it: the variables at the environment's ordinal, then the factory. */
    private static SmallRyeConfig config(Map<String, String> vars) {
        return new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(vars, "test-environment", 300))
                .withSources(new PropertiesConfigSource(
                        Map.of("pactflow.public-heartbeat", "false"), "application.properties", 250))
                .withSources(new LegacyEnvironmentConfigSourceFactory())
                .build();
    }

    @Test
    void theStartUpLogNamesEachSetSettingThatHasNoEffect() {
        List<String> warnings = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                    warnings.add(record.getMessage());
                }
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger(DeprecationWarnings.class.getName());
        logger.addHandler(capture);
        try {
            config(Map.of(
                    "PACT_BROKER_HTTP_DEBUG_LOGGING_ENABLED", "true",
                    "PACTFLOW_SEED_EXAMPLE_DATA", "false",
                    "PACTFLOW_LOG_LEVEL", "info"));
        } finally {
            logger.removeHandler(capture);
        }
        assertThat(warnings)
                .contains(
                        "PACT_BROKER_HTTP_DEBUG_LOGGING_ENABLED is a Pact Broker setting not used by Pactport: it has"
                                + " no effect",
                        "PACTFLOW_SEED_EXAMPLE_DATA is a Pact Broker setting not used by Pactport: it has no effect")
                .noneMatch(w -> w.contains("PACTFLOW_LOG_LEVEL"));
    }

    @Test
    void exposesAnOldNameUnderItsNewName() {
        assertThat(renamed(Map.of("PACT_BROKER_BASIC_AUTH_USERNAME", "admin", "PACT_BROKER_PORT", "9393")))
                .isEqualTo(Map.of("PACTFLOW_BASIC_AUTH_USERNAME", "admin", "PACTFLOW_PORT", "9393"));
    }

    @Test
    void leavesASetNewNameAlone() {
        assertThat(renamed(Map.of("PACTFLOW_PORT", "9393", "PACT_BROKER_PORT", "9393")))
                .isEmpty();
    }

    @Test
    void bothNamesWithDifferentValuesNameBothAndNeitherValue() {
        Map<String, String> vars =
                Map.of("PACTFLOW_BASIC_AUTH_PASSWORD", "new-s3cret", "PACT_BROKER_BASIC_AUTH_PASSWORD", "old-s3cret");
        assertThatThrownBy(() -> renamed(vars))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("PACTFLOW_BASIC_AUTH_PASSWORD")
                .hasMessageContaining("PACT_BROKER_BASIC_AUTH_PASSWORD")
                .message()
                .doesNotContain("s3cret");
    }

    @Test
    void blankOldNamesAndOtherVariablesAreIgnored() {
        Map<String, String> vars = new HashMap<>();
        vars.put("PACT_BROKER_LOG_LEVEL", "  ");
        vars.put("PACT_BROKER_", "x");
        vars.put("PACT_BROKER_BASE_URL", null);
        vars.put("HOME", "/root");
        vars.put("pact_broker_port", "1");
        assertThat(renamed(vars)).isEmpty();
    }

    @Test
    void keepsTheValueAsWritten() {
        assertThat(renamed(Map.of("PACT_BROKER_BASIC_AUTH_PASSWORD", " spaced out ")))
                .containsEntry("PACTFLOW_BASIC_AUTH_PASSWORD", " spaced out ");
    }

    @Test
    void aBlankNewNameCountsAsUnset() {
        assertThat(renamed(Map.of("PACTFLOW_BASE_URL", "", "PACT_BROKER_BASE_URL", "https://pact.example")))
                .containsEntry("PACTFLOW_BASE_URL", "https://pact.example");
    }

    @Test
    void anOldVariableAnswersTheMappedPropertyName() {
        SmallRyeConfig config = config(
                Map.of("PACT_BROKER_PUBLIC_HEARTBEAT", "true", "PACT_BROKER_BASIC_AUTH_READ_ONLY_USERNAME", "reader"));
        assertThat(config.getOptionalValue("pactflow.public-heartbeat", Boolean.class))
                .contains(true);
        assertThat(config.getOptionalValue("pactflow.basic-auth-read-only-username", String.class))
                .contains("reader");
        assertThat(config.getConfigValue("pactflow.public-heartbeat").getSourceOrdinal())
                .isEqualTo(LegacyEnvironmentConfigSourceFactory.ORDINAL);
    }

    @Test
    void aConflictStopsTheConfiguration() {
        assertThatThrownBy(() -> config(Map.of("PACTFLOW_PORT", "9292", "PACT_BROKER_PORT", "9393")))
                .hasMessageContaining("PACTFLOW_PORT and PACT_BROKER_PORT are both set");
    }
}
