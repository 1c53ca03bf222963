package io.pactport.retention.resource;

import io.pactport.core.errors.InvalidRequestException;
import io.pactport.retention.selectors.InvalidSelectorsException;
import io.pactport.retention.service.CleanInProgressException;
import jakarta.ws.rs.NotFoundException;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Errors in the Pact Broker's shapes: {@code {"errors":{field:[…]}}} for invalid input, {@code {"error":…}} otherwise. */
public class ApiErrors {

    @ServerExceptionMapper
    RestResponse<Map<String, Object>> invalidSelectors(InvalidSelectorsException e) {
        return RestResponse.status(
                RestResponse.Status.BAD_REQUEST, Map.of("errors", Map.of("selectors", List.of(e.getMessage()))));
    }

    @ServerExceptionMapper
    RestResponse<Map<String, Object>> invalidRequest(InvalidRequestException e) {
        return RestResponse.status(RestResponse.Status.BAD_REQUEST, Map.of("errors", e.errors()));
    }

    @ServerExceptionMapper
    RestResponse<Map<String, Object>> inProgress(CleanInProgressException e) {
        return RestResponse.status(RestResponse.Status.CONFLICT, Map.of("error", e.getMessage()));
    }

    @ServerExceptionMapper
    RestResponse<Map<String, Object>> notFound(NotFoundException e) {
        return RestResponse.status(RestResponse.Status.NOT_FOUND, Map.of("error", e.getMessage()));
    }
}
