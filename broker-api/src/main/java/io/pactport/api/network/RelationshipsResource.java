package io.pactport.api.network;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;

/** {@code GET /relationships}: the CSV of every integration with a pact, which the network diagram draws. */
@Path("/relationships")
public class RelationshipsResource {

    static final String CSV = "text/csv;charset=utf-8";

    private final NetworkService service;

    RelationshipsResource(NetworkService service) {
        this.service = service;
    }

    @GET
    @Produces(CSV)
    public Uni<String> relationships() {
        return service.relationships();
    }
}
