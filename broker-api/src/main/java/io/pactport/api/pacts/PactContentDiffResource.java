package io.pactport.api.pacts;

import io.pactport.api.http.BaseUrl;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

/** The Pact Broker's text diff of two contents of an integration's pact (each read as its latest publication). */
@Path("/pacts/provider/{provider}/consumer/{consumer}/pact-version/{sha}/diff/pact-version/{comparison}")
public class PactContentDiffResource {

    private final PactReadService reader;
    private final BaseUrl baseUrl;

    PactContentDiffResource(PactReadService reader, BaseUrl baseUrl) {
        this.reader = reader;
        this.baseUrl = baseUrl;
    }

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public Uni<String> diff(
            @PathParam("provider") String provider,
            @PathParam("consumer") String consumer,
            @PathParam("sha") String sha,
            @PathParam("comparison") String comparison,
            @Context UriInfo request) {
        String base = baseUrl.of(request);
        return reader.bySha(provider, consumer, sha, null)
                .flatMap(pact -> reader.bySha(provider, consumer, comparison, null)
                        .flatMap(other -> reader.diff(pact, other, base)));
    }
}
