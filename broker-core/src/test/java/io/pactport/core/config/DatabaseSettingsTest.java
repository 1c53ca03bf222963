package io.pactport.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DatabaseSettingsTest {

    private static Optional<DatabaseSettings> settings(Map<String, String> vars) {
        return DatabaseSettings.from(new EnvironmentVariables(vars::get));
    }

    @Test
    void readsTheRubyUrlForm() {
        DatabaseSettings s = settings(Map.of("PACTFLOW_DATABASE_URL", "postgres://pact:s3cret@db.example:6543/broker"))
                .orElseThrow();
        assertThat(s).isEqualTo(new DatabaseSettings("db.example", 6543, "broker", "pact", "s3cret", null));
        assertThat(s.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example:6543/broker");
        assertThat(s.reactiveUrl()).isEqualTo("postgresql://db.example:6543/broker");
    }

    @Test
    void urlDefaultsThePortAndDecodesCredentials() {
        DatabaseSettings s =
                DatabaseSettings.parseUrl("postgresql://us%40er:p%3Ass%2Fw+rd@localhost/pb?sslmode=require");
        assertThat(s.port()).isEqualTo(5432);
        assertThat(s.username()).isEqualTo("us@er");
        assertThat(s.password()).isEqualTo("p:ss/w+rd");
        assertThat(s.sslMode()).isEqualTo("require");
        assertThat(s.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:5432/pb?sslmode=require");
    }

    @Test
    void readsTheParts() {
        DatabaseSettings s = settings(Map.of(
                        "PACTFLOW_DATABASE_HOST",
                        "pg",
                        "PACTFLOW_DATABASE_NAME",
                        "pact",
                        "PACTFLOW_DATABASE_USERNAME",
                        "u",
                        "PACTFLOW_DATABASE_PASSWORD",
                        "p",
                        "PACTFLOW_DATABASE_SSLMODE",
                        "verify-full"))
                .orElseThrow();
        assertThat(s).isEqualTo(new DatabaseSettings("pg", 5432, "pact", "u", "p", "verify-full"));
    }

    @Test
    void nothingSetMeansNoSettings() {
        assertThat(settings(Map.of())).isEmpty();
    }

    @Test
    void oldNamesWorkWithAWarningNamingTheNewOne() {
        EnvironmentVariables env =
                new EnvironmentVariables(Map.of("PACT_BROKER_DATABASE_URL", "postgres://u:p@h/d")::get);
        assertThat(DatabaseSettings.from(env)).map(DatabaseSettings::host).contains("h");
        assertThat(env.warnings())
                .containsExactly(
                        "PACT_BROKER_DATABASE_URL is deprecated: rename it to PACTFLOW_DATABASE_URL (the value stays the same)");
    }

    @Test
    void bothNamesWithTheSameValueAreFine() {
        assertThat(settings(Map.of(
                        "PACT_BROKER_DATABASE_URL",
                        "postgres://u:p@h/d",
                        "PACTFLOW_DATABASE_URL",
                        "postgres://u:p@h/d")))
                .isPresent();
    }

    @Test
    void bothNamesWithDifferentValuesIsAnErrorNamingBoth() {
        assertThatThrownBy(() -> settings(Map.of(
                        "PACT_BROKER_DATABASE_PASSWORD",
                        "old",
                        "PACTFLOW_DATABASE_PASSWORD",
                        "new",
                        "PACTFLOW_DATABASE_HOST",
                        "h",
                        "PACTFLOW_DATABASE_NAME",
                        "d")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("PACTFLOW_DATABASE_PASSWORD")
                .hasMessageContaining("PACT_BROKER_DATABASE_PASSWORD")
                .hasMessageNotContaining("old")
                .hasMessageNotContaining("new,");
    }

    @Test
    void otherDatabasesAreRefusedClearly() {
        for (String url : new String[] {"mysql://u:p@h/d", "sqlite:///tmp/pact_broker.sqlite3", "jdbc:mysql://h/d"}) {
            assertThatThrownBy(() -> settings(Map.of("PACTFLOW_DATABASE_URL", url)))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining(
                            "Migration is only supported for a Pact Broker running a PostgreSQL database");
        }
        assertThatThrownBy(() -> settings(Map.of(
                        "PACT_BROKER_DATABASE_ADAPTER",
                        "mysql2",
                        "PACT_BROKER_DATABASE_HOST",
                        "h",
                        "PACT_BROKER_DATABASE_NAME",
                        "d")))
                .hasMessageContaining("PostgreSQL only");
    }

    @Test
    void incompleteOrInvalidPartsAreNamed() {
        assertThatThrownBy(() -> settings(Map.of("PACTFLOW_DATABASE_USERNAME", "u")))
                .hasMessageContaining("PACTFLOW_DATABASE_HOST");
        assertThatThrownBy(() -> settings(Map.of(
                        "PACTFLOW_DATABASE_HOST",
                        "h",
                        "PACTFLOW_DATABASE_NAME",
                        "d",
                        "PACTFLOW_DATABASE_PORT",
                        "five")))
                .hasMessageContaining("PACTFLOW_DATABASE_PORT");
        assertThatThrownBy(() -> settings(Map.of(
                        "PACTFLOW_DATABASE_URL", "postgres://u:p@h/d", "PACTFLOW_DATABASE_SSLMODE", "sometimes")))
                .hasMessageContaining("PACTFLOW_DATABASE_SSLMODE");
        assertThatThrownBy(() -> settings(Map.of("PACTFLOW_DATABASE_URL", "postgres://h")))
                .hasMessageContaining("database name");
    }

    @Test
    void thePasswordNeverShows() {
        DatabaseSettings s = DatabaseSettings.parseUrl("postgres://pact:hunter2@h:5432/d");
        assertThat(s.toString()).doesNotContain("hunter2").contains("****");
        assertThat(s.describe()).doesNotContain("hunter2").isEqualTo("postgres://pact@h:5432/d");
        assertThatThrownBy(() -> DatabaseSettings.parseUrl("mysql://pact:hunter2@h/d"))
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void theFactoryFeedsBothDatasources() {
        DatabaseSettings settings = DatabaseSettings.parseUrl("postgres://u:p@h:1/d");
        assertThat(DatabaseConfigSourceFactory.datasourceProperties(settings, false))
                .doesNotContainKey("quarkus.datasource.reactive.url");
        Map<String, String> props = DatabaseConfigSourceFactory.datasourceProperties(settings, true);
        assertThat(props)
                .containsEntry("quarkus.datasource.jdbc.url", "jdbc:postgresql://h:1/d")
                .containsEntry("quarkus.datasource.reactive.url", "postgresql://h:1/d")
                .containsEntry("quarkus.datasource.username", "u")
                .containsEntry("quarkus.datasource.password", "p");
    }
}
