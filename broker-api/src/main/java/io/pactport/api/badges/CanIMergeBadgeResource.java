package io.pactport.api.badges;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import org.jboss.resteasy.reactive.RestResponse;

/** Can the newest version of the pacticipant's main branch be merged, as a badge (the Pact Broker has no label here). */
@Path("/pacticipants/{pacticipant}/main-branch/can-i-merge/badge")
@Produces(BadgeResponses.SVG)
public class CanIMergeBadgeResource {

    private final BadgeService badges;
    private final BadgeResponses responses;

    CanIMergeBadgeResource(BadgeService badges, BadgeResponses responses) {
        this.badges = badges;
        this.responses = responses;
    }

    @GET
    public Uni<RestResponse<String>> badge(@PathParam("pacticipant") String pacticipant) {
        return badges.canIMerge(pacticipant).map(responses::of);
    }
}
