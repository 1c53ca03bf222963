package io.pactport.api.versions;

import com.fasterxml.jackson.databind.JsonNode;
import io.pactport.api.db.Upserted;
import io.pactport.api.http.BaseUrl;
import io.pactport.api.http.BrokerUrls;
import io.pactport.api.http.Hal;
import io.pactport.api.http.Paging;
import io.pactport.api.http.RequestBodies;
import io.pactport.api.http.RequestErrors;
import io.pactport.api.pacticipants.PacticipantResource;
import io.pactport.core.errors.InvalidRequestException;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * {@code /pacticipants/{pacticipant}/versions[/{version}]}. PUT takes {@code application/json} and PATCH only
 * {@code application/merge-patch+json}, as in the Pact Broker; both answer 201 for a new version, 200 otherwise.
 */
@Path("/pacticipants/{pacticipant}/versions")
@Produces(Hal.MEDIA_TYPE)
public class VersionResource {

    private final VersionService service;
    private final BaseUrl baseUrl;
    private final RequestBodies bodies;

    VersionResource(VersionService service, BaseUrl baseUrl, RequestBodies bodies) {
        this.bodies = bodies;
        this.service = service;
        this.baseUrl = baseUrl;
    }

    @GET
    public Uni<Map<String, Object>> list(@PathParam("pacticipant") String pacticipant, @Context UriInfo request) {
        String base = baseUrl.of(request);
        return service.list(pacticipant, Paging.requested(request))
                .map(page -> Paging.describe(
                        VersionHal.versions(base, pacticipant, page.items()),
                        page,
                        BrokerUrls.versions(base, pacticipant)));
    }

    @GET
    @Path("{version}")
    public Uni<Map<String, Object>> get(
            @PathParam("pacticipant") String pacticipant,
            @PathParam("version") String number,
            @Context UriInfo request) {
        String base = baseUrl.of(request);
        return service.get(pacticipant, number).map(d -> json(base, d));
    }

    @PUT
    @Path("{version}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<RestResponse<Map<String, Object>>> put(
            @PathParam("pacticipant") String pacticipant,
            @PathParam("version") String number,
            String text,
            @Context UriInfo request) {
        return bodies.json(text).flatMap(body -> {
            String base = baseUrl.of(request);
            return service.put(pacticipant, number, changes(body)).map(result -> response(base, result));
        });
    }

    @PATCH
    @Path("{version}")
    @Consumes(PacticipantResource.MERGE_PATCH)
    public Uni<RestResponse<Map<String, Object>>> patch(
            @PathParam("pacticipant") String pacticipant,
            @PathParam("version") String number,
            String text,
            @Context UriInfo request) {
        return bodies.json(text).flatMap(body -> {
            String base = baseUrl.of(request);
            return service.patch(pacticipant, number, changes(body)).map(result -> response(base, result));
        });
    }

    @DELETE
    @Path("{version}")
    public Uni<RestResponse<Void>> delete(
            @PathParam("pacticipant") String pacticipant, @PathParam("version") String number) {
        return service.delete(pacticipant, number).map(ignored -> RestResponse.noContent());
    }

    private static RestResponse<Map<String, Object>> response(String base, Upserted<VersionDetails> result) {
        return RestResponse.ResponseBuilder.create(
                        result.created() ? RestResponse.Status.CREATED : RestResponse.Status.OK,
                        json(base, result.value()))
                .build();
    }

    private static Map<String, Object> json(String base, VersionDetails d) {
        return VersionHal.version(
                base,
                d,
                BrokerUrls.version(base, d.pacticipantName(), d.version().number()));
    }

    /** {@code buildUrl} and {@code tags: [{name}]}; other keys (a {@code branch} too) are ignored. */
    static VersionChanges changes(JsonNode body) {
        if (body.isMissingNode() || body.isNull()) {
            return VersionChanges.NONE;
        }
        if (!body.isObject()) {
            throw InvalidRequestException.of("base", RequestErrors.BODY_NOT_AN_OBJECT);
        }
        JsonNode buildUrl = body.get("buildUrl");
        if (buildUrl != null && !buildUrl.isNull() && !buildUrl.isTextual()) {
            throw InvalidRequestException.of("buildUrl", "buildUrl must be a string");
        }
        List<String> tags = null;
        JsonNode tagList = body.get("tags");
        if (tagList != null && !tagList.isNull()) {
            if (!tagList.isArray()) {
                throw InvalidRequestException.of("tags", "tags must be a list of {\"name\": ...} objects");
            }
            tags = new ArrayList<>();
            for (JsonNode tag : tagList) {
                JsonNode name = tag.get("name");
                if (name == null || !name.isTextual()) {
                    throw InvalidRequestException.of("tags", "every tag must have a name");
                }
                tags.add(name.asText());
            }
        }
        return new VersionChanges(
                buildUrl != null, buildUrl == null || buildUrl.isNull() ? null : buildUrl.asText(), tags);
    }
}
