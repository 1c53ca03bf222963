package io.pactport.api.resource;

import io.pactport.core.schema.PactBrokerReleases;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import jakarta.ws.rs.container.ContainerResponseContext;

/**
 * Every response says which Pact Broker API it speaks ({@code X-Pact-Broker-Version}), as the Pact Broker does; clients
 * use it to decide which features they may call.
 */
public class PactBrokerVersionHeader {

    public static final String NAME = "X-Pact-Broker-Version";

    @ServerResponseFilter
    public void addVersion(ContainerResponseContext response) {
        response.getHeaders().putSingle(NAME, PactBrokerReleases.SUPPORTED_RELEASE);
    }
}
