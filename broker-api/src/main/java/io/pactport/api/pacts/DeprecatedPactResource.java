package io.pactport.api.pacts;

import io.pactport.api.http.BaseUrl;
import io.pactport.api.http.Hal;
import io.pactport.api.http.ParsingPool;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.RestResponse;

/** The Pact Broker's deprecated singular {@code /pact/...} paths, read as their {@code /pacts/...} forms. */
@Path("/pact/provider/{provider}/consumer/{consumer}")
@Produces({Hal.MEDIA_TYPE, MediaType.APPLICATION_JSON})
public class DeprecatedPactResource {

    private final PactReadService reader;
    private final BaseUrl baseUrl;
    private final ParsingPool parsing;

    DeprecatedPactResource(PactReadService reader, BaseUrl baseUrl, ParsingPool parsing) {
        this.reader = reader;
        this.baseUrl = baseUrl;
        this.parsing = parsing;
    }

    @GET
    @Path("/version/{version}")
    public Uni<RestResponse<String>> forConsumerVersion(
            @PathParam("provider") String provider,
            @PathParam("consumer") String consumer,
            @PathParam("version") String version,
            @Context UriInfo request) {
        String base = baseUrl.of(request);
        return reader.forConsumerVersion(provider, consumer, version)
                .flatMap(pact -> PactResource.respond(parsing, RestResponse.Status.OK, pact, base, null));
    }

    @GET
    @Path("/latest")
    public Uni<RestResponse<String>> latest(
            @PathParam("provider") String provider, @PathParam("consumer") String consumer, @Context UriInfo request) {
        String base = baseUrl.of(request);
        return reader.latest(provider, consumer)
                .flatMap(pact -> PactResource.respond(parsing, RestResponse.Status.OK, pact, base, null));
    }
}
