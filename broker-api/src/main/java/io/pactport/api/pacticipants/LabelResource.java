package io.pactport.api.pacticipants;

import io.pactport.api.http.BaseUrl;
import io.pactport.api.http.BrokerUrls;
import io.pactport.api.http.Hal;
import io.pactport.api.http.RequestBodies;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.Map;
import org.jboss.resteasy.reactive.RestResponse;

/** {@code /pacticipants/{pacticipant}/labels/{label}}: label a pacticipant (creating it when missing), read, remove. */
@Path("/pacticipants/{pacticipant}/labels/{label}")
@Produces(Hal.MEDIA_TYPE)
public class LabelResource {

    private final LabelService service;
    private final BaseUrl baseUrl;
    private final RequestBodies bodies;

    LabelResource(LabelService service, BaseUrl baseUrl, RequestBodies bodies) {
        this.bodies = bodies;
        this.service = service;
        this.baseUrl = baseUrl;
    }

    @GET
    public Uni<Map<String, Object>> get(
            @PathParam("pacticipant") String pacticipant, @PathParam("label") String label, @Context UriInfo request) {
        String base = baseUrl.of(request);
        return service.get(pacticipant, label).map(l -> PacticipantHal.label(base, pacticipant, l));
    }

    /** The body is not read (the Pact Broker ignores it) but must be JSON when there is one. */
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<RestResponse<Map<String, Object>>> put(
            @PathParam("pacticipant") String pacticipant,
            @PathParam("label") String label,
            String text,
            @Context UriInfo request) {
        String base = baseUrl.of(request);
        return bodies.json(text)
                .flatMap(ignored -> service.put(pacticipant, label))
                .map(result -> {
                    var json = PacticipantHal.label(base, pacticipant, result.value());
                    return result.created()
                            ? RestResponse.ResponseBuilder.create(RestResponse.Status.CREATED, json)
                                    .location(URI.create(BrokerUrls.label(base, pacticipant, label)))
                                    .build()
                            : RestResponse.ok(json);
                });
    }

    @DELETE
    public Uni<RestResponse<Void>> delete(
            @PathParam("pacticipant") String pacticipant, @PathParam("label") String label) {
        return service.delete(pacticipant, label).map(ignored -> RestResponse.noContent());
    }
}
