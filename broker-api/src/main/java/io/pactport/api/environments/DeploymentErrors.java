package io.pactport.api.environments;

import io.pactport.api.http.ApiErrors;
import io.pactport.api.http.Hal;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The 422 answers of deployed and released versions, in the shapes of {@link ApiErrors}' validation errors. */
public class DeploymentErrors {

    private static final int UNPROCESSABLE = 422;

    @ServerExceptionMapper
    public RestResponse<Map<String, Object>> stateCannotReturn(
            DeploymentStateException e, HttpHeaders headers, UriInfo uri) {
        String accept = headers.getHeaderString(HttpHeaders.ACCEPT);
        if (accept != null && accept.contains("application/problem+json")) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("type", uri.getBaseUri() + "problems/validation-errors");
            body.put("title", "Validation errors");
            body.put("status", UNPROCESSABLE);
            body.put("detail", "Validation errors");
            body.put("instance", "/" + uri.getPath().replaceFirst("^/", ""));
            body.put(
                    "errors",
                    List.of(Hal.object(
                            "type",
                            "invalid-body-error",
                            "title",
                            "Invalid body",
                            "detail",
                            e.getMessage(),
                            "pointer",
                            "/" + e.field())));
            return RestResponse.ResponseBuilder.<Map<String, Object>>create(UNPROCESSABLE)
                    .entity(body)
                    .type(ApiErrors.PROBLEM_JSON)
                    .build();
        }
        return RestResponse.ResponseBuilder.<Map<String, Object>>create(UNPROCESSABLE)
                .entity(Map.of("errors", Map.of(e.field(), List.of(e.getMessage()))))
                .type(ApiErrors.JSON)
                .build();
    }
}
