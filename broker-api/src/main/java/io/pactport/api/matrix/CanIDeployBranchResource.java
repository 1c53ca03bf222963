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
 * Can the latest version of a branch go to an environment ({@code cvpv}: every version live there is judged)? 404
 * when the pacticipant, branch, version or environment does not exist (its badge is in the badges feature).
 */
@Path("/pacticipants/{pacticipant}/branches/{branch}/latest-version/can-i-deploy/to-environment/{environment}")
public class CanIDeployBranchResource {

    private final CanIDeployService service;
    private final BaseUrl baseUrl;

    CanIDeployBranchResource(CanIDeployService service, BaseUrl baseUrl) {
        this.service = service;
        this.baseUrl = baseUrl;
    }

    @GET
    public Uni<RestResponse<Object>> canIDeploy(
            @PathParam("pacticipant") String pacticipant,
            @PathParam("branch") String branch,
            @PathParam("environment") String environment,
            @Context UriInfo uri,
            @Context HttpHeaders headers) {
        return service.branchToEnvironment(pacticipant, branch, environment)
                .map(answer -> CanIDeployResource.found(
                        baseUrl,
                        answer,
                        uri,
                        headers,
                        "No " + answer.missing() + " found for the latest version of " + pacticipant + " on branch "
                                + branch + " and environment " + environment));
    }
}
