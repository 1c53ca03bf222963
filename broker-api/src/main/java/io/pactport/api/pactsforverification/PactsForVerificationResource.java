package io.pactport.api.pactsforverification;

import io.pactport.api.http.BaseUrl;
import io.pactport.api.http.BrokerUrls;
import io.pactport.api.http.Hal;
import io.pactport.api.http.RequestBodies;
import io.pactport.api.pacts.MetadataCodec;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /pacts/provider/{p}/for-verification}: the pacts a provider build should verify. POST (a read, as in the Pact
 * Broker) takes the JSON query; GET, which the first Ruby clients used, takes it as a query string and earns a
 * deprecation notice.
 */
@Path("/pacts/provider/{provider}/for-verification")
@Produces(Hal.MEDIA_TYPE)
public class PactsForVerificationResource {

    private final PactsForVerificationService service;
    private final BaseUrl baseUrl;
    private final RequestBodies bodies;

    PactsForVerificationResource(PactsForVerificationService service, BaseUrl baseUrl, RequestBodies bodies) {
        this.bodies = bodies;
        this.service = service;
        this.baseUrl = baseUrl;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Map<String, Object>> post(@PathParam("provider") String provider, String body, @Context UriInfo uri) {
        return bodies.json(body)
                .flatMap(query -> service.find(provider, query, false))
                .map(result -> render(result, provider, uri));
    }

    @GET
    public Uni<Map<String, Object>> get(@PathParam("provider") String provider, @Context UriInfo uri) {
        return service.find(
                        provider,
                        PactsForVerificationRequest.fromQueryString(
                                uri.getRequestUri().getRawQuery()),
                        true)
                .map(result -> render(result, provider, uri));
    }

    private Map<String, Object> render(PactsForVerificationService.Result result, String provider, UriInfo uri) {
        String base = baseUrl.of(uri);
        boolean includePending = result.request().includePendingStatus();
        List<Map<String, Object>> pacts = result.pacts().stream()
                .map(pact -> render(pact, base, includePending, result.request().deprecated()))
                .toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("_embedded", Map.of("pacts", pacts));
        body.put(
                "_links",
                Map.of(
                        "self",
                        Hal.Link.titled(
                                base + "/pacts/provider/" + BrokerUrls.encode(provider) + "/for-verification",
                                "Pacts to be verified")));
        return body;
    }

    private static Map<String, Object> render(
            VerifiablePact pact, String base, boolean includePending, boolean deprecated) {
        String pactUrl = BrokerUrls.pactVersion(base, pact.consumerName(), pact.providerName(), pact.sha());
        // the notices name a WIP pact with {wip: true} metadata, the link with {w: true}: both as the Pact Broker does
        String noticeUrl = pact.wip() ? pactUrl + "/metadata/" + MetadataCodec.encode(Map.of("wip", true)) : pactUrl;
        Map<String, Object> properties = new LinkedHashMap<>();
        if (includePending) {
            properties.put("pending", pact.pending());
        }
        if (pact.wip()) {
            properties.put("wip", true);
        }
        properties.put("notices", VerifiablePactNotices.notices(pact, noticeUrl, includePending, deprecated));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("shortDescription", VerifiablePactNotices.shortDescription(pact));
        json.put("verificationProperties", properties);
        json.put(
                "_links",
                Map.of(
                        "self",
                        new Hal.Link(
                                pactUrl + "/metadata/" + MetadataCodec.encode(metadata(pact)),
                                null,
                                pact.name(),
                                null)));
        return json;
    }

    /** What a verification published through the link learns: WIP, or the selectors and pending status. */
    private static Map<String, Object> metadata(VerifiablePact pact) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        if (pact.wip()) {
            metadata.put("w", true);
            return metadata;
        }
        metadata.put(
                "s", pact.selectors().stream().map(ResolvedSelector::metadata).toList());
        if (pact.pending() != null) {
            metadata.put("p", pact.pending());
        }
        return metadata;
    }
}
