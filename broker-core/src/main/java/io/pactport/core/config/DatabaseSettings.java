package io.pactport.core.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where the database is, from {@code PACTFLOW_DATABASE_URL} (the Ruby form {@code postgres://user:pass@host:port/db}) or
 * from {@code PACTFLOW_DATABASE_HOST/_PORT/_NAME/_USERNAME/_PASSWORD/_SSLMODE}, each also read under its
 * {@code PACT_BROKER_DATABASE_*} name. One mapping feeds both the JDBC and the reactive datasource.
 * {@link #toString()} never shows the password.
 */
public record DatabaseSettings(String host, int port, String name, String username, String password, String sslMode) {

    public static final int DEFAULT_PORT = 5432;
    private static final Set<String> POSTGRES_SCHEMES = Set.of("postgres", "postgresql");
    private static final List<String> SSL_MODES =
            List.of("disable", "allow", "prefer", "require", "verify-ca", "verify-full");

    /**
     * The settings in {@code env}, or empty when no database variable is set at all.
     *
     * @throws ConfigurationException when they are incomplete, contradictory or name another database than PostgreSQL
     */
    public static Optional<DatabaseSettings> from(EnvironmentVariables env) {
        Optional<String> adapter = env.get("DATABASE_ADAPTER");
        if (adapter.isPresent() && !POSTGRES_SCHEMES.contains(adapter.get().toLowerCase())) {
            throw notPostgres("DATABASE_ADAPTER=" + adapter.get());
        }
        Optional<String> url = env.get("DATABASE_URL");
        Optional<String> host = env.get("DATABASE_HOST");
        Optional<String> port = env.get("DATABASE_PORT");
        Optional<String> name = env.get("DATABASE_NAME");
        Optional<String> username = env.get("DATABASE_USERNAME");
        Optional<String> password = env.get("DATABASE_PASSWORD");
        Optional<String> sslMode = env.get("DATABASE_SSLMODE").map(DatabaseSettings::checkSslMode);
        if (url.isPresent()) {
            DatabaseSettings fromUrl = parseUrl(url.get());
            return Optional.of(sslMode.isPresent() ? fromUrl.withSslMode(sslMode.get()) : fromUrl);
        }
        if (host.isEmpty() && name.isEmpty() && username.isEmpty()) {
            return Optional.empty();
        }
        if (host.isEmpty() || name.isEmpty()) {
            throw new ConfigurationException(
                    "incomplete database settings: set PACTFLOW_DATABASE_URL, or both"
                            + " PACTFLOW_DATABASE_HOST and PACTFLOW_DATABASE_NAME (with _USERNAME, _PASSWORD, _PORT as needed)");
        }
        return Optional.of(new DatabaseSettings(
                host.get(),
                port.map(DatabaseSettings::parsePort).orElse(DEFAULT_PORT),
                name.get(),
                username.orElse(null),
                password.orElse(null),
                sslMode.orElse(null)));
    }

    /** Parses the Ruby broker's URL form; user and password may be percent-encoded. */
    public static DatabaseSettings parseUrl(String url) {
        URI uri;
        try {
            uri = new URI(url.startsWith("jdbc:") ? url.substring(5) : url);
        } catch (URISyntaxException e) {
            throw new ConfigurationException("PACTFLOW_DATABASE_URL is not a URL; expected the form"
                    + " postgres://user:password@host:5432/database");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
        if (!POSTGRES_SCHEMES.contains(scheme)) {
            throw notPostgres("a " + (scheme.isEmpty() ? "scheme-less" : scheme + "://") + " URL");
        }
        if (uri.getHost() == null || uri.getPath() == null || uri.getPath().length() <= 1) {
            throw new ConfigurationException("PACTFLOW_DATABASE_URL needs a host and a database name, as in"
                    + " postgres://user:password@host:5432/database");
        }
        String user = null;
        String password = null;
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getRawUserInfo().split(":", 2);
            user = decode(parts[0]);
            password = parts.length > 1 ? decode(parts[1]) : null;
        }
        String sslMode = null;
        if (uri.getRawQuery() != null) {
            for (String parameter : uri.getRawQuery().split("&")) {
                if (parameter.startsWith("sslmode=")) {
                    sslMode = checkSslMode(decode(parameter.substring("sslmode=".length())));
                }
            }
        }
        return new DatabaseSettings(
                uri.getHost(),
                uri.getPort() < 0 ? DEFAULT_PORT : uri.getPort(),
                decode(uri.getRawPath().substring(1)),
                user,
                password,
                sslMode);
    }

    public DatabaseSettings withSslMode(String mode) {
        return new DatabaseSettings(host, port, name, username, password, mode);
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://" + hostAndPort() + "/" + name + (sslMode == null ? "" : "?sslmode=" + sslMode);
    }

    /** The Vert.x reactive PostgreSQL client's URL form; credentials travel separately. */
    public String reactiveUrl() {
        return "postgresql://" + hostAndPort() + "/" + name + (sslMode == null ? "" : "?sslmode=" + sslMode);
    }

    /** Where the database is, for logs: never the password. */
    public String describe() {
        return "postgres://" + (username == null ? "" : username + "@") + hostAndPort() + "/" + name;
    }

    @Override
    public String toString() {
        return "DatabaseSettings[" + describe() + (password == null ? "" : ", password=****") + "]";
    }

    private String hostAndPort() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    private static ConfigurationException notPostgres(String what) {
        return new ConfigurationException("Pactport runs on PostgreSQL only, but the database settings name " + what
                + ". Migration is only supported for a Pact Broker running a PostgreSQL database;"
                + " set PACTFLOW_DATABASE_URL=postgres://user:password@host:5432/database");
    }

    private static int parsePort(String port) {
        try {
            int value = Integer.parseInt(port);
            if (value > 0 && value < 65536) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ConfigurationException("PACTFLOW_DATABASE_PORT must be a port number, not '" + port + "'");
    }

    private static String checkSslMode(String mode) {
        if (!SSL_MODES.contains(mode)) {
            throw new ConfigurationException(
                    "PACTFLOW_DATABASE_SSLMODE must be one of " + SSL_MODES + ", not '" + mode + "'");
        }
        return mode;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
