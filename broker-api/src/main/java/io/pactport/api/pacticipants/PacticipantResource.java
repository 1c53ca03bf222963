package io.pactport.api.pacticipants;

import com.fasterxml.jackson.databind.JsonNode;
import io.pactport.api.http.BaseUrl;
import io.pactport.api.http.BrokerUrls;
import io.pactport.api.http.Hal;
import io.pactport.api.http.Paging;
import io.pactport.api.http.RequestBodies;
import io.pactport.api.http.RequestErrors;
import io.pactport.core.errors.InvalidRequestException;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * {@code /pacticipants}: the collection, one pacticipant (GET, POST, PUT, PATCH, DELETE) and pacticipants by label.
 * Bodies carry the Pact Broker's camelCase fields; other keys are ignored, as the Pact Broker ignores them.
 */
@Path("/pacticipants")
@Produces(Hal.MEDIA_TYPE)
public class PacticipantResource {

    public static final String MERGE_PATCH = "application/merge-patch+json";
    private static final List<String> FIELDS =
            List.of("displayName", "repositoryUrl", "repositoryName", "repositoryNamespace", "mainBranch");

    private final PacticipantService service;
    private final BaseUrl baseUrl;
    private final RequestBodies bodies;

    PacticipantResource(PacticipantService service, BaseUrl baseUrl, RequestBodies bodies) {
        this.bodies = bodies;
        this.service = service;
        this.baseUrl = baseUrl;
    }

    @GET
    public Uni<Map<String, Object>> list(@Context UriInfo request) {
        String base = baseUrl.of(request);
        return service.list(null, Paging.requested(request))
                .map(page -> Paging.describe(
                        PacticipantHal.pacticipants(base, page.items(), true), page, BrokerUrls.pacticipants(base)));
    }

    @GET
    @Path("label/{label}")
    public Uni<Map<String, Object>> withLabel(@PathParam("label") String label, @Context UriInfo request) {
        String base = baseUrl.of(request);
        return service.list(label, Paging.requested(request))
                .map(page -> Paging.describe(
                        PacticipantHal.pacticipants(base, page.items(), false),
                        page,
                        BrokerUrls.pacticipantsWithLabel(base, label)));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<RestResponse<Map<String, Object>>> create(String text, @Context UriInfo request) {
        String base = baseUrl.of(request);
        return bodies.json(text).flatMap(body -> {
            Map<String, String> fields = fields(body);
            String name = fields.get("name");
            if (name == null) {
                throw InvalidRequestException.of("name", "name is missing");
            }
            return service.create(name, toFields(fields))
                    .map(d -> RestResponse.ResponseBuilder.create(
                                    RestResponse.Status.CREATED, PacticipantHal.pacticipant(base, d))
                            .location(URI.create(BrokerUrls.pacticipant(base, name)))
                            .build());
        });
    }

    @GET
    @Path("{pacticipant}")
    public Uni<Map<String, Object>> get(@PathParam("pacticipant") String name, @Context UriInfo request) {
        String base = baseUrl.of(request);
        return service.get(name).map(d -> PacticipantHal.pacticipant(base, d));
    }

    @PUT
    @Path("{pacticipant}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Map<String, Object>> replace(
            @PathParam("pacticipant") String name, String text, @Context UriInfo request) {
        String base = baseUrl.of(request);
        return bodies.json(text)
                .flatMap(body -> service.replace(name, toFields(fields(body))))
                .map(d -> PacticipantHal.pacticipant(base, d));
    }

    /** Merges the body into the pacticipant; creates it (201 with a Location) when missing, as the Pact Broker does. */
    @PATCH
    @Path("{pacticipant}")
    @Consumes({MediaType.APPLICATION_JSON, MERGE_PATCH})
    public Uni<RestResponse<Map<String, Object>>> patch(
            @PathParam("pacticipant") String name, String text, @Context UriInfo request) {
        String base = baseUrl.of(request);
        return bodies.json(text)
                .flatMap(body -> {
                    Map<String, String> changes = fields(body);
                    changes.remove("name");
                    return service.patch(name, changes);
                })
                .map(result -> {
                    var json = PacticipantHal.pacticipant(base, result.value());
                    return result.created()
                            ? RestResponse.ResponseBuilder.create(RestResponse.Status.CREATED, json)
                                    .location(URI.create(BrokerUrls.pacticipant(base, name)))
                                    .build()
                            : RestResponse.ok(json);
                });
    }

    @DELETE
    @Path("{pacticipant}")
    public Uni<RestResponse<Void>> delete(@PathParam("pacticipant") String name) {
        return service.delete(name).map(ignored -> RestResponse.noContent());
    }

    /**
     * The body's known fields that are present (null values kept: they clear the field), checked as the Pact Broker's
     * pacticipant schema checks them.
     */
    static Map<String, String> fields(JsonNode body) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (body.isMissingNode() || body.isNull()) {
            return fields;
        }
        if (!body.isObject()) {
            throw InvalidRequestException.of("base", RequestErrors.BODY_NOT_AN_OBJECT);
        }
        RequestErrors errors = new RequestErrors();
        List<String> names = new ArrayList<>(FIELDS);
        names.add(0, "name");
        for (String field : names) {
            if (!body.has(field)) {
                continue;
            }
            JsonNode value = body.get(field);
            if (!value.isNull() && !value.isTextual()) {
                errors.add(field, field + " must be a string");
                continue;
            }
            String text = value.isNull() ? null : value.asText();
            String problem = problem(field, text);
            if (problem != null) {
                errors.add(field, problem);
            } else {
                fields.put(field, text);
            }
        }
        errors.throwIfAny();
        return fields;
    }

    private static String problem(String field, String text) {
        if (text == null) {
            return "name".equals(field) ? "name cannot be blank" : null;
        }
        if (text.contains("\n") || text.contains("\r")) {
            return field + " cannot contain multiple lines";
        }
        if (text.chars().anyMatch(ch -> ch < 0x20 || ch == 0x7f)) {
            return field + " cannot contain control characters";
        }
        boolean mustBeFilled = List.of("name", "displayName", "mainBranch").contains(field);
        if (mustBeFilled && text.isBlank()) {
            return field + " cannot be blank";
        }
        if ("mainBranch".equals(field) && text.chars().anyMatch(Character::isWhitespace)) {
            return "mainBranch cannot contain spaces";
        }
        return null;
    }

    private static PacticipantFields toFields(Map<String, String> fields) {
        return new PacticipantFields(
                fields.get("displayName"),
                fields.get("repositoryUrl"),
                fields.get("repositoryName"),
                fields.get("repositoryNamespace"),
                fields.get("mainBranch"));
    }
}
