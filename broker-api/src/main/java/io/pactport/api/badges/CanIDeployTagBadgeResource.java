package io.pactport.api.badges;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Can the latest version with a tag go where another tag points, as a badge; {@code label} replaces the left text.
 */
@Path("/pacticipants/{pacticipant}/latest-version/{tag}/can-i-deploy/to/{to}/badge")
@Produces(BadgeResponses.SVG)
public class CanIDeployTagBadgeResource {

    private final BadgeService badges;
    private final BadgeResponses responses;

    CanIDeployTagBadgeResource(BadgeService badges, BadgeResponses responses) {
        this.badges = badges;
        this.responses = responses;
    }

    @GET
    public Uni<RestResponse<String>> badge(
            @PathParam("pacticipant") String pacticipant,
            @PathParam("tag") String tag,
            @PathParam("to") String to,
            @QueryParam("label") String label) {
        return badges.canIDeployTag(pacticipant, tag, to, label).map(responses::of);
    }
}
