package io.pactport.api.contracts;

import io.pactport.api.contracts.ContractsPublishService.ConflictsException;
import io.pactport.api.contracts.ContractsPublishService.Notice;
import io.pactport.api.http.BaseUrl;
import io.pactport.api.http.BrokerUrls;
import io.pactport.api.http.Hal;
import io.pactport.api.http.RequestBodies;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * {@code POST /contracts/publish}, the pact-broker CLI's one-call publication: version, branch, tags and pacts. Answers
 * 200 (not 201, as the Pact Broker does) with notices for the CI log.
 */
@Path("/contracts/publish")
public class ContractsPublishResource {

    private final ContractsPublishService service;
    private final BaseUrl baseUrl;
    private final RequestBodies bodies;

    ContractsPublishResource(ContractsPublishService service, BaseUrl baseUrl, RequestBodies bodies) {
        this.bodies = bodies;
        this.service = service;
        this.baseUrl = baseUrl;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(Hal.MEDIA_TYPE)
    public Uni<Map<String, Object>> publish(byte[] json, @Context UriInfo uri) {
        String base = baseUrl.of(uri);
        return bodies.read(json, ContractsPublishRequest.class)
                .flatMap(request -> service.publish(request, base, pact -> pact.url(base)))
                .map(result -> {
                    String pacticipant = result.pacticipant().name();
                    String number = result.version().number();
                    String pacticipantUrl = BrokerUrls.pacticipant(base, pacticipant);
                    String versionUrl = BrokerUrls.version(base, pacticipant, number);

                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put(
                            "logs",
                            result.notices().stream()
                                    .map(notice -> Hal.object(
                                            "level",
                                            notice.type(),
                                            "message",
                                            notice.text(),
                                            "deprecationWarning",
                                            "Replaced by notices"))
                                    .toList());
                    body.put("notices", result.notices());
                    body.put(
                            "_embedded",
                            Hal.object(
                                    "pacticipant",
                                            Hal.object(
                                                    "name",
                                                    pacticipant,
                                                    "_links",
                                                    Map.of("self", Map.of("href", pacticipantUrl))),
                                    "version",
                                            Hal.object(
                                                    "number",
                                                    number,
                                                    "_links",
                                                    Map.of(
                                                            "self",
                                                            new Hal.Link(versionUrl, "Version", number, null)))));
                    Map<String, Object> links = new LinkedHashMap<>();
                    links.put("pb:pacticipant", new Hal.Link(pacticipantUrl, "Pacticipant", pacticipant, null));
                    links.put("pb:pacticipant-version", new Hal.Link(versionUrl, "Pacticipant version", number, null));
                    links.put(
                            "pb:pacticipant-version-tags",
                            result.tags().stream()
                                    .map(tag -> new Hal.Link(
                                            BrokerUrls.tag(base, pacticipant, number, tag), "Tag", tag, null))
                                    .toList());
                    links.put(
                            "pb:contracts",
                            result.pacts().stream()
                                    .map(pact -> new Hal.Link(pact.url(base), "Pact", pact.name(), null))
                                    .toList());
                    body.put("_links", links);
                    return body;
                });
    }

    /** The Pact Broker's conflict answer for this resource: the notices, and the errors among them. */
    @ServerExceptionMapper
    public RestResponse<Map<String, Object>> conflict(ConflictsException e) {
        List<Notice> notices = e.notices();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("notices", notices);
        body.put(
                "errors",
                Map.of(
                        "contracts",
                        notices.stream()
                                .filter(n -> n.type().equals("error"))
                                .map(Notice::text)
                                .toList()));
        return RestResponse.ResponseBuilder.create(Response.Status.CONFLICT, body)
                .type("application/json;charset=utf-8")
                .build();
    }
}
