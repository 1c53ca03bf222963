package io.pactport.core.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads a setting under its Pactport name ({@code PACTFLOW_*}) or its Pact Broker name ({@code PACT_BROKER_*}), so a team
 * can start Pactport with the environment its Pact Broker had. The old name works with a warning naming the new one;
 * both set to different values is an error naming both, because either choice could silently be the wrong one.
 */
public final class EnvironmentVariables {

    public static final String NEW_PREFIX = "PACTFLOW_";
    public static final String OLD_PREFIX = "PACT_BROKER_";

    private final Function<String, String> lookup;
    private final List<String> warnings = new ArrayList<>();

    public EnvironmentVariables(Function<String, String> lookup) {
        this.lookup = lookup;
    }

    /** The process environment. */
    public static EnvironmentVariables system() {
        return new EnvironmentVariables(System::getenv);
    }

    /**
     * The value of {@code PACTFLOW_<suffix>}, else of {@code PACT_BROKER_<suffix>}; blank counts as unset.
     *
     * @throws ConfigurationException when both are set and differ
     */
    public Optional<String> get(String suffix) {
        String newName = NEW_PREFIX + suffix;
        String oldName = OLD_PREFIX + suffix;
        Optional<String> current = read(newName);
        Optional<String> old = read(oldName);
        if (current.isPresent() && old.isPresent() && !current.get().equals(old.get())) {
            throw new ConfigurationException(newName + " and " + oldName + " are both set, to different values;"
                    + " remove " + oldName + " (Pactport reads " + newName + ")");
        }
        if (current.isEmpty() && old.isPresent()) {
            warnings.add(oldName + " is deprecated: rename it to " + newName + " (the value stays the same)");
        }
        return current.or(() -> old);
    }

    /** Deprecation warnings collected by {@link #get}, one per old name read. */
    public List<String> warnings() {
        return Collections.unmodifiableList(warnings);
    }

    private Optional<String> read(String name) {
        String value = lookup.apply(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }
}
