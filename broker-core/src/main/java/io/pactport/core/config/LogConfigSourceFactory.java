package io.pactport.core.config;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.common.MapBackedConfigSource;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * The operator's log settings as a Pact Broker takes them: {@code PACTFLOW_LOG_FORMAT} ({@code json} for one JSON object
 * per line, {@code text} or the Pact Broker's {@code default} for lines for people) and {@code PACTFLOW_LOG_LEVEL}
 * ({@code debug}, {@code info}, {@code warn}, {@code error}, {@code fatal}, any case), each also read under its
 * {@code PACT_BROKER_} name. They become Quarkus' {@code quarkus.log.console.json.enabled} and {@code quarkus.log.level};
 * an explicit Quarkus setting in the environment still wins (ordinal below env). Registered through
 * {@code META-INF/services}.
 */
public class LogConfigSourceFactory implements ConfigSourceFactory {

    /** Above application.properties (250), below environment variables (300). */
    static final int ORDINAL = 275;

    private static final Set<String> JSON = Set.of("json");
    private static final Set<String> TEXT = Set.of("text", "default");
    private static final Set<String> LEVELS = Set.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR", "FATAL", "OFF", "ALL");

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        EnvironmentVariables env = new EnvironmentVariables(name -> {
            ConfigValue value = context.getValue(name);
            return value == null ? null : value.getValue();
        });
        Map<String, String> properties = properties(env.get("LOG_FORMAT"), env.get("LOG_LEVEL"));
        DeprecationWarnings.logOnce(env.warnings());
        return properties.isEmpty()
                ? List.of()
                : List.of(new MapBackedConfigSource("pactport-log-settings", properties, ORDINAL) {});
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(ORDINAL);
    }

    /** @throws ConfigurationException naming the variable and what it accepts, for a value it does not */
    static Map<String, String> properties(Optional<String> format, Optional<String> level) {
        Map<String, String> properties = new HashMap<>();
        format.map(f -> f.trim().toLowerCase(Locale.ROOT)).ifPresent(f -> {
            if (!JSON.contains(f) && !TEXT.contains(f)) {
                throw new ConfigurationException("PACTFLOW_LOG_FORMAT must be json or text (was '" + f + "')");
            }
            properties.put("quarkus.log.console.json.enabled", Boolean.toString(JSON.contains(f)));
        });
        level.map(l -> l.trim().toUpperCase(Locale.ROOT)).ifPresent(l -> {
            if (!LEVELS.contains(l)) {
                throw new ConfigurationException(
                        "PACTFLOW_LOG_LEVEL must be one of debug, info, warn, error, fatal (was '" + l + "')");
            }
            properties.put("quarkus.log.level", l);
        });
        return properties;
    }
}
