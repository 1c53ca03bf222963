package io.pactport.core.auth;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Optional;

/**
 * Who may call Pactport's HTTP services (broker-api, retention-service, parallel-sync-service, all with the same
 * credentials): the Pact Broker's basic-auth settings under their {@code PACTFLOW_} names (the {@code PACT_BROKER_} ones
 * still work), plus bearer tokens.
 */
@ConfigMapping(prefix = "pactflow")
public interface AuthConfig {

    /**
     * {@code PACTFLOW_BASIC_AUTH_ENABLED}; unset means on when the read/write username and password are both set, as in
     * the Pact Broker's Docker image.
     */
    Optional<Boolean> basicAuthEnabled();

    /** The read/write user ({@code PACTFLOW_BASIC_AUTH_USERNAME}). */
    Optional<String> basicAuthUsername();

    /** The read/write user's password ({@code PACTFLOW_BASIC_AUTH_PASSWORD}). */
    Optional<String> basicAuthPassword();

    /** The read-only user ({@code PACTFLOW_BASIC_AUTH_READ_ONLY_USERNAME}); ignored without its password. */
    Optional<String> basicAuthReadOnlyUsername();

    /** The read-only user's password ({@code PACTFLOW_BASIC_AUTH_READ_ONLY_PASSWORD}). */
    Optional<String> basicAuthReadOnlyPassword();

    /** Reads (and the for-verification query) need no credentials ({@code PACTFLOW_ALLOW_PUBLIC_READ}). */
    @WithDefault("false")
    boolean allowPublicRead();

    /** {@code GET /diagnostic/status/heartbeat} needs no credentials ({@code PACTFLOW_PUBLIC_HEARTBEAT}). */
    @WithDefault("false")
    boolean publicHeartbeat();

    /**
     * Badges (a pact's verification status, the matrix and can-i-deploy badges) need no credentials
     * ({@code PACTFLOW_ENABLE_PUBLIC_BADGE_ACCESS}), so a README can show them; on by default, as the Pact Broker's
     * Docker image sets it.
     */
    @WithDefault("true")
    boolean enablePublicBadgeAccess();

    /** Comma-separated bearer tokens that may read ({@code PACTFLOW_READ_ONLY_API_TOKENS}); turn authentication on. */
    Optional<List<String>> readOnlyApiTokens();

    /** Comma-separated bearer tokens that may read and write ({@code PACTFLOW_READ_WRITE_API_TOKENS}). */
    Optional<List<String>> readWriteApiTokens();
}
