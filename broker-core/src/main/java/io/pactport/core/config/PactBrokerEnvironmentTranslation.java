package io.pactport.core.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A Pact Broker's environment as Pactport's, following PactFlow's migration guide: every {@code PACT_BROKER_*} renamed
 * {@code PACTFLOW_*} with its value unchanged, and {@code PACT_BROKER_AUTO_MIGRATE_DB}/{@code _DB_DATA} replaced by one
 * {@code PACTFLOW_DATABASE_AUTO_MIGRATE}. Pure: the caller reads and writes the variables (process, env file, compose).
 * Warnings never contain a value, so they are safe to print and log.
 */
public final class PactBrokerEnvironmentTranslation {

    public static final String AUTO_MIGRATE = "PACTFLOW_DATABASE_AUTO_MIGRATE";
    private static final Set<String> AUTO_MIGRATE_OLD =
            Set.of("PACT_BROKER_AUTO_MIGRATE_DB", "PACT_BROKER_AUTO_MIGRATE_DB_DATA");
    private static final Set<String> POSTGRES_ADAPTERS = Set.of("postgres", "postgresql");
    private static final Pattern URL_PASSWORD = Pattern.compile("(://[^:/@\\s]*:)[^/\\s]*@");

    /**
     * Pact Broker 2.120 settings (its runtime configuration, docs/configuration.yml and Docker image) that have no
     * meaning for Pactport: each is named as having no effect by {@code ./pactport env} and in every service's start-up
     * log ({@link #notUsedWarnings}).
     */
    private static final Set<String> NOT_USED = Set.of(
            // the Ruby server, its Docker image and its logger: Quarkus has its own (PORT and LOG_* are honoured)
            "PUMA_PERSISTENT_TIMEOUT",
            "DATABASE_URL_ENVIRONMENT_VARIABLE_NAME",
            "PORT_ENVIRONMENT_VARIABLE_NAME",
            "LOG_STREAM",
            "LOG_DIR",
            "LOG_OTEL_ENABLED",
            "LOG_CONFIGURATION_ON_STARTUP",
            "HTTP_DEBUG_LOGGING_ENABLED",
            "HIDE_PACTFLOW_MESSAGES",
            "WARNING_ERROR_CLASS_NAMES",
            "USE_RACK_PROTECTION",
            "RACK_PROTECTION_USE",
            "RACK_PROTECTION_EXCEPT",
            // Sequel, its logging and its migrations: Pactport's pools and Flyway are configured by the DATABASE_*
            // above
            "SQL_LOG_LEVEL",
            "SQL_LOG_WARN_DURATION",
            "SQL_ENABLE_CALLER_LOGGING",
            "DATABASE_CONNECT_MAX_RETRIES",
            "ALLOW_MISSING_MIGRATION_FILES",
            "VALIDATE_DATABASE_CONNECTION_CONFIG",
            "METRICS_SQL_STATEMENT_TIMEOUT",
            // the Pact Broker's UI, example data and beta features, which Pactport does not have
            "SEED_EXAMPLE_DATA",
            "USE_HAL_BROWSER",
            "ENABLE_DIAGNOSTIC_ENDPOINTS",
            "NETWORK_DIAGRAM_MAX_PACTICIPANTS",
            "FEATURES");

