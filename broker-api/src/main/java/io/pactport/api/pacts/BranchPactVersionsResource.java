package io.pactport.api.pacts;

import io.pactport.api.http.BaseUrl;
import io.pactport.api.http.BrokerUrls;
import io.pactport.api.http.Hal;
import io.pactport.api.pacts.PactDeletionRepository.Selection;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The pacts of an integration whose consumer version is on a branch (the consumer's main branch when none is named),
 * all of them or the branch head's; and the delete of a branch's pacts (one event per version).
 */
@Path("/pacts/provider/{provider}/consumer/{consumer}/branch")
@Produces(Hal.MEDIA_TYPE)
public class BranchPactVersionsResource {

    private final PactReadService reader;
    private final PactDeletionService deletions;
    private final BaseUrl baseUrl;

    BranchPactVersionsResource(PactReadService reader, PactDeletionService deletions, BaseUrl baseUrl) {
        this.reader = reader;
        this.deletions = deletions;
        this.baseUrl = baseUrl;
    }

    @GET
    @Path("/versions")
    public Uni<Map<String, Object>> onMainBranch(
            @PathParam("provider") String provider, @PathParam("consumer") String consumer, @Context UriInfo request) {
        return list(provider, consumer, null, false, "/versions", request);
    }

    /**
     * The official CLI's {@code get-pacts --consumer} asks for the main branch's pacts here, a path the Pact Broker does
     * not serve: answered as {@code branch/versions}, whose list it is.
     */
    @GET
    public Uni<Map<String, Object>> onMainBranchAsTheCliAsks(
            @PathParam("provider") String provider, @PathParam("consumer") String consumer, @Context UriInfo request) {
        return onMainBranch(provider, consumer, request);
    }

    @GET
    @Path("/latest/versions")
    public Uni<Map<String, Object>> latestOnMainBranch(
            @PathParam("provider") String provider, @PathParam("consumer") String consumer, @Context UriInfo request) {
        return list(provider, consumer, null, true, "/latest/versions", request);
    }

    @GET
    @Path("/{branch}")
    public Uni<Map<String, Object>> onBranch(
            @PathParam("provider") String provider,
            @PathParam("consumer") String consumer,
            @PathParam("branch") String branch,
            @Context UriInfo request) {
        return list(provider, consumer, branch, false, "/" + BrokerUrls.encode(branch), request);
    }

    @GET
    @Path("/{branch}/latest/versions")
    public Uni<Map<String, Object>> latestOnBranch(
            @PathParam("provider") String provider,
            @PathParam("consumer") String consumer,
            @PathParam("branch") String branch,
            @Context UriInfo request) {
        return list(provider, consumer, branch, true, "/" + BrokerUrls.encode(branch) + "/latest/versions", request);
    }

    /**
     * The main-branch forms delete the pacts of the consumer's main branch (none when it has no main branch), and the
     * latest forms every pact of their branch, not only the head's, as in the Pact Broker. (The Pact Broker's main-branch
     * forms delete every pact of the integration, whatever its branch; here a delete takes no more than its path names.)
     */
    @DELETE
    @Path("/versions")
    public Uni<RestResponse<Map<String, Object>>> deleteMainBranch(
            @PathParam("provider") String provider, @PathParam("consumer") String consumer, @Context UriInfo request) {
        return delete(provider, consumer, Selection.onMainBranch(), request);
    }

    @DELETE
    @Path("/latest/versions")
    public Uni<RestResponse<Map<String, Object>>> deleteMainBranchFromLatestList(
            @PathParam("provider") String provider, @PathParam("consumer") String consumer, @Context UriInfo request) {
        return delete(provider, consumer, Selection.onMainBranch(), request);
    }

    @DELETE
    @Path("/{branch}/latest/versions")
    public Uni<RestResponse<Map<String, Object>>> deleteBranchFromLatestList(
            @PathParam("provider") String provider,
            @PathParam("consumer") String consumer,
            @PathParam("branch") String branch,
            @Context UriInfo request) {
        return delete(provider, consumer, Selection.onBranch(branch), request);
    }

    @DELETE
    @Path("/{branch}")
    public Uni<RestResponse<Map<String, Object>>> delete(
            @PathParam("provider") String provider,
            @PathParam("consumer") String consumer,
            @PathParam("branch") String branch,
            @Context UriInfo request) {
        return delete(provider, consumer, Selection.onBranch(branch), request);
    }

    private Uni<RestResponse<Map<String, Object>>> delete(
            String provider, String consumer, Selection selection, UriInfo request) {
        String base = baseUrl.of(request);
        return deletions
                .delete(provider, consumer, selection)
                .map(latest -> RestResponse.ResponseBuilder.ok(PactVersionsHal.afterDeletion(latest, base))
                        .type(Hal.MEDIA_TYPE)
                        .build());
    }

    private Uni<Map<String, Object>> list(
            String provider, String consumer, String branch, boolean latest, String suffix, UriInfo request) {
        String base = baseUrl.of(request);
        String self = BrokerUrls.integration(base, consumer, provider) + "/branch" + suffix;
        return reader.onBranch(provider, consumer, branch, latest)
                .map(pacts -> PactVersionsHal.versions(provider, consumer, pacts, base, self));
    }
}
