package io.pactport.core.config;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.common.MapBackedConfigSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Turns the operator's {@code PACTFLOW_DATABASE_*} (or {@code PACT_BROKER_DATABASE_*}) settings, where the database is
 * ({@link DatabaseSettings}) and how its connections are pooled ({@link DatabasePool}), into Quarkus' JDBC and reactive
 * datasource properties, so every service is configured the way a Pact Broker is. Registered through
 * {@code META-INF/services}; an explicit {@code quarkus.datasource.*} in the environment still wins (ordinal below env).
 */
public class DatabaseConfigSourceFactory implements ConfigSourceFactory {

    /** Above application.properties (250), below environment variables (300). */
    static final int ORDINAL = 275;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        EnvironmentVariables env = new EnvironmentVariables(name -> {
            ConfigValue value = context.getValue(name);
            return value == null ? null : value.getValue();
        });
        Optional<DatabaseSettings> settings = DatabaseSettings.from(env);
        DatabasePool pool = DatabasePool.from(env);
        DeprecationWarnings.logOnce(env.warnings());
        boolean reactive = hasReactiveClient();
        // the pool settings apply wherever the database is given, also as quarkus.datasource.* (tests, Dev Services)
        Map<String, String> properties = new HashMap<>(pool.properties(reactive));
        settings.ifPresent(s -> properties.putAll(datasourceProperties(s, reactive)));
        return List.of(new MapBackedConfigSource("pactport-database-settings", properties, ORDINAL) {});
    }

    /** migration-service has JDBC only; a reactive URL there would be reported as an unknown setting. */
    private static boolean hasReactiveClient() {
        try {
            Class.forName(
                    "io.vertx.pgclient.PgConnectOptions", false, DatabaseConfigSourceFactory.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(ORDINAL);
    }

    static Map<String, String> datasourceProperties(DatabaseSettings settings, boolean reactive) {
        Map<String, String> properties = new HashMap<>();
        properties.put("quarkus.datasource.jdbc.url", settings.jdbcUrl());
        if (reactive) {
            properties.put("quarkus.datasource.reactive.url", settings.reactiveUrl());
        }
        if (settings.username() != null) {
            properties.put("quarkus.datasource.username", settings.username());
        }
        if (settings.password() != null) {
            properties.put("quarkus.datasource.password", settings.password());
        }
        return properties;
    }
}
