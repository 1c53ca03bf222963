package io.pactport.api.versions;

import io.pactport.api.http.BaseUrl;
import io.pactport.api.http.BrokerUrls;
import io.pactport.api.http.Hal;
import io.pactport.api.http.Paging;
import io.pactport.api.http.RequestBodies;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
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

    /** Always paged, as in the Pact Broker; {@code q} keeps the branches whose name contains it. */
    @GET
    public Uni<Map<String, Object>> list(
            @PathParam("pacticipant") String pacticipant, @QueryParam("q") String contains, @Context UriInfo request) {
        String base = baseUrl.of(request);
        return service.list(pacticipant, contains, Paging.requested(request))
                .map(page -> Paging.describe(
                        VersionHal.branches(base, pacticipant, page.items()),
                        page,
                        BrokerUrls.branches(base, pacticipant)));
    }

    /**
     * Deletes every branch but the main branch and those named by {@code exclude} (or {@code exclude[]}, as Rack reads
     * a list): 202 with the Pact Broker's notice of how many went and which are left.
     */
    @DELETE
    public Uni<RestResponse<Map<String, Object>>> deleteAll(
            @PathParam("pacticipant") String pacticipant, @Context UriInfo request) {
        List<String> kept = new ArrayList<>();
        for (String name : List.of("exclude", "exclude[]")) {
            kept.addAll(request.getQueryParameters().getOrDefault(name, List.of()));
        }
        return service.deleteAllBut(pacticipant, kept)
                .map(done -> RestResponse.ResponseBuilder.<Map<String, Object>>create(RestResponse.Status.ACCEPTED)
                        .entity(Map.of(
                                "notices",
                                List.of(Map.of(
                                        "type",
                                        "success",
                                        "text",
                                        "Scheduled deletion of " + done.deleted() + " branches for pacticipant "
                                                + done.pacticipant().name() + ". Remaining branches are: "
                                                + String.join(", ", done.remaining())))))
                        .type(Hal.MEDIA_TYPE)
                        .build());
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

    /** The branch's versions, newest first; paged as the Pact Broker pages lists. */
    @GET
    @Path("{branch}/versions")
    public Uni<Map<String, Object>> versions(
            @PathParam("pacticipant") String pacticipant,
            @PathParam("branch") String branch,
            @Context UriInfo request) {
        String base = baseUrl.of(request);
        String self = BrokerUrls.branch(base, pacticipant, branch) + "/versions";
        return versions.onBranch(pacticipant, branch, Paging.requested(request))
                .map(page -> Paging.describe(
                        VersionHal.versions(
                                base,
                                pacticipant,
                                page.items(),
                                self,
                                "Versions for branch " + branch + " of " + pacticipant),
                        page,
                        self));
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
