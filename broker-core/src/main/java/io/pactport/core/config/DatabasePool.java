package io.pactport.core.config;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.eclipse.microprofile.config.Config;

/**
 * How every service holds its database connections, from the Pact Broker's pool settings (each under its
 * {@code PACTFLOW_} or {@code PACT_BROKER_} name, times in seconds as the Pact Broker takes them):
 * {@code DATABASE_MAX_CONNECTIONS} (the pool's size), {@code DATABASE_POOL_TIMEOUT} (how long to wait for a free
 * connection, 5), {@code DATABASE_STATEMENT_TIMEOUT} (PostgreSQL's {@code statement_timeout}, 15) and
 * {@code DATABASE_CONNECTION_VALIDATION_TIMEOUT} (a connection idle longer than this is checked before use, 3600;
 * {@code -1}: every time). {@link DatabaseConfigSourceFactory} turns them into Quarkus' datasource properties; the
 * reactive pool's wait and statement timeout, which Quarkus has no property for, are applied by broker-api's pool
 * creator (the other services query through JDBC).
 *
 * @param maxConnections empty: each pool keeps its own size (JDBC 4, the Pact Broker's; reactive 20, Quarkus', as the
 *     requests of a reactive service all share it); the JDBC pool never goes below the 3 a migration needs
 */
public record DatabasePool(
        OptionalInt maxConnections, Duration poolTimeout, Duration statementTimeout, Duration validationTimeout) {

    public static final Duration DEFAULT_POOL_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_STATEMENT_TIMEOUT = Duration.ofSeconds(15);
    public static final Duration DEFAULT_VALIDATION_TIMEOUT = Duration.ofHours(1);

    /** {@code DATABASE_CONNECTION_VALIDATION_TIMEOUT=-1}: check every connection before it is used. */
    public static final Duration ALWAYS = Duration.ZERO;

    /** A migration holds the lock's connection and Flyway two more, so the JDBC pool keeps at least these. */
    static final int MIGRATION_CONNECTIONS = 3;

    /** The reactive pool closes idle connections on a once-a-second sweep; a shorter idle time means nothing more. */
    private static final Duration REACTIVE_IDLE_FLOOR = Duration.ofSeconds(1);

    /** @throws ConfigurationException naming the variable and what it accepts, for a value it does not */
    public static DatabasePool from(EnvironmentVariables env) {
        OptionalInt max = env.get("DATABASE_MAX_CONNECTIONS")
                .map(v -> OptionalInt.of(positiveInteger("DATABASE_MAX_CONNECTIONS", v)))
                .orElse(OptionalInt.empty());
        Duration poolTimeout = seconds(env, "DATABASE_POOL_TIMEOUT").orElse(DEFAULT_POOL_TIMEOUT);
        Duration statementTimeout = seconds(env, "DATABASE_STATEMENT_TIMEOUT").orElse(DEFAULT_STATEMENT_TIMEOUT);
        Duration validation = env.get("DATABASE_CONNECTION_VALIDATION_TIMEOUT")
                .map(v -> v.equals("-1") ? ALWAYS : positiveSeconds("DATABASE_CONNECTION_VALIDATION_TIMEOUT", v))
                .orElse(DEFAULT_VALIDATION_TIMEOUT);
        return new DatabasePool(max, poolTimeout, statementTimeout, validation);
    }

    /**
     * Quarkus' datasource properties: the pools' size, wait and validation. The statement timeout is not among them:
     * broker-api's pool creator puts it on the reactive connections, which serve the requests; JDBC runs the schema
     * migrations, imports and clean-up batches (which set their own), whose statements on a large Pact Broker database
     * may rightly take longer than a request's.
     */
    public Map<String, String> properties(boolean reactive) {
        Map<String, String> properties = new HashMap<>();
        maxConnections.ifPresent(max -> {
            properties.put("quarkus.datasource.jdbc.max-size", Integer.toString(Math.max(max, MIGRATION_CONNECTIONS)));
            if (reactive) {
                properties.put("quarkus.datasource.reactive.max-size", Integer.toString(max));
            }
        });
        properties.put("quarkus.datasource.jdbc.acquisition-timeout", poolTimeout.toString());
        if (validationTimeout.equals(ALWAYS)) {
            properties.put("quarkus.datasource.jdbc.validate-on-borrow", "true");
        } else {
            properties.put("quarkus.datasource.jdbc.foreground-validation-interval", validationTimeout.toString());
        }
        if (reactive) {
            // Vert.x cannot check a connection as it hands it out: closing it once idle that long means the one
            // handed out is never older, which is what the check is for (a database restart's dead connections)
            Duration idle =
                    validationTimeout.compareTo(REACTIVE_IDLE_FLOOR) < 0 ? REACTIVE_IDLE_FLOOR : validationTimeout;
            properties.put("quarkus.datasource.reactive.idle-timeout", idle.toString());
        }
        return properties;
    }

    /** The settings in a service's configuration, where a pool creator reads them. */
    public static DatabasePool from(Config config) {
        return from(new EnvironmentVariables(
                name -> config.getOptionalValue(name, String.class).orElse(null)));
    }

    /** The effective settings for a start-up log line (no secrets in them). */
    public String describe() {
        return "database pool: max connections "
                + (maxConnections.isPresent() ? Integer.toString(maxConnections.getAsInt()) : "default")
                + ", pool timeout " + poolTimeout.toMillis() + " ms, statement timeout " + statementTimeout.toMillis()
                + " ms, connection validation "
                + (validationTimeout.equals(ALWAYS)
                        ? "every time"
                        : "after " + validationTimeout.toSeconds() + " s idle");
    }

    private static Optional<Duration> seconds(EnvironmentVariables env, String suffix) {
        return env.get(suffix).map(v -> positiveSeconds(suffix, v));
    }

    /** Seconds as the Pact Broker takes them: a positive integer or decimal ({@code 15}, {@code 0.5}). */
    private static Duration positiveSeconds(String suffix, String value) {
        try {
            BigDecimal seconds = new BigDecimal(value);
            long millis = seconds.movePointRight(3).longValueExact();
            if (millis > 0) {
                return Duration.ofMillis(millis);
            }
        } catch (NumberFormatException | ArithmeticException e) {
            // reported below
        }
        throw new ConfigurationException(EnvironmentVariables.NEW_PREFIX + suffix
                + " must be a positive number of seconds" + (suffix.endsWith("VALIDATION_TIMEOUT") ? " or -1" : "")
                + " (was '" + value + "')");
    }

    private static int positiveInteger(String suffix, String value) {
        try {
            int number = Integer.parseInt(value);
            if (number > 0) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ConfigurationException(
                EnvironmentVariables.NEW_PREFIX + suffix + " must be a positive whole number (was '" + value + "')");
    }
}
