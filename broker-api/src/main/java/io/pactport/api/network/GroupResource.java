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
        return service.group(pacticipant, maxPacticipants(maxPacticipants));
    }

    /** The limit asked for, or null (no limit) when it is missing or not a whole number. */
    static Integer maxPacticipants(String asked) {
        return asked != null && asked.matches("\\d{1,9}") ? Integer.valueOf(asked) : null;
    }
}
