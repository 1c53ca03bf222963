package io.pactport.retention.config;

import io.smallrye.config.ConfigMapping;
import java.util.List;
import java.util.Optional;

/**
 * Who may call retention-service's HTTP API: the same credentials as broker-api's writers, under the same names. The
 * read/write basic-auth user and read/write API tokens may preview and start runs; the read-only user and tokens may
 * list runs. With no credentials configured at all, as with broker-api, nothing is asked (and the start-up log says so).
 */
@ConfigMapping(prefix = "pactflow")
public interface RetentionConfig {

    /** {@code PACTFLOW_BASIC_AUTH_ENABLED}; unset means on when the read/write user is set, as in broker-api. */
    Optional<Boolean> basicAuthEnabled();

    /** {@code PACTFLOW_BASIC_AUTH_USERNAME}: the read/write user. */
    Optional<String> basicAuthUsername();

    /** {@code PACTFLOW_BASIC_AUTH_PASSWORD}. */
    Optional<String> basicAuthPassword();

    /** {@code PACTFLOW_BASIC_AUTH_READ_ONLY_USERNAME}: may list runs. */
    Optional<String> basicAuthReadOnlyUsername();

    /** {@code PACTFLOW_BASIC_AUTH_READ_ONLY_PASSWORD}. */
    Optional<String> basicAuthReadOnlyPassword();

    /** {@code PACTFLOW_READ_WRITE_API_TOKENS}: comma-separated bearer tokens that may preview and start runs. */
    Optional<List<String>> readWriteApiTokens();

    /** {@code PACTFLOW_READ_ONLY_API_TOKENS}: comma-separated bearer tokens that may list runs. */
    Optional<List<String>> readOnlyApiTokens();
}
