package io.pactport.retention.resource;

import io.pactport.retention.config.RetentionConfig;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * What a request's {@code Authorization} header grants, by broker-api's rules: basic auth for the configured users,
 * bearer for the configured tokens. Secrets are kept and compared as SHA-256 digests, every one on every request, so
 * the time taken tells nothing about which part was close.
 */
final class AdminAuth {

    enum Access {
        NONE, READ, WRITE
    }

    private record Credential(byte[] digest, Access access) {
    }

    private final boolean enabled;
    private final List<Credential> users = new ArrayList<>();
    private final List<Credential> tokens = new ArrayList<>();

    AdminAuth(RetentionConfig config) {
        boolean writer = present(config.basicAuthUsername()) && present(config.basicAuthPassword());
        boolean basic = config.basicAuthEnabled().orElse(writer);
        if (basic && writer) {
            users.add(new Credential(digest(config.basicAuthUsername().get() + ":" + config.basicAuthPassword().get()),
                    Access.WRITE));
        }
        if (basic && present(config.basicAuthReadOnlyUsername()) && present(config.basicAuthReadOnlyPassword())) {
            users.add(new Credential(digest(config.basicAuthReadOnlyUsername().get() + ":"
                    + config.basicAuthReadOnlyPassword().get()), Access.READ));
        }
        config.readWriteApiTokens().orElse(List.of()).stream().filter(t -> !t.isBlank())
                .forEach(t -> tokens.add(new Credential(digest(t.trim()), Access.WRITE)));
        config.readOnlyApiTokens().orElse(List.of()).stream().filter(t -> !t.isBlank())
                .forEach(t -> tokens.add(new Credential(digest(t.trim()), Access.READ)));
        enabled = basic || !tokens.isEmpty();
    }

    boolean enabled() {
        return enabled;
    }

    Access grant(String authorization) {
        if (authorization == null) {
            return Access.NONE;
        }
        String header = authorization.trim();
        int space = header.indexOf(' ');
        if (space < 0) {
            return Access.NONE;
        }
        String scheme = header.substring(0, space);
        String credentials = header.substring(space + 1).trim();
        if (scheme.equalsIgnoreCase("Basic")) {
            try {
                return best(users, digest(new String(Base64.getDecoder().decode(credentials), StandardCharsets.UTF_8)));
            } catch (IllegalArgumentException e) {
                return Access.NONE;
            }
        }
        return scheme.equalsIgnoreCase("Bearer") ? best(tokens, digest(credentials)) : Access.NONE;
    }

    private static Access best(List<Credential> candidates, byte[] digest) {
        Access granted = Access.NONE;
        for (Credential candidate : candidates) {
            if (MessageDigest.isEqual(candidate.digest(), digest) && candidate.access().compareTo(granted) > 0) {
                granted = candidate.access();
            }
        }
        return granted;
    }

    private static boolean present(Optional<String> value) {
        return value.isPresent() && !value.get().isBlank();
    }

    private static byte[] digest(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
