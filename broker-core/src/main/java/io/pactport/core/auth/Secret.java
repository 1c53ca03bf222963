package io.pactport.core.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A configured password, username or token, kept only as its SHA-256 digest. Comparing digests of equal length with
 * {@link MessageDigest#isEqual} takes the same time wherever the first difference is, and tells nothing of the length.
 */
final class Secret {

    private final byte[] digest;

    private Secret(byte[] digest) {
        this.digest = digest;
    }

    static Secret of(String text) {
        return new Secret(digest(text));
    }

    /** @param candidateDigest {@link #digest(String)} of what the caller sent */
    boolean matches(byte[] candidateDigest) {
        return MessageDigest.isEqual(digest, candidateDigest);
    }

    static byte[] digest(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Never the value: this object may end up in a log line or an exception message. */
    @Override
    public String toString() {
        return "****";
    }
}
