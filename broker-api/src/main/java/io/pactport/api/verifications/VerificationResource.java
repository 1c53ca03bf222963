package io.pactport.api.verifications;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonRawValue;
import io.pactport.api.http.BaseUrl;
import io.pactport.api.http.BrokerUrls;
import io.pactport.api.http.Hal;
import io.pactport.api.http.RequestBodies;
import io.pactport.api.http.Timestamps;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Verification results of a pact's content: published by provider builds (201 + Location), read back and deleted by
 * number (or {@code latest}), with or without the metadata segment of the URL the verifier was given.
 */
@Path("/pacts/provider/{provider}/consumer/{consumer}/pact-version/{sha}")
@Produces(Hal.MEDIA_TYPE)
public class VerificationResource {

    /** A verification result as the Pact Broker represents it; absent values are left out. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Representation(
            String providerName,
            String providerApplicationVersion,
            boolean success,
            String verificationDate,
            String buildUrl,
            @JsonRawValue String testResults,
            Map<String, String> verifiedBy,
            @JsonProperty("_links") Map<String, Object> links) {}

    private final VerificationService service;
    private final BaseUrl baseUrl;
    private final RequestBodies bodies;

    VerificationResource(VerificationService service, BaseUrl baseUrl, RequestBodies bodies) {
        this.bodies = bodies;
        this.service = service;
        this.baseUrl = baseUrl;
    }

    @POST
    @Path("/verification-results")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<RestResponse<Representation>> publish(
            @PathParam("provider") String provider,
            @PathParam("consumer") String consumer,
            @PathParam("sha") String sha,
            byte[] body,
            @Context UriInfo uri) {
        return created(bodies.json(body).flatMap(json -> service.publish(provider, consumer, sha, null, json)), uri);
    }

    @POST
    @Path("/metadata/{metadata}/verification-results")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<RestResponse<Representation>> publishWithMetadata(
            @PathParam("provider") String provider,
            @PathParam("consumer") String consumer,
            @PathParam("sha") String sha,
            @PathParam("metadata") String metadata,
            byte[] body,
            @Context UriInfo uri) {
        return created(
                bodies.json(body).flatMap(json -> service.publish(provider, consumer, sha, metadata, json)), uri);
    }

    /**
     * The publication link is for POST only; a GET of it is told so (405) rather than that nothing is there, which a
     * client following the link would take for a broken broker.
     */
    @GET
    @Path("/verification-results")
    public Uni<Representation> listNotServed() {
        throw new NotAllowedException("POST", new String[] {"OPTIONS"});
    }

    @GET
    @Path("/metadata/{metadata}/verification-results")
    public Uni<Representation> listWithMetadataNotServed() {
        return listNotServed();
    }

    @GET
    @Path("/verification-results/{number}")
    public Uni<Representation> find(
            @PathParam("provider") String provider,
            @PathParam("consumer") String consumer,
            @PathParam("sha") String sha,
            @PathParam("number") String number,
            @Context UriInfo uri) {
        String base = baseUrl.of(uri);
        return service.find(provider, consumer, sha, number).map(result -> represent(result, base));
    }

    /** The metadata the verifier was given does not change which result the number names. */
    @GET
    @Path("/metadata/{metadata}/verification-results/{number}")
    public Uni<Representation> findWithMetadata(
            @PathParam("provider") String provider,
            @PathParam("consumer") String consumer,
            @PathParam("sha") String sha,
            @PathParam("number") String number,
            @Context UriInfo uri) {
        return find(provider, consumer, sha, number, uri);
    }

    /** Deletes the result (204), or 404 when there is none; {@code latest} names the content's latest result. */
    @DELETE
    @Path("/verification-results/{number}")
    public Uni<RestResponse<Void>> delete(
            @PathParam("provider") String provider,
            @PathParam("consumer") String consumer,
            @PathParam("sha") String sha,
            @PathParam("number") String number) {
        return service.delete(provider, consumer, sha, number).map(ignored -> RestResponse.noContent());
    }

    @DELETE
    @Path("/metadata/{metadata}/verification-results/{number}")
    public Uni<RestResponse<Void>> deleteWithMetadata(
            @PathParam("provider") String provider,
            @PathParam("consumer") String consumer,
            @PathParam("sha") String sha,
            @PathParam("number") String number) {
        return delete(provider, consumer, sha, number);
    }

    private Uni<RestResponse<Representation>> created(Uni<VerificationResult> published, UriInfo uri) {
        String base = baseUrl.of(uri);
        return published.map(
                result -> RestResponse.ResponseBuilder.create(RestResponse.Status.CREATED, represent(result, base))
                        .location(URI.create(BrokerUrls.verification(
                                base, result.consumerName(), result.providerName(), result.sha(), result.number())))
                        .type(Hal.MEDIA_TYPE)
                        .build());
    }

    static Representation represent(VerificationResult result, String base) {
        String url = BrokerUrls.verification(
                base, result.consumerName(), result.providerName(), result.sha(), result.number());
        String pactName = "Pact between " + result.consumerName() + " and " + result.providerName();
        Map<String, Object> links = new LinkedHashMap<>();
        links.put(
                "self",
                new Hal.Link(
                        url,
                        "Verification result",
                        "Verification result " + result.number() + " for " + pactName,
                        null));
        links.put(
                "pb:pact-version",
                new Hal.Link(
                        BrokerUrls.pactVersion(base, result.consumerName(), result.providerName(), result.sha()),
                        "Pact",
                        pactName,
                        null));
        links.put(
                "pb:triggered-webhooks",
                Hal.Link.titled(
                        url + "/triggered-webhooks",
                        "Webhooks triggered by the publication of this verification result"));
        Map<String, String> verifiedBy = new LinkedHashMap<>();
        putIfPresent(verifiedBy, "implementation", result.verifiedByImplementation());
        putIfPresent(verifiedBy, "version", result.verifiedByVersion());
        putIfPresent(verifiedBy, "client_implementation", result.verifiedByClientImplementation());
        putIfPresent(verifiedBy, "client_test_framework", result.verifiedByClientTestFramework());
        putIfPresent(verifiedBy, "client_version", result.verifiedByClientVersion());
        return new Representation(
                result.providerName(),
                result.providerVersionNumber(),
                result.success(),
                Timestamps.format(result.executionDate()),
                result.buildUrl(),
                result.testResults(),
                verifiedBy,
                links);
    }

    private static void putIfPresent(Map<String, String> map, String key, String value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
