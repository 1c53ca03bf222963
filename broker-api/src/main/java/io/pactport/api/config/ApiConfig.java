package io.pactport.api.config;

import io.pactport.api.auth.AuthConfig;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithParentName;
import java.time.Duration;
import java.util.Optional;

/** broker-api's settings, under the Pact Broker's names with the {@code PACTFLOW_} prefix. */
@ConfigMapping(prefix = "pactflow")
public interface ApiConfig {

    /**
     * The URL clients reach the broker at ({@code PACTFLOW_BASE_URL}), used in every link; when absent, links are built
     * from the request, as the Pact Broker does.
     */
    Optional<String> baseUrl();

    /** Who may call the API ({@code PACTFLOW_BASIC_AUTH_*}, {@code PACTFLOW_*_API_TOKENS}); names at this level. */
    @WithParentName
    AuthConfig auth();

    /**
     * Whether tagging a version with the name of an environment records its deployment there
     * ({@code PACTFLOW_CREATE_DEPLOYED_VERSIONS_FOR_TAGS}), as the Pact Broker's setting of that name does.
     */
    @WithDefault("true")
    boolean createDeployedVersionsForTags();

    /**
     * Whether a pact may be republished with changed content for a consumer version that already has one
     * ({@code PACTFLOW_ALLOW_DANGEROUS_CONTRACT_MODIFICATION}); off by default, as in the Pact Broker, because a
     * version whose contract changes after it was verified makes can-i-deploy unreliable.
     */
    @WithDefault("false")
    boolean allowDangerousContractModification();

    /** The event outbox relay. */
    Outbox outbox();

    interface Outbox {

        /** How often the relay looks for unsent events ({@code PACTFLOW_OUTBOX_POLL_INTERVAL}). */
        @WithDefault("0.2s")
        Duration pollInterval();

        /** Events published per transaction. */
        @WithDefault("200")
        int batchSize();

        /** How long a batch may wait for Kafka's acknowledgements before it is tried again. */
        @WithDefault("30s")
        Duration sendTimeout();

        /** How long sent events stay in the table (for operators replaying by hand) before they are pruned. */
        @WithDefault("7d")
        Duration sentRetention();
    }
}
