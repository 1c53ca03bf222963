package io.pactport.sync.resource;

import jakarta.ws.rs.WebApplicationException;
import java.util.Map;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Errors in the Pact Broker's shape, {@code {"error": message}}. */
public class ApiErrors {

    @ServerExceptionMapper
    public RestResponse<Map<String, String>> webApplication(WebApplicationException e) {
        return RestResponse.status(e.getResponse().getStatusInfo(), Map.of("error", e.getMessage()));
    }

    @ServerExceptionMapper
    public RestResponse<Map<String, String>> disabled(IllegalStateException e) {
        return RestResponse.status(RestResponse.Status.CONFLICT, Map.of("error", e.getMessage()));
    }
}
