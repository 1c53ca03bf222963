package io.pactport.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** The Pact Broker's pool settings, their defaults, and the Quarkus properties they become. */
class DatabasePoolTest {

    private static DatabasePool pool(Map<String, String> vars) {
        return DatabasePool.from(new EnvironmentVariables(vars::get));
    }

    @Test
    void unsetSettingsTakeThePactBrokersDefaults() {
        DatabasePool pool = pool(Map.of());
        assertThat(pool)
                .isEqualTo(new DatabasePool(
                        OptionalInt.empty(), Duration.ofSeconds(5), Duration.ofSeconds(15), Duration.ofHours(1)));
        assertThat(pool.properties(true))
                .doesNotContainKeys("quarkus.datasource.jdbc.max-size", "quarkus.datasource.reactive.max-size")
                .containsEntry("quarkus.datasource.jdbc.acquisition-timeout", "PT5S")
                .containsEntry("quarkus.datasource.jdbc.foreground-validation-interval", "PT1H")
                .containsEntry("quarkus.datasource.reactive.idle-timeout", "PT1H");
    }

    @Test
    void setSettingsSizeBothPoolsAndAreReadInSecondsUnderEitherName() {
        DatabasePool pool = pool(Map.of(
                "PACTFLOW_DATABASE_MAX_CONNECTIONS", "7",
                "PACT_BROKER_DATABASE_POOL_TIMEOUT", "2",
                "PACTFLOW_DATABASE_STATEMENT_TIMEOUT", "0.5",
                "PACTFLOW_DATABASE_CONNECTION_VALIDATION_TIMEOUT", "60"));
        assertThat(pool.statementTimeout()).isEqualTo(Duration.ofMillis(500));
        assertThat(pool.properties(true))
                .containsEntry("quarkus.datasource.jdbc.max-size", "7")
                .containsEntry("quarkus.datasource.reactive.max-size", "7")
                .containsEntry("quarkus.datasource.jdbc.acquisition-timeout", "PT2S")
                .containsEntry("quarkus.datasource.jdbc.foreground-validation-interval", "PT1M")
                .containsEntry("quarkus.datasource.reactive.idle-timeout", "PT1M");
    }

    @Test
    void theJdbcPoolKeepsTheThreeConnectionsAMigrationNeeds() {
        assertThat(pool(Map.of("PACTFLOW_DATABASE_MAX_CONNECTIONS", "1")).properties(true))
                .containsEntry("quarkus.datasource.jdbc.max-size", "3")
                .containsEntry("quarkus.datasource.reactive.max-size", "1");
    }

    @Test
    void minusOneValidatesEveryConnectionBeforeUse() {
        DatabasePool pool = pool(Map.of("PACTFLOW_DATABASE_CONNECTION_VALIDATION_TIMEOUT", "-1"));
        assertThat(pool.validationTimeout()).isEqualTo(DatabasePool.ALWAYS);
        assertThat(pool.properties(true))
                .containsEntry("quarkus.datasource.jdbc.validate-on-borrow", "true")
                .doesNotContainKey("quarkus.datasource.jdbc.foreground-validation-interval")
                .containsEntry("quarkus.datasource.reactive.idle-timeout", "PT1S");
    }

    @Test
    void aJdbcOnlyServiceGetsNoReactiveProperty() {
        assertThat(pool(Map.of("PACTFLOW_DATABASE_MAX_CONNECTIONS", "3")).properties(false))
                .containsEntry("quarkus.datasource.jdbc.max-size", "3")
                .doesNotContainKeys("quarkus.datasource.reactive.max-size", "quarkus.datasource.reactive.idle-timeout");
    }

    @Test
    void badValuesStopTheStartNamingTheVariable() {
        assertThatThrownBy(() -> pool(Map.of("PACTFLOW_DATABASE_MAX_CONNECTIONS", "0")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("PACTFLOW_DATABASE_MAX_CONNECTIONS must be a positive whole number");
        assertThatThrownBy(() -> pool(Map.of("PACTFLOW_DATABASE_POOL_TIMEOUT", "5s")))
                .hasMessageContaining("PACTFLOW_DATABASE_POOL_TIMEOUT must be a positive number of seconds");
        assertThatThrownBy(() -> pool(Map.of("PACTFLOW_DATABASE_CONNECTION_VALIDATION_TIMEOUT", "-2")))
                .hasMessageContaining("or -1");
    }
}
