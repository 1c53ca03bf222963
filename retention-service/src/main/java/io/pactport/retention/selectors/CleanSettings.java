package io.pactport.retention.selectors;

import io.pactport.core.config.ConfigurationException;
import io.pactport.core.config.EnvironmentVariables;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The clean's settings, read as the Pact Broker docker image reads its {@code PACT_BROKER_DATABASE_CLEAN_*} variables
 * (each also under its {@code PACTFLOW_} name) with the image's defaults, plus Pactport's own pacing settings.
 *
 * @param enabled whether the scheduled clean runs ({@code _ENABLED}, default false)
 * @param cronSchedule when it runs ({@code _CRON_SCHEDULE}, default {@code 15 2 * * *})
 * @param keepVersionSelectors versions never deleted ({@code _KEEP_VERSION_SELECTORS}, default
 *            {@link KeepSelectors#DOCKER_DEFAULTS}); {@link KeepSelectors#withAlwaysKept} is applied by the run, which logs it
 * @param deletionLimit at most this many versions (and overwritten rows per kind) per run ({@code _DELETION_LIMIT}, 500)
 * @param overwrittenDataMaxAgeDays overwritten data younger than this is kept ({@code _OVERWRITTEN_DATA_MAX_AGE}, 7;
 *            0 = all of it, as in the Pact Broker)
 * @param dryRun report what would be deleted, delete nothing ({@code _DRY_RUN}, default false)
 * @param keepBranchSelectors stale-branch clean ({@code _KEEP_BRANCH_SELECTORS}, the names of the Pact Broker docker
 *            image's pending PR #338); empty (the default, or {@code []}) turns it off
 * @param branchDeletionLimit at most this many branches per run ({@code _BRANCH_DELETION_LIMIT}, default the deletion
 *            limit)
 * @param batchSize versions (or rows) per transaction ({@code _BATCH_SIZE}, 500): what a run locks at once; a batch
 *            of 1000 versions, each with a tag and a pact, took about 225 ms on 2 shared cores (load 5), most of it
 *            PostgreSQL's per-row foreign-key checks, so 500 keeps a transaction near 100 ms
 * @param batchPause the least pause between two transactions ({@code _BATCH_PAUSE}, default {@code 0s})
 * @param batchPauseRatio the pause after a transaction as a multiple of that transaction's own duration
 *            ({@code _BATCH_PAUSE_RATIO}, default 0.1: between batches the API's waiting writes and reads have the
 *            database to themselves for a tenth of the batch's time, however slow the database is at the moment; at
 *            full scale can-i-deploy's p99 did not move even without pauses, so a larger ratio only slows the clean);
 *            the pause is the larger of the two
 * @param statementTimeout {@code statement_timeout} of every clean statement ({@code _STATEMENT_TIMEOUT}, {@code 15s},
 *            the Pact Broker's database default)
 * @param catchUpInterval when set ({@code _CATCH_UP_INTERVAL}, e.g. {@code 2m}), runs repeat at this interval while
 *            each one still finds a full deletion limit to delete, then the schedule takes over again
 */
public record CleanSettings(
        boolean enabled,
        CronSchedule cronSchedule,
        List<KeepSelector> keepVersionSelectors,
        int deletionLimit,
        int overwrittenDataMaxAgeDays,
        boolean dryRun,
        List<BranchSelector> keepBranchSelectors,
        int branchDeletionLimit,
        int batchSize,
        Duration batchPause,
        double batchPauseRatio,
        Duration statementTimeout,
        Optional<Duration> catchUpInterval) {

    public static final String PREFIX = "DATABASE_CLEAN_";
    public static final String DEFAULT_CRON_SCHEDULE = "15 2 * * *";
    public static final int DEFAULT_DELETION_LIMIT = 500;
    public static final int DEFAULT_OVERWRITTEN_DATA_MAX_AGE = 7;
    public static final int DEFAULT_BATCH_SIZE = 500;
    public static final Duration DEFAULT_BATCH_PAUSE = Duration.ZERO;
    public static final double DEFAULT_BATCH_PAUSE_RATIO = 0.1;
    public static final Duration DEFAULT_STATEMENT_TIMEOUT = Duration.ofSeconds(15);

    public CleanSettings {
        keepVersionSelectors = List.copyOf(keepVersionSelectors);
        keepBranchSelectors = List.copyOf(keepBranchSelectors);
    }

    /** The docker image's defaults. */
    public static CleanSettings defaults() {
        return new CleanSettings(
                false,
                CronSchedule.parse(DEFAULT_CRON_SCHEDULE),
                KeepSelectors.DOCKER_DEFAULTS,
                DEFAULT_DELETION_LIMIT,
                DEFAULT_OVERWRITTEN_DATA_MAX_AGE,
                false,
                List.of(),
                DEFAULT_DELETION_LIMIT,
                DEFAULT_BATCH_SIZE,
                DEFAULT_BATCH_PAUSE,
                DEFAULT_BATCH_PAUSE_RATIO,
                DEFAULT_STATEMENT_TIMEOUT,
                Optional.empty());
    }

    /** The same settings with other keep selectors (a preview of selectors other than the configured ones). */
    public CleanSettings withKeepVersionSelectors(List<KeepSelector> selectors) {
        return new CleanSettings(
                enabled,
                cronSchedule,
                selectors,
                deletionLimit,
                overwrittenDataMaxAgeDays,
                dryRun,
                keepBranchSelectors,
                branchDeletionLimit,
                batchSize,
                batchPause,
                batchPauseRatio,
                statementTimeout,
                catchUpInterval);
    }

    /** The same settings with another deletion limit. */
    public CleanSettings withDeletionLimit(int limit) {
        return new CleanSettings(
                enabled,
                cronSchedule,
                keepVersionSelectors,
                limit,
                overwrittenDataMaxAgeDays,
                dryRun,
                keepBranchSelectors,
                branchDeletionLimit,
                batchSize,
                batchPause,
                batchPauseRatio,
                statementTimeout,
                catchUpInterval);
    }

    /** The same settings with other branch keep selectors. */
    public CleanSettings withKeepBranchSelectors(List<BranchSelector> selectors) {
        return new CleanSettings(
                enabled,
                cronSchedule,
                keepVersionSelectors,
                deletionLimit,
                overwrittenDataMaxAgeDays,
                dryRun,
                selectors,
                branchDeletionLimit,
                batchSize,
                batchPause,
                batchPauseRatio,
                statementTimeout,
                catchUpInterval);
    }

    /** The same settings with another overwritten-data max age. */
    public CleanSettings withOverwrittenDataMaxAgeDays(int days) {
        return new CleanSettings(
                enabled,
                cronSchedule,
                keepVersionSelectors,
                deletionLimit,
                days,
                dryRun,
                keepBranchSelectors,
                branchDeletionLimit,
                batchSize,
                batchPause,
                batchPauseRatio,
                statementTimeout,
                catchUpInterval);
    }

    /** The same settings as a dry run, or not. */
    public CleanSettings withDryRun(boolean value) {
        return new CleanSettings(
                enabled,
                cronSchedule,
                keepVersionSelectors,
                deletionLimit,
                overwrittenDataMaxAgeDays,
                value,
                keepBranchSelectors,
                branchDeletionLimit,
                batchSize,
                batchPause,
                batchPauseRatio,
                statementTimeout,
                catchUpInterval);
    }

    /** The same settings with another batch size and pacing. */
    public CleanSettings withBatches(int size, Duration pause, double pauseRatio) {
        return new CleanSettings(
                enabled,
                cronSchedule,
                keepVersionSelectors,
                deletionLimit,
                overwrittenDataMaxAgeDays,
                dryRun,
                keepBranchSelectors,
                branchDeletionLimit,
                size,
                pause,
                pauseRatio,
                statementTimeout,
                catchUpInterval);
    }

    /**
     * @throws ConfigurationException naming the variable whose value cannot be used
     */
    public static CleanSettings from(EnvironmentVariables env) {
        boolean enabled = bool(env, "ENABLED");
        CronSchedule cron = read(env, "CRON_SCHEDULE")
                .map(value -> {
                    try {
                        return CronSchedule.parse(value);
                    } catch (IllegalArgumentException e) {
                        throw invalid("CRON_SCHEDULE", e.getMessage());
                    }
                })
                .orElseGet(() -> CronSchedule.parse(DEFAULT_CRON_SCHEDULE));
        List<KeepSelector> selectors = read(env, "KEEP_VERSION_SELECTORS")
                .map(value -> {
                    try {
                        return KeepSelectors.parse(value);
                    } catch (InvalidSelectorsException e) {
                        throw invalid("KEEP_VERSION_SELECTORS", e.getMessage());
                    }
                })
                .orElse(KeepSelectors.DOCKER_DEFAULTS);
        int limit = integer(env, "DELETION_LIMIT", DEFAULT_DELETION_LIMIT, 1, "a positive whole number of versions");
        int maxAge = integer(
                env,
                "OVERWRITTEN_DATA_MAX_AGE",
                DEFAULT_OVERWRITTEN_DATA_MAX_AGE,
                0,
                "a whole number of days, 0 or more");
        boolean dryRun = bool(env, "DRY_RUN");
        List<BranchSelector> branches = read(env, "KEEP_BRANCH_SELECTORS")
                .map(value -> {
                    try {
                        return KeepSelectors.parseBranches(value);
                    } catch (InvalidSelectorsException e) {
                        throw invalid("KEEP_BRANCH_SELECTORS", e.getMessage());
                    }
                })
                .orElse(List.of());
        int branchLimit = integer(env, "BRANCH_DELETION_LIMIT", limit, 1, "a positive whole number of branches");
        int batchSize = integer(env, "BATCH_SIZE", DEFAULT_BATCH_SIZE, 1, "a positive whole number of versions");
        Duration pause = duration(env, "BATCH_PAUSE").orElse(DEFAULT_BATCH_PAUSE);
        double pauseRatio = read(env, "BATCH_PAUSE_RATIO")
                .map(value -> {
                    if (!RATIO.matcher(value).matches()) {
                        throw invalid(
                                "BATCH_PAUSE_RATIO",
                                "must be a number from 0 to 100 (the pause after a batch as a"
                                        + " multiple of the batch's duration; 1 leaves the API half of the time), not \""
                                        + value + "\"");
                    }
                    double parsed = Double.parseDouble(value);
                    if (parsed > 100) {
                        throw invalid("BATCH_PAUSE_RATIO", "must be a number from 0 to 100, not " + value);
                    }
                    return parsed;
                })
                .orElse(DEFAULT_BATCH_PAUSE_RATIO);
        Duration timeout = duration(env, "STATEMENT_TIMEOUT").orElse(DEFAULT_STATEMENT_TIMEOUT);
        if (timeout.isZero()) {
            throw invalid("STATEMENT_TIMEOUT", "must be longer than 0 (a clean statement must never run unbounded)");
        }
        Optional<Duration> catchUp = duration(env, "CATCH_UP_INTERVAL");
        if (catchUp.isPresent() && catchUp.get().isZero()) {
            throw invalid("CATCH_UP_INTERVAL", "must be longer than 0 (leave it unset to turn catch-up off)");
        }
        return new CleanSettings(
                enabled,
                cron,
                selectors,
                limit,
                maxAge,
                dryRun,
                branches,
                branchLimit,
                batchSize,
                pause,
                pauseRatio,
                timeout,
                catchUp);
    }

    /** The variable's Pactport name, as messages give it. */
    public static String variable(String suffix) {
        return EnvironmentVariables.NEW_PREFIX + PREFIX + suffix;
    }

    private static Optional<String> read(EnvironmentVariables env, String suffix) {
        return env.get(PREFIX + suffix);
    }

    private static ConfigurationException invalid(String suffix, String problem) {
        return new ConfigurationException(variable(suffix) + ": " + problem);
    }

    /** Only {@code true} and {@code false}: the Pact Broker took anything but {@code "true"} as false, even "TRUE". */
    private static boolean bool(EnvironmentVariables env, String suffix) {
        return read(env, suffix)
                .map(value -> switch (value) {
                    case "true" -> true;
                    case "false" -> false;
                    default -> throw invalid(suffix, "must be true or false, not \"" + value + "\"");
                })
                .orElse(false);
    }

    private static int integer(EnvironmentVariables env, String suffix, int fallback, int min, String expected) {
        return read(env, suffix)
                .map(value -> {
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
                })
                .orElse(fallback);
    }

    /** {@code 500ms}, {@code 0.2s}, {@code 15s}, {@code 2m}, {@code 1h}; a bare number is seconds. */
    private static Optional<Duration> duration(EnvironmentVariables env, String suffix) {
        return read(env, suffix).map(value -> {
            Matcher m = DURATION.matcher(value);
            if (!m.matches()) {
                throw invalid(suffix, "must be a duration such as 500ms, 0.2s, 15s, 2m or 1h, not \"" + value + "\"");
            }
            BigDecimal amount = new BigDecimal(m.group(1));
            String unit = m.group(2) == null ? "s" : m.group(2);
            BigDecimal millis = amount.multiply(BigDecimal.valueOf(
                    switch (unit) {
                        case "ms" -> 1L;
                        case "s" -> 1_000L;
                        case "m" -> 60_000L;
                        default -> 3_600_000L;
                    }));
            return Duration.ofMillis(millis.longValue());
        });
    }

    private static final Pattern RATIO = Pattern.compile("\\d{1,3}(?:\\.\\d{1,3})?");
    private static final Pattern DURATION = Pattern.compile("(\\d{1,9}(?:\\.\\d{1,3})?)\\s*(ms|s|m|h)?");
}
