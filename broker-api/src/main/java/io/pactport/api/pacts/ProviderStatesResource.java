package io.pactport.api.pacts;

import io.pactport.api.http.Hal;
import io.pactport.api.http.ParsingPool;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import java.util.List;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The provider states a provider's pacts ask for ({@code pact-broker provider-states list}): from each consumer's main
 * branch head, a branch's heads, or the versions currently deployed or supported in an environment.
 */
@Path("/pacts/provider/{provider}/provider-states")
@Produces(Hal.MEDIA_TYPE)
public class ProviderStatesResource {

    private final PactReadService reader;
    private final ParsingPool parsing;

    ProviderStatesResource(PactReadService reader, ParsingPool parsing) {
        this.reader = reader;
        this.parsing = parsing;
    }

    @GET
    public Uni<RestResponse<String>> forMainBranch(@PathParam("provider") String provider) {
        return respond(reader.branchHeadsWithContent(provider, null));
    }

    @GET
    @Path("/branch/{branch}")
    public Uni<RestResponse<String>> forBranch(
            @PathParam("provider") String provider, @PathParam("branch") String branch) {
        return respond(reader.branchHeadsWithContent(provider, branch));
    }

    /** The segment is the environment's uuid; its name is matched too, as the Pact Broker 2.120 matches it. */
    @GET
    @Path("/environment/{environment}")
    public Uni<RestResponse<String>> forEnvironment(
            @PathParam("provider") String provider, @PathParam("environment") String environment) {
        return respond(reader.inEnvironmentWithContent(provider, environment));
    }

    private Uni<RestResponse<String>> respond(Uni<List<PactPublication>> pacts) {
        return pacts.flatMap(found -> parsing.run(
                found.stream().mapToLong(pact -> pact.content().length()).sum(),
                () -> RestResponse.ResponseBuilder.ok(ProviderStates.of(found))
                        .type(Hal.MEDIA_TYPE)
                        .build()));
    }
}
