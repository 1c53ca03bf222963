package io.pactport.api.versions;

import io.pactport.api.http.BaseUrl;
import io.pactport.api.http.BrokerUrls;
import io.pactport.api.http.Hal;
import io.pactport.api.http.RequestBodies;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.Map;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * {@code /pacticipants/{pacticipant}/branches...}: list, read and delete branches, a branch's latest version, and
 * putting a version on a branch (what verifiers reach through the pacticipant's {@code pb:branch-version} link) or
 * taking it off.
 */
@Path("/pacticipants/{pacticipant}/branches")
@Produces(Hal.MEDIA_TYPE)
public class BranchResource {

    private final BranchService service;
    private final VersionService versions;
    private final BaseUrl baseUrl;
    private final RequestBodies bodies;

    BranchResource(BranchService service, VersionService versions, BaseUrl baseUrl, RequestBodies bodies) {
        this.bodies = bodies;
        this.service = service;
        this.versions = versions;
        this.baseUrl = baseUrl;
    }

    @GET
    public Uni<Map<String, Object>> list(@PathParam("pacticipant") String pacticipant, @Context UriInfo request) {
        String base = baseUrl.of(request);
        return service.list(pacticipant).map(all -> VersionHal.branches(base, pacticipant, all.branches()));
    }

    @GET
    @Path("{branch}")
    public Uni<Map<String, Object>> get(
            @PathParam("pacticipant") String pacticipant,
            @PathParam("branch") String branch,
            @Context UriInfo request) {
        String base = baseUrl.of(request);
        return service.get(pacticipant, branch).map(b -> VersionHal.branch(base, pacticipant, b));
    }

    @DELETE
    @Path("{branch}")
    public Uni<RestResponse<Void>> delete(
            @PathParam("pacticipant") String pacticipant, @PathParam("branch") String branch) {
        return service.delete(pacticipant, branch).map(ignored -> RestResponse.noContent());
    }

    @GET
    @Path("{branch}/latest-version")
    public Uni<Map<String, Object>> latest(
            @PathParam("pacticipant") String pacticipant,
            @PathParam("branch") String branch,
            @Context UriInfo request) {
        String base = baseUrl.of(request);
        return versions.latestOnBranch(pacticipant, branch)
                .map(d ->
                        VersionHal.version(base, d, BrokerUrls.branch(base, pacticipant, branch) + "/latest-version"));
    }

    @GET
    @Path("{branch}/versions/{version}")
    public Uni<Map<String, Object>> getVersion(
            @PathParam("pacticipant") String pacticipant,
            @PathParam("branch") String branch,
            @PathParam("version") String number,
            @Context UriInfo request) {
        String base = baseUrl.of(request);
        return service.getVersion(pacticipant, branch, number)
                .map(bv -> VersionHal.branchVersion(base, pacticipant, bv));
    }

    /** Takes the version off the branch: 204, or 404 when it is not on it. */
    @DELETE
    @Path("{branch}/versions/{version}")
    public Uni<RestResponse<Void>> deleteVersion(
            @PathParam("pacticipant") String pacticipant,
            @PathParam("branch") String branch,
            @PathParam("version") String number) {
        return service.deleteVersion(pacticipant, branch, number).map(ignored -> RestResponse.noContent());
    }

    /** The body ({@code {}}) is not read but must be JSON when there is one. */
    @PUT
    @Path("{branch}/versions/{version}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<RestResponse<Map<String, Object>>> putVersion(
            @PathParam("pacticipant") String pacticipant,
            @PathParam("branch") String branch,
            @PathParam("version") String number,
            String text,
            @Context UriInfo request) {
        String base = baseUrl.of(request);
        return bodies.json(text)
                .flatMap(ignored -> service.putVersion(pacticipant, branch, number))
                .map(result -> {
                    var json = VersionHal.branchVersion(base, pacticipant, result.value());
                    return result.created()
                            ? RestResponse.ResponseBuilder.create(RestResponse.Status.CREATED, json)
                                    .location(URI.create(BrokerUrls.branchVersion(base, pacticipant, branch, number)))
                                    .build()
                            : RestResponse.ok(json);
                });
    }
}
