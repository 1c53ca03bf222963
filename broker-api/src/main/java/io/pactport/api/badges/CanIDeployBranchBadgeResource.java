package io.pactport.api.badges;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Can the latest version of a branch be deployed to an environment, as a badge; {@code label} replaces the left text.
 */
@Path("/pacticipants/{pacticipant}/branches/{branch}/latest-version/can-i-deploy/to-environment/{environment}/badge")
@Produces(BadgeResponses.SVG)
public class CanIDeployBranchBadgeResource {

    private final BadgeService badges;
    private final BadgeResponses responses;

    CanIDeployBranchBadgeResource(BadgeService badges, BadgeResponses responses) {
        this.badges = badges;
        this.responses = responses;
    }

    @GET
    public Uni<RestResponse<String>> badge(
            @PathParam("pacticipant") String pacticipant,
            @PathParam("branch") String branch,
            @PathParam("environment") String environment,
            @QueryParam("label") String label) {
        return badges.canIDeployBranch(pacticipant, branch, environment, label).map(responses::of);
    }
}
