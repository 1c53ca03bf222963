package io.pactport.api.badges;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The matrix badge: is the latest pact of the consumer versions with one tag verified by the provider versions with
 * another (can these two branches, in tag form, be merged)?
 */
@Path("/matrix/provider/{provider}/latest/{providerTag}/consumer/{consumer}/latest/{consumerTag}/badge")
@Produces(BadgeResponses.SVG)
public class MatrixBadgeResource {

    private final BadgeService badges;
    private final BadgeResponses responses;

    MatrixBadgeResource(BadgeService badges, BadgeResponses responses) {
        this.badges = badges;
        this.responses = responses;
    }

    @GET
    public Uni<RestResponse<String>> badge(
            @PathParam("provider") String provider,
            @PathParam("providerTag") String providerTag,
            @PathParam("consumer") String consumer,
            @PathParam("consumerTag") String consumerTag,
            @QueryParam("label") String label,
            @QueryParam("initials") String initials) {
        return badges.matrix(provider, providerTag, consumer, consumerTag, label, "true".equals(initials))
                .map(responses::of);
    }
}
