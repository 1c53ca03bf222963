package io.pactport.api.versions;

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

/** {@code /pacticipants/{pacticipant}/versions/{version}/tags/{tag}}: tag (201 new, 200 existing), read, untag. */
@Path("/pacticipants/{pacticipant}/versions/{version}/tags/{tag}")
@Produces(Hal.MEDIA_TYPE)
public class TagResource {

    private final TagService service;
    private final BaseUrl baseUrl;
    private final RequestBodies bodies;

    TagResource(TagService service, BaseUrl baseUrl, RequestBodies bodies) {
        this.bodies = bodies;
        this.service = service;
        this.baseUrl = baseUrl;
    }

    @GET
    public Uni<Map<String, Object>> get(
            @PathParam("pacticipant") String pacticipant,
            @PathParam("version") String number,
            @PathParam("tag") String tag,
            @Context UriInfo request) {
        String base = baseUrl.of(request);
        return service.get(pacticipant, number, tag).map(t -> VersionHal.tag(base, pacticipant, number, t));
    }

    /** The body ({@code {}} from the CLI) is not read but must be JSON when there is one. */
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<RestResponse<Map<String, Object>>> put(
            @PathParam("pacticipant") String pacticipant,
            @PathParam("version") String number,
            @PathParam("tag") String tag,
            String text,
            @Context UriInfo request) {
        String base = baseUrl.of(request);
        return bodies.json(text)
                .flatMap(ignored -> service.put(pacticipant, number, tag))
                .map(result -> {
                    var json = VersionHal.tag(base, pacticipant, number, result.value());
                    return result.created()
                            ? RestResponse.ResponseBuilder.create(RestResponse.Status.CREATED, json)
                                    .location(URI.create(BrokerUrls.tag(base, pacticipant, number, tag)))
                                    .build()
                            : RestResponse.ok(json);
                });
    }

    @DELETE
    public Uni<RestResponse<Void>> delete(
            @PathParam("pacticipant") String pacticipant,
            @PathParam("version") String number,
            @PathParam("tag") String tag) {
        return service.delete(pacticipant, number, tag).map(ignored -> RestResponse.noContent());
    }
}
