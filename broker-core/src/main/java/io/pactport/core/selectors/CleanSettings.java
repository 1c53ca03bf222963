package io.pactport.core.selectors;

import io.pactport.core.config.ConfigurationException;
import io.pactport.core.config.Environment;
import java.util.List;
import java.util.Optional;

/**
 * The clean's settings, read as the Pact Broker docker image reads its {@code PACT_BROKER_DATABASE_CLEAN_*} variables
 * (each also under its {@code PACTFLOW_} name) with the image's defaults.
 *
 * @param enabled whether the scheduled clean runs ({@code _ENABLED}, default false)
 * @param cronSchedule when it runs ({@code _CRON_SCHEDULE}, default {@code 15 2 * * *})
 * @param keepVersionSelectors versions never deleted ({@code _KEEP_VERSION_SELECTORS}, default
 *            {@link KeepSelectors#DOCKER_DEFAULTS}); {@link KeepSelectors#withAlwaysKept} is applied by the run, which logs it
 * @param deletionLimit at most this many versions (and overwritten rows per kind) per run ({@code _DELETION_LIMIT}, 500)
 * @param overwrittenDataMaxAgeDays overwritten data younger than this is kept ({@code _OVERWRITTEN_DATA_MAX_AGE}, 7;
 *            0 = all of it, as in the Pact Broker)
 * @param dryRun report what would be deleted, delete nothing ({@code _DRY_RUN}, default false)
 */
public record CleanSettings(boolean enabled, CronSchedule cronSchedule, List<KeepSelector> keepVersionSelectors,
        int deletionLimit, int overwrittenDataMaxAgeDays, boolean dryRun) {

    public static final String PREFIX = "DATABASE_CLEAN_";
    public static final String DEFAULT_CRON_SCHEDULE = "15 2 * * *";
    public static final int DEFAULT_DELETION_LIMIT = 500;
    public static final int DEFAULT_OVERWRITTEN_DATA_MAX_AGE = 7;

    public CleanSettings {
        keepVersionSelectors = List.copyOf(keepVersionSelectors);
    }

    /** The docker image's defaults. */
    public static CleanSettings defaults() {
        return new CleanSettings(false, CronSchedule.parse(DEFAULT_CRON_SCHEDULE), KeepSelectors.DOCKER_DEFAULTS,
                DEFAULT_DELETION_LIMIT, DEFAULT_OVERWRITTEN_DATA_MAX_AGE, false);
    }

    /**
     * @throws ConfigurationException naming the variable whose value cannot be used
     */
    public static CleanSettings from(Environment env) {
        boolean enabled = bool(env, "ENABLED");
        CronSchedule cron = read(env, "CRON_SCHEDULE").map(value -> {
            try {
                return CronSchedule.parse(value);
            } catch (IllegalArgumentException e) {
                throw invalid("CRON_SCHEDULE", e.getMessage());
            }
        }).orElseGet(() -> CronSchedule.parse(DEFAULT_CRON_SCHEDULE));
        List<KeepSelector> selectors = read(env, "KEEP_VERSION_SELECTORS").map(value -> {
            try {
                return KeepSelectors.parse(value);
            } catch (InvalidSelectorsException e) {
                throw invalid("KEEP_VERSION_SELECTORS", e.getMessage());
            }
        }).orElse(KeepSelectors.DOCKER_DEFAULTS);
        int limit = integer(env, "DELETION_LIMIT", DEFAULT_DELETION_LIMIT, 1, "a positive whole number of versions");
        int maxAge = integer(env, "OVERWRITTEN_DATA_MAX_AGE", DEFAULT_OVERWRITTEN_DATA_MAX_AGE, 0,
                "a whole number of days, 0 or more");
        boolean dryRun = bool(env, "DRY_RUN");
        return new CleanSettings(enabled, cron, selectors, limit, maxAge, dryRun);
    }

    /** The variable's Pactport name, as messages give it. */
    public static String variable(String suffix) {
        return Environment.NEW_PREFIX + PREFIX + suffix;
    }

    private static Optional<String> read(Environment env, String suffix) {
        return env.get(PREFIX + suffix);
    }

    private static ConfigurationException invalid(String suffix, String problem) {
        return new ConfigurationException(variable(suffix) + ": " + problem);
    }

    /** Only {@code true} and {@code false}: the Pact Broker took anything but {@code "true"} as false, even "TRUE". */
    private static boolean bool(Environment env, String suffix) {
        return read(env, suffix).map(value -> switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw invalid(suffix, "must be true or false, not \"" + value + "\"");
        }).orElse(false);
    }

    private static int integer(Environment env, String suffix, int fallback, int min, String expected) {
        return read(env, suffix).map(value -> {
            int parsed;
            try {
                parsed = Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw invalid(suffix, "must be " + expected + ", not \"" + value + "\"");
            }
            if (parsed < min) {
                throw invalid(suffix, "must be " + expected + ", not " + parsed);
            }
            return parsed;
        }).orElse(fallback);
    }
}
