package io.pactport.api.badges;

import io.pactport.api.badges.PactBadgeRepository.Scope;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The verification status badge of the latest pact between two pacticipants (of every consumer version, of those with
 * a tag, or of the untagged ones). The class path is the pact resource's own: with one path for both, the literal
 * {@code latest/badge} outranks the pact resource's {@code latest/{tag}} by JAX-RS precedence, so it is this badge and
 * not the pact of a tag named "badge".
 */
@Path("/pacts/provider/{provider}/consumer/{consumer}")
@Produces(BadgeResponses.SVG)
public class PactBadgeResource {

    private final BadgeService badges;
    private final BadgeResponses responses;

    PactBadgeResource(BadgeService badges, BadgeResponses responses) {
        this.badges = badges;
        this.responses = responses;
    }

    @GET
    @Path("/latest/badge")
    public Uni<RestResponse<String>> latest(
            @PathParam("provider") String provider,
            @PathParam("consumer") String consumer,
            @QueryParam("label") String label,
            @QueryParam("initials") String initials) {
        return badge(provider, consumer, Scope.ALL, null, label, initials);
    }

    @GET
    @Path("/latest/{tag}/badge")
    public Uni<RestResponse<String>> latestTagged(
            @PathParam("provider") String provider,
            @PathParam("consumer") String consumer,
            @PathParam("tag") String tag,
            @QueryParam("label") String label,
            @QueryParam("initials") String initials) {
        return badge(provider, consumer, Scope.TAGGED, tag, label, initials);
    }

    @GET
    @Path("/latest-untagged/badge")
    public Uni<RestResponse<String>> latestUntagged(
            @PathParam("provider") String provider,
            @PathParam("consumer") String consumer,
            @QueryParam("label") String label,
            @QueryParam("initials") String initials) {
        return badge(provider, consumer, Scope.UNTAGGED, null, label, initials);
    }

    private Uni<RestResponse<String>> badge(
            String provider, String consumer, Scope scope, String tag, String label, String initials) {
        // only the exact "true" turns initials on, as in the Pact Broker
        return badges.pact(provider, consumer, scope, tag, label, "true".equals(initials))
                .map(responses::of);
    }
}
