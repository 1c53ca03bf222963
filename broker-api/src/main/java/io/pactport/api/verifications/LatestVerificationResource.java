package io.pactport.api.verifications;

import io.pactport.api.http.BaseUrl;
import io.pactport.api.http.Hal;
import io.pactport.api.verifications.VerificationResource.Representation;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The latest verification result of a pact's content, the pact named by its consumer version; 404 when the pact or a
 * result of it does not exist. The nested resources name the pact as the latest one, or the latest one of a consumer
 * version tag. Each has the route's full path: a resource whose path is a prefix of another's would take its requests.
 * A DELETE deletes the result a GET shows, as in the Pact Broker.
 */
@Path("/pacts/provider/{provider}/consumer/{consumer}/version/{version}/verification-results/latest")
@Produces(Hal.MEDIA_TYPE)
public class LatestVerificationResource {

    private final VerificationService service;
    private final BaseUrl baseUrl;

    LatestVerificationResource(VerificationService service, BaseUrl baseUrl) {
        this.service = service;
        this.baseUrl = baseUrl;
    }

    @GET
    public Uni<Representation> forConsumerVersion(
            @PathParam("provider") String provider,
            @PathParam("consumer") String consumer,
            @PathParam("version") String version,
            @Context UriInfo uri) {
        String base = baseUrl.of(uri);
        return service.latestForConsumerVersion(provider, consumer, version)
                .map(result -> VerificationResource.represent(result, base));
    }

    @DELETE
    public Uni<RestResponse<Void>> deleteForConsumerVersion(
            @PathParam("provider") String provider,
            @PathParam("consumer") String consumer,
            @PathParam("version") String version) {
        return deleted(service, service.latestForConsumerVersion(provider, consumer, version));
    }

    /** Deletes the result found (204); the finder's 404 when there is none. */
    static Uni<RestResponse<Void>> deleted(VerificationService service, Uni<VerificationResult> found) {
        return found.flatMap(result -> service.delete(
                        result.providerName(), result.consumerName(), result.sha(), String.valueOf(result.number())))
                .map(ignored -> RestResponse.noContent());
    }

    /** Of the latest pact. */
    @Path("/pacts/provider/{provider}/consumer/{consumer}/latest/verification-results/latest")
    @Produces(Hal.MEDIA_TYPE)
    public static class OfLatestPact {

        private final VerificationService service;
        private final BaseUrl baseUrl;

        OfLatestPact(VerificationService service, BaseUrl baseUrl) {
            this.service = service;
            this.baseUrl = baseUrl;
        }

        @GET
        public Uni<Representation> get(
                @PathParam("provider") String provider, @PathParam("consumer") String consumer, @Context UriInfo uri) {
            String base = baseUrl.of(uri);
            return service.latestForLatestPact(provider, consumer, null)
                    .map(result -> VerificationResource.represent(result, base));
        }

        @DELETE
        public Uni<RestResponse<Void>> delete(
                @PathParam("provider") String provider, @PathParam("consumer") String consumer) {
            return deleted(service, service.latestForLatestPact(provider, consumer, null));
        }
    }

    /** Of the latest pact of a consumer version with the tag. */
    @Path("/pacts/provider/{provider}/consumer/{consumer}/latest/{tag}/verification-results/latest")
    @Produces(Hal.MEDIA_TYPE)
    public static class OfLatestTaggedPact {

        private final VerificationService service;
        private final BaseUrl baseUrl;

        OfLatestTaggedPact(VerificationService service, BaseUrl baseUrl) {
            this.service = service;
            this.baseUrl = baseUrl;
        }

        @GET
        public Uni<Representation> get(
                @PathParam("provider") String provider,
                @PathParam("consumer") String consumer,
                @PathParam("tag") String tag,
                @Context UriInfo uri) {
            String base = baseUrl.of(uri);
            return service.latestForLatestPact(provider, consumer, tag)
                    .map(result -> VerificationResource.represent(result, base));
        }

        @DELETE
        public Uni<RestResponse<Void>> delete(
                @PathParam("provider") String provider,
                @PathParam("consumer") String consumer,
                @PathParam("tag") String tag) {
            return deleted(service, service.latestForLatestPact(provider, consumer, tag));
        }
    }
}
