package io.pactport.core.remote;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * How to authenticate to a remote Pact Broker: basic auth, a bearer token (PactFlow, Pactport), or nothing. Never
 * printed: {@link #toString()} names the kind only.
 */
public record BrokerCredentials(String username, String password, String token) {

    public static final BrokerCredentials NONE = new BrokerCredentials(null, null, null);

    public static BrokerCredentials basic(String username, String password) {
        return new BrokerCredentials(username, password, null);
    }

    public static BrokerCredentials bearer(String token) {
        return new BrokerCredentials(null, null, token);
    }

    /** The {@code Authorization} header value; a token wins over a user. */
    public Optional<String> authorization() {
        if (token != null && !token.isBlank()) {
            return Optional.of("Bearer " + token);
        }
        if (username != null && !username.isBlank()) {
            String pair = username + ":" + (password == null ? "" : password);
            return Optional.of("Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return token != null && !token.isBlank()
                ? "bearer ****"
                : username != null && !username.isBlank() ? "basic " + username + ":****" : "none";
    }
}
