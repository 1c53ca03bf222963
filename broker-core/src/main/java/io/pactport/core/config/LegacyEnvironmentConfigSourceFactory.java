package io.pactport.core.config;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.EnvConfigSource;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Every Pact Broker setting ({@code PACT_BROKER_<X>}) under its Pactport name ({@code PACTFLOW_<X>}), so a team can start
 * any Pactport service with the environment its Pact Broker had. The rule is {@link EnvironmentVariables}'s: the old
 * name is read when the new one is not set, with a warning naming the new one; both set to different values stops the
 * start. A set Pact Broker setting that Pactport does not use is named in a warning, under either name.
 * Registered through {@code META-INF/services}.
 */
public class LegacyEnvironmentConfigSourceFactory implements ConfigSourceFactory {

    /**
     * Just below environment variables (300), so an old name beats application.properties exactly as its new name
     * would; it never competes with a set {@code PACTFLOW_<X>}, which is not exposed again.
     */
    static final int ORDINAL = 290;

    static final String NAME = "pactport-pact-broker-names";

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        // every service reads its configuration through here, so each names the settings it ignores at start-up
        DeprecationWarnings.logOnce(PactBrokerEnvironmentTranslation.notUsedWarnings(context.iterateNames()));
        Map<String, String> renamed = renamed(
                name -> {
                    ConfigValue value = context.getValue(name);
                    return value == null ? null : value.getValue();
                },
                context.iterateNames());
        if (renamed.isEmpty()) {
            return List.of();
        }
        // an EnvConfigSource, so PACTFLOW_BASIC_AUTH_USERNAME answers pactflow.basic-auth-username as a variable does
        return List.of(new EnvConfigSource(renamed, ORDINAL) {
            @Override
            public String getName() {
                return NAME;
            }
        });
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(ORDINAL);
    }

    /**
     * The {@code PACTFLOW_<X>} → value of every set {@code PACT_BROKER_<X>} among {@code names} whose new name is unset.
     *
     * @throws ConfigurationException naming both variables when both are set to different values
     */
    static Map<String, String> renamed(Function<String, String> lookup, Iterator<String> names) {
        Set<String> oldNames = new TreeSet<>();
        names.forEachRemaining(name -> {
            if (name.startsWith(EnvironmentVariables.OLD_PREFIX)
                    && name.length() > EnvironmentVariables.OLD_PREFIX.length()) {
                oldNames.add(name);
            }
        });
        EnvironmentVariables env = new EnvironmentVariables(lookup);
        Map<String, String> renamed = new TreeMap<>();
        for (String oldName : oldNames) {
            String suffix = oldName.substring(EnvironmentVariables.OLD_PREFIX.length());
            Optional<String> value = env.get(suffix);
            String newName = EnvironmentVariables.NEW_PREFIX + suffix;
            if (value.isPresent() && isBlank(lookup.apply(newName))) {
                // the value as the operator wrote it: EnvironmentVariables trims for comparing, a password keeps its
                // spaces
                renamed.put(newName, lookup.apply(oldName));
            }
        }
        DeprecationWarnings.logOnce(env.warnings());
        return renamed;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