    /** The Pact Broker settings Pactport honours under their {@code PACTFLOW_} names: renamed without comment. */
    private static final Set<String> KNOWN = Set.of(
            "DATABASE_URL",
            "DATABASE_ADAPTER",
            "DATABASE_USERNAME",
            "DATABASE_PASSWORD",
            "DATABASE_HOST",
            "DATABASE_NAME",
            "DATABASE_PORT",
            "DATABASE_SSLMODE",
            "DATABASE_MAX_CONNECTIONS",
            "DATABASE_POOL_TIMEOUT",
            "DATABASE_STATEMENT_TIMEOUT",
            "DATABASE_CONNECTION_VALIDATION_TIMEOUT",
            "MIGRATION_TARGET",
            "DATABASE_MIGRATION_TARGET",
            "BASIC_AUTH_ENABLED",
            "BASIC_AUTH_USERNAME",
            "BASIC_AUTH_PASSWORD",
            "BASIC_AUTH_READ_ONLY_USERNAME",
            "BASIC_AUTH_READ_ONLY_PASSWORD",
            "ALLOW_PUBLIC_READ",
            "PUBLIC_HEARTBEAT",
            "ENABLE_PUBLIC_BADGE_ACCESS",
            "PORT",
            "BASE_URL",
            "BASE_URLS",
            "LOG_LEVEL",
            "LOG_FORMAT",
            "WEBHOOK_RETRY_SCHEDULE",
            "WEBHOOK_HTTP_METHOD_WHITELIST",
            "WEBHOOK_HTTP_CODE_SUCCESS",
            "WEBHOOK_SCHEME_WHITELIST",
            "WEBHOOK_HOST_WHITELIST",
            "WEBHOOK_CERTIFICATES",
            "DISABLE_SSL_VERIFICATION",
            "USER_AGENT",
            "WEBHOOK_REDACT_SENSITIVE_DATA",
            "CHECK_FOR_POTENTIAL_DUPLICATE_PACTICIPANT_NAMES",
            "CREATE_DEPLOYED_VERSIONS_FOR_TAGS",
            "USE_FIRST_TAG_AS_BRANCH",
            "USE_FIRST_TAG_AS_BRANCH_TIME_LIMIT",
            "AUTO_DETECT_MAIN_BRANCH",
            "MAIN_BRANCH_CANDIDATES",
            "ALLOW_DANGEROUS_CONTRACT_MODIFICATION",
            "ORDER_VERSIONS_BY_DATE",
            "BASE_EQUALITY_ONLY_ON_CONTENT_THAT_AFFECTS_VERIFICATION_RESULTS",
            "USE_CASE_SENSITIVE_RESOURCE_NAMES",
            "SEMVER_FORMATS",
            "BADGE_PROVIDER_MODE",
            "BADGE_DEFAULT_CACHE_SETTING",
            "SHIELDS_IO_BASE_URL",
            "PACT_CONTENT_DIFF_TIMEOUT",
            "CLEAN_ENABLED",
            "CLEAN_CRON_SCHEDULE",
            "CLEAN_KEEP_VERSION_SELECTORS",
            "CLEAN_DELETION_LIMIT",
            "CLEAN_OVERWRITTEN_DATA_MAX_AGE",
            "CLEAN_DRY_RUN");

    /** How a Pact Broker setting (its name without prefix, as in its docs) stands in Pactport. */
    public enum Standing {
        /** Honoured under its {@code PACTFLOW_} name. */
        HONOURED,
        /** Replaced: {@code AUTO_MIGRATE_DB} and {@code AUTO_MIGRATE_DB_DATA} become {@value #AUTO_MIGRATE}. */
        REPLACED,
        /** Known, with no meaning for Pactport. */
        NOT_USED,
        /** Not a Pact Broker setting Pactport knows of. */
        UNKNOWN
    }

    /** The standing of {@code setting}, a Pact Broker setting's name without prefix ({@code LOG_LEVEL}). */
    public static Standing standing(String setting) {
        String name = setting(setting.toUpperCase(Locale.ROOT));
        if (KNOWN.contains(name)) {
            return Standing.HONOURED;
        }
        if (AUTO_MIGRATE_OLD.contains(EnvironmentVariables.OLD_PREFIX + name)) {
            return Standing.REPLACED;
        }
        return NOT_USED.contains(name) ? Standing.NOT_USED : Standing.UNKNOWN;
    }

    /**
     * A warning for every name among {@code names} that sets a Pact Broker setting Pactport does not use, under its
     * {@code PACTFLOW_} or {@code PACT_BROKER_} name: the one way every service's start-up log and {@code ./pactport
     * env} name them.
     */
    public static List<String> notUsedWarnings(Iterator<String> names) {
        Set<String> warnings = new TreeSet<>();
        names.forEachRemaining(name -> {
            for (String prefix : List.of(EnvironmentVariables.NEW_PREFIX, EnvironmentVariables.OLD_PREFIX)) {
                if (name.startsWith(prefix) && NOT_USED.contains(name.substring(prefix.length()))) {
                    warnings.add(notUsed(name));
                }
            }
        });
        return List.copyOf(warnings);
    }

    /** The setting a name sets: {@code WEBHOOK_CERTIFICATES__0__CONTENT} is an entry of {@code WEBHOOK_CERTIFICATES}. */
    private static String setting(String suffix) {
        int entry = suffix.indexOf("__");
        return entry > 0 ? suffix.substring(0, entry) : suffix;
    }

    private static String notUsed(String name) {
        return name + " is a Pact Broker setting not used by Pactport: it has no effect";
    }

    private PactBrokerEnvironmentTranslation() {}

    /** One variable; {@code value} as written, never trimmed (a password may end in a space). */
    public record Entry(String name, String value) {}

    /** What became of one input variable: {@code translated} is null when it was dropped. */
    public record Line(Entry original, Entry translated) {

        public boolean changed() {
            return !original.equals(translated);
        }
    }

    /** One {@link Line} per input variable, in input order, and the warnings (names only, never values). */
    public record Result(List<Line> lines, List<String> warnings) {

        /** The Pactport environment: every variable that was not dropped, in input order. */
        public List<Entry> entries() {
            return lines.stream().map(Line::translated).filter(e -> e != null).toList();
        }
    }

