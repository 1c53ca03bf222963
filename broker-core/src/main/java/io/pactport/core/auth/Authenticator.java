package io.pactport.core.auth;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * What the credentials of a request grant: the read/write or read-only basic-auth user, or a read/write or read-only
 * bearer token. Every configured secret is compared on every request, so the time taken says nothing about which user,
 * which part or which token came close. Log lines name settings, never their values.
 */
final class Authenticator {

    private static final Logger LOG = Logger.getLogger(Authenticator.class);

    private record User(Secret name, Secret password, AccessLevel level) {}

    private record Token(Secret value, AccessLevel level) {}

    private final boolean basicAuth;
    private final List<User> users;
    private final List<Token> tokens;

    private Authenticator(boolean basicAuth, List<User> users, List<Token> tokens) {
        this.basicAuth = basicAuth;
        this.users = users;
        this.tokens = tokens;
    }

    static Authenticator from(AuthConfig config) {
        Optional<User> writer = user(config.basicAuthUsername(), config.basicAuthPassword(), AccessLevel.WRITE);
        Optional<User> reader =
                user(config.basicAuthReadOnlyUsername(), config.basicAuthReadOnlyPassword(), AccessLevel.READ);
        boolean basicAuth = config.basicAuthEnabled().orElse(writer.isPresent());
        warnAboutIgnoredSettings(config, basicAuth, writer.isPresent(), reader.isPresent());
        List<User> users = new ArrayList<>();
        if (basicAuth) {
            writer.ifPresent(users::add);
            reader.ifPresent(users::add);
        }
        List<Token> tokens = new ArrayList<>();
        config.readWriteApiTokens().orElse(List.of()).stream()
                .filter(t -> !t.isBlank())
                .forEach(t -> tokens.add(new Token(Secret.of(t.trim()), AccessLevel.WRITE)));
        config.readOnlyApiTokens().orElse(List.of()).stream()
                .filter(t -> !t.isBlank())
                .forEach(t -> tokens.add(new Token(Secret.of(t.trim()), AccessLevel.READ)));
        return new Authenticator(basicAuth, List.copyOf(users), List.copyOf(tokens));
    }

    /** Whether any request needs credentials at all. */
    boolean enabled() {
        return basicAuth || !tokens.isEmpty();
    }

    /** For the start-up log: which kinds of credentials, and how many tokens; nothing secret. */
    String describe() {
        long writeTokens =
                tokens.stream().filter(t -> t.level() == AccessLevel.WRITE).count();
        return "basic auth " + (basicAuth ? "on with " + users.size() + " user(s)" : "off") + ", " + writeTokens
                + " read/write and " + (tokens.size() - writeTokens) + " read-only API token(s)";
    }

    /** @param authorization the request's {@code Authorization} header, or null */
    AccessLevel grant(String authorization) {
        if (authorization == null) {
            return AccessLevel.PUBLIC;
        }
        String header = authorization.trim();
        int space = header.indexOf(' ');
        if (space < 0) {
            return AccessLevel.PUBLIC;
        }
        String scheme = header.substring(0, space);
        String credentials = header.substring(space + 1).trim();
        if (scheme.equalsIgnoreCase("Basic")) {
            return basic(credentials);
        }
        if (scheme.equalsIgnoreCase("Bearer")) {
            return bearer(credentials);
        }
        return AccessLevel.PUBLIC;
    }

    private AccessLevel basic(String encoded) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return AccessLevel.PUBLIC;
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return AccessLevel.PUBLIC;
        }
        byte[] name = Secret.digest(decoded.substring(0, colon));
        byte[] password = Secret.digest(decoded.substring(colon + 1));
        AccessLevel granted = AccessLevel.PUBLIC;
        for (User user : users) {
            // & rather than &&: the password is compared even when the name differs
            boolean match = user.name().matches(name) & user.password().matches(password);
            if (match && user.level().covers(granted)) {
                granted = user.level();
            }
        }
        return granted;
    }

    private AccessLevel bearer(String token) {
        byte[] candidate = Secret.digest(token);
        AccessLevel granted = AccessLevel.PUBLIC;
        for (Token configured : tokens) {
            if (configured.value().matches(candidate) && configured.level().covers(granted)) {
                granted = configured.level();
            }
        }
        return granted;
    }

    private static Optional<User> user(Optional<String> name, Optional<String> password, AccessLevel level) {
        if (isBlank(name) || isBlank(password)) {
            return Optional.empty();
        }
        return Optional.of(new User(Secret.of(name.get()), Secret.of(password.get()), level));
    }

    private static void warnAboutIgnoredSettings(AuthConfig config, boolean basicAuth, boolean writer, boolean reader) {
        if (basicAuth && !writer) {
            LOG.warn("PACTFLOW_BASIC_AUTH_ENABLED is true but PACTFLOW_BASIC_AUTH_USERNAME and"
                    + " PACTFLOW_BASIC_AUTH_PASSWORD are not both set: no user can write");
        }
        if (!basicAuth && (writer || reader)) {
            LOG.warn("basic auth is off ("
                    + (config.basicAuthEnabled().isPresent()
                            ? "PACTFLOW_BASIC_AUTH_ENABLED is false"
                            : "PACTFLOW_BASIC_AUTH_USERNAME/_PASSWORD are not both set")
                    + "): the basic-auth users configured are ignored");
        }
        if (isBlank(config.basicAuthReadOnlyUsername()) != isBlank(config.basicAuthReadOnlyPassword())) {
            LOG.warn("PACTFLOW_BASIC_AUTH_READ_ONLY_USERNAME and PACTFLOW_BASIC_AUTH_READ_ONLY_PASSWORD must both be"
                    + " set: the read-only user is ignored");
        }
        if (isBlank(config.basicAuthUsername()) != isBlank(config.basicAuthPassword())) {
            LOG.warn("PACTFLOW_BASIC_AUTH_USERNAME and PACTFLOW_BASIC_AUTH_PASSWORD must both be set: the read/write"
                    + " user is ignored");
        }
    }

    private static boolean isBlank(Optional<String> value) {
        return value.isEmpty() || value.get().isBlank();
    }
}
