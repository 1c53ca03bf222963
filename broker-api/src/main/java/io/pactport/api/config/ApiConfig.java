package io.pactport.api.config;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/** broker-api's settings, under the Pact Broker's names with the {@code PACTFLOW_} prefix. */
@ConfigMapping(prefix = "pactflow")
public interface ApiConfig {

    /**
     * The URL clients reach the broker at ({@code PACTFLOW_BASE_URL}), used in every link; when absent, links are built
     * from the request, as the Pact Broker does.
     */
    Optional<String> baseUrl();
}
