package io.pactport.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LogConfigSourceFactoryTest {

    @Test
    void jsonFormatTurnsOnQuarkusJsonConsole() {
        assertThat(LogConfigSourceFactory.properties(Optional.of("JSON "), Optional.empty()))
                .isEqualTo(Map.of("quarkus.log.console.json.enabled", "true"));
    }

    @Test
    void textAndThePactBrokersDefaultFormatKeepLinesForPeople() {
        assertThat(LogConfigSourceFactory.properties(Optional.of("text"), Optional.empty()))
                .isEqualTo(Map.of("quarkus.log.console.json.enabled", "false"));
        assertThat(LogConfigSourceFactory.properties(Optional.of("default"), Optional.empty()))
                .isEqualTo(Map.of("quarkus.log.console.json.enabled", "false"));
    }

    @Test
    void thePactBrokersLowerCaseLevelsBecomeQuarkusLevels() {
        assertThat(LogConfigSourceFactory.properties(Optional.empty(), Optional.of("warn")))
                .isEqualTo(Map.of("quarkus.log.level", "WARN"));
        assertThat(LogConfigSourceFactory.properties(Optional.empty(), Optional.of("fatal")))
                .isEqualTo(Map.of("quarkus.log.level", "FATAL"));
    }

    @Test
    void nothingSetChangesNothing() {
        assertThat(LogConfigSourceFactory.properties(Optional.empty(), Optional.empty()))
                .isEmpty();
    }

    @Test
    void anUnknownValueStopsTheStartNamingTheVariable() {
        assertThatThrownBy(() -> LogConfigSourceFactory.properties(Optional.of("xml"), Optional.empty()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("PACTFLOW_LOG_FORMAT must be json or text");
        assertThatThrownBy(() -> LogConfigSourceFactory.properties(Optional.empty(), Optional.of("loud")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("PACTFLOW_LOG_LEVEL must be one of");
    }
}
