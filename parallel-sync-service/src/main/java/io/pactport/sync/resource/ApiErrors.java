package io.pactport.sync.resource;

import io.pactport.sync.messaging.DeadLetterQueueUnavailableException;
import io.pactport.sync.service.TargetDisabledException;
import jakarta.ws.rs.WebApplicationException;
import java.util.Map;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The service's errors in the Pact Broker's shape, {@code {"error": message}}. Only its own exceptions are mapped: a
 * JDK exception from anywhere else is a fault, not an answer to the request.
 */
public class ApiErrors {

    @ServerExceptionMapper
    public RestResponse<Map<String, String>> webApplication(WebApplicationException e) {
        return RestResponse.status(e.getResponse().getStatusInfo(), Map.of("error", e.getMessage()));
    }

    @ServerExceptionMapper
    public RestResponse<Map<String, String>> disabled(TargetDisabledException e) {
        return RestResponse.status(RestResponse.Status.CONFLICT, Map.of("error", e.getMessage()));
    }

    @ServerExceptionMapper
    public RestResponse<Map<String, String>> kafkaUnavailable(DeadLetterQueueUnavailableException e) {
        return RestResponse.status(RestResponse.Status.SERVICE_UNAVAILABLE, Map.of("error", e.getMessage()));
    }
}