    /**
     * Translates one environment (one process, one env file, one compose service). A variable set twice is translated
     * twice: the reader decides which one wins, as it would for the Pact Broker.
     */
    public static Result translate(List<Entry> input) {
        Set<String> warnings = new LinkedHashSet<>();
        Map<String, String> pactflowValues = new HashMap<>();
        for (Entry entry : input) {
            if (entry.name().startsWith(EnvironmentVariables.NEW_PREFIX)) {
                pactflowValues.put(entry.name(), entry.value());
            }
        }
        String autoMigrate = autoMigrateValue(input, warnings);
        List<Line> lines = new ArrayList<>(input.size());
        boolean autoMigrateWritten = false;
        for (Entry entry : input) {
            String name = entry.name();
            if (AUTO_MIGRATE_OLD.contains(name)) {
                Entry replacement = null;
                if (!autoMigrateWritten) {
                    autoMigrateWritten = true;
                    replacement = keepExisting(new Entry(AUTO_MIGRATE, autoMigrate), name, pactflowValues, warnings);
                }
                lines.add(new Line(entry, replacement));
            } else if (name.startsWith(EnvironmentVariables.OLD_PREFIX)
                    && name.length() > EnvironmentVariables.OLD_PREFIX.length()) {
                String suffix = name.substring(EnvironmentVariables.OLD_PREFIX.length());
                classify(suffix, entry, warnings);
                Entry renamed = new Entry(EnvironmentVariables.NEW_PREFIX + suffix, entry.value());
                lines.add(new Line(entry, keepExisting(renamed, name, pactflowValues, warnings)));
            } else {
                lines.add(new Line(entry, entry));
            }
        }
        return new Result(List.copyOf(lines), List.copyOf(warnings));
    }

    /**
     * Whether a variable's value must not be shown: its name has PASSWORD, TOKEN, SECRET or CREDENTIAL in it, or a
     * part (between underscores) ending in KEY ({@code PACTFLOW_ADMIN_API_KEY}, {@code MASTER_ENCRYPTION_KEY},
     * {@code APIKEY}). KEY must end a part so that {@code KEYCLOAK_URL} or {@code CLEAN_KEEP_VERSION_SELECTORS} stay
     * readable; a false positive only hides a value.
     */
    public static boolean isSecret(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        if (upper.contains("PASSWORD")
                || upper.contains("TOKEN")
                || upper.contains("SECRET")
                || upper.contains("CREDENTIAL")) {
            return true;
        }
        for (String part : upper.split("_")) {
            if (part.endsWith("KEY")) {
                return true;
            }
        }
        return false;
    }

    /** The value fit for a screen: {@code ****} for a secret, a URL's password replaced by {@code ****}. */
    public static String redact(Entry entry) {
        if (isSecret(entry.name())) {
            return "****";
        }
        return URL_PASSWORD.matcher(entry.value()).replaceAll("$1****@");
    }

    /** PactFlow's one switch: true unless one of the Pact Broker's two was set to false. */
    private static String autoMigrateValue(List<Entry> input, Set<String> warnings) {
        List<String> disabled = new ArrayList<>();
        for (Entry entry : input) {
            if (AUTO_MIGRATE_OLD.contains(entry.name())
                    && "false".equalsIgnoreCase(entry.value().trim())) {
                disabled.add(entry.name());
            }
        }
        if (disabled.isEmpty()) {
            return "true";
        }
        warnings.add(String.join(" and ", new LinkedHashSet<>(disabled)) + " set to false: " + AUTO_MIGRATE
                + "=false written, so Pactport will not migrate at start-up; run `migration-service migrate` instead");
        return "false";
    }

    /** An existing {@code PACTFLOW_*} wins over the translated old variable, which is then dropped. */
    private static Entry keepExisting(
            Entry translated, String oldName, Map<String, String> pactflowValues, Set<String> warnings) {
        String existing = pactflowValues.get(translated.name());
        if (existing == null) {
            return translated;
        }
        if (!existing.equals(translated.value())) {
            warnings.add(translated.name() + " and " + oldName + " are both set, to different values: kept "
                    + translated.name() + " and dropped " + oldName);
        }
        return null;
    }

    private static void classify(String suffix, Entry entry, Set<String> warnings) {
        if (suffix.equals("DATABASE_ADAPTER")
                && !POSTGRES_ADAPTERS.contains(entry.value().trim().toLowerCase(Locale.ROOT))) {
            warnings.add(entry.name() + " names another database than PostgreSQL: only PostgreSQL is supported");
        } else if (suffix.equals("DATABASE_URL")
                && !entry.value().trim().toLowerCase(Locale.ROOT).startsWith("postgres")) {
            warnings.add(entry.name() + " is not a postgres:// URL: only PostgreSQL is supported");
        } else if (NOT_USED.contains(suffix)) {
            warnings.add(notUsed(entry.name()) + " (renamed anyway)");
        } else if (!KNOWN.contains(setting(suffix))) {
            warnings.add(entry.name() + " is unknown: not a Pact Broker setting (renamed anyway)");
        }
    }
}
