package io.pactport.api.matrix;

import io.pactport.api.http.BaseUrl;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Can the latest version with a tag go where another tag points (the latest version with it of each integrated
 * application)? 404 when the pacticipant or such a version does not exist (its badge is in the badges feature).
 */
@Path("/pacticipants/{pacticipant}/latest-version/{tag}/can-i-deploy/to/{to}")
public class CanIDeployTagResource {

    private final CanIDeployService service;
    private final BaseUrl baseUrl;

    CanIDeployTagResource(CanIDeployService service, BaseUrl baseUrl) {
        this.service = service;
        this.baseUrl = baseUrl;
    }

    @GET
    public Uni<RestResponse<Object>> canIDeploy(
            @PathParam("pacticipant") String pacticipant,
            @PathParam("tag") String tag,
            @PathParam("to") String to,
            @Context UriInfo uri,
            @Context HttpHeaders headers) {
        return service.tagToTag(pacticipant, tag, to)
                .map(answer -> CanIDeployResource.found(
                        baseUrl,
                        answer,
                        uri,
                        headers,
                        "No " + answer.missing() + " found for the latest version of " + pacticipant + " with tag "
                                + tag));
    }
}
