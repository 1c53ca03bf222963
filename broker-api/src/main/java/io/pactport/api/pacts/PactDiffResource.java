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

/**
 * A consumer version's pact beside an earlier one: the previous pact with other content, and the Pact Broker's text
 * diff with it or with another consumer version's pact. (The Pact Broker 2.120 reads the wrong path parameter for
 * {@code diff/version/{v2}} and so always diffs with the previous distinct pact; here it diffs with {@code v2}.)
 */
@Path("/pacts/provider/{provider}/consumer/{consumer}/version/{version}")
public class PactDiffResource {

    private final PactReadService reader;
    private final BaseUrl baseUrl;
    private final ParsingPool parsing;

    PactDiffResource(PactReadService reader, BaseUrl baseUrl, ParsingPool parsing) {
        this.reader = reader;
        this.baseUrl = baseUrl;
        this.parsing = parsing;
    }

    @GET
    @Path("/previous-distinct")
    @Produces(Hal.MEDIA_TYPE)
    public Uni<RestResponse<String>> previousDistinct(
            @PathParam("provider") String provider,
            @PathParam("consumer") String consumer,
            @PathParam("version") String version,
            @Context UriInfo request) {
        String base = baseUrl.of(request);
        return reader.previousDistinct(provider, consumer, version)
                .flatMap(pact -> parsing.run(
                        pact.content().length(),
                        () -> RestResponse.ResponseBuilder.ok(PactDocument.render(pact, base, null))
                                .type(Hal.MEDIA_TYPE)
                                .build()));
    }

    @GET
    @Path("/diff/previous-distinct")
    @Produces(MediaType.TEXT_PLAIN)
    public Uni<String> diffWithPreviousDistinct(
            @PathParam("provider") String provider,
            @PathParam("consumer") String consumer,
            @PathParam("version") String version,
            @Context UriInfo request) {
        String base = baseUrl.of(request);
        return reader.forConsumerVersion(provider, consumer, version)
                .flatMap(pact -> reader.diffWithPreviousDistinct(pact, base));
    }

    @GET
    @Path("/diff/version/{comparison}")
    @Produces(MediaType.TEXT_PLAIN)
    public Uni<String> diffWithVersion(
            @PathParam("provider") String provider,
            @PathParam("consumer") String consumer,
            @PathParam("version") String version,
            @PathParam("comparison") String comparison,
            @Context UriInfo request) {
        String base = baseUrl.of(request);
        return reader.forConsumerVersion(provider, consumer, version)
                .flatMap(pact -> reader.forConsumerVersion(provider, consumer, comparison)
                        .flatMap(other -> reader.diff(pact, other, base)));
    }
}
