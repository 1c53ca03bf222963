package io.pactport.api.network;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;

/**
 * {@code GET /groups/{pacticipant}}: the CSV of the integrations connected to a pacticipant, for the network diagram
 * centred on it; 404 when there is no such pacticipant.
 */
@Path("/groups/{pacticipant}")
public class GroupResource {

    private final NetworkService service;

    GroupResource(NetworkService service) {
        this.service = service;
    }

    /** A {@code maxPacticipants} that is not a whole number is ignored, as the Pact Broker ignores it. */
    @GET
    @Produces(RelationshipsResource.CSV)
    public Uni<String> group(
            @PathParam("pacticipant") String pacticipant, @QueryParam("maxPacticipants") String maxPacticipants) {
        Integer max = maxPacticipants != null && maxPacticipants.matches("\\d{1,9}")
                ? Integer.valueOf(maxPacticipants)
                : null;
        return service.group(pacticipant, max);
    }
}
