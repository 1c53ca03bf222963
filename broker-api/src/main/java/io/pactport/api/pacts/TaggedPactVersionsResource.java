package io.pactport.api.pacts;

import io.pactport.api.http.BaseUrl;
import io.pactport.api.http.BrokerUrls;
import io.pactport.api.http.Hal;
import io.pactport.api.pacts.PactDeletionRepository.Selection;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;
import org.jboss.resteasy.reactive.RestResponse;

/** The pacts of an integration whose consumer version has a tag: listed, or deleted (one event per version). */
@Path("/pacts/provider/{provider}/consumer/{consumer}/tag/{tag}")
@Produces(Hal.MEDIA_TYPE)
public class TaggedPactVersionsResource {

    private final PactReadService reader;
    private final PactDeletionService deletions;
    private final BaseUrl baseUrl;

    TaggedPactVersionsResource(PactReadService reader, PactDeletionService deletions, BaseUrl baseUrl) {
        this.reader = reader;
        this.deletions = deletions;
        this.baseUrl = baseUrl;
    }

    @GET
    public Uni<Map<String, Object>> list(
            @PathParam("provider") String provider,
            @PathParam("consumer") String consumer,
            @PathParam("tag") String tag,
            @Context UriInfo request) {
        String base = baseUrl.of(request);
        String self = BrokerUrls.integration(base, consumer, provider) + "/tag/" + BrokerUrls.encode(tag);
        return reader.allTaggedForIntegration(provider, consumer, tag)
                .map(pacts -> PactVersionsHal.tagged(provider, consumer, tag, pacts, base, self));
    }

    @DELETE
    public Uni<RestResponse<Map<String, Object>>> delete(
            @PathParam("provider") String provider,
            @PathParam("consumer") String consumer,
            @PathParam("tag") String tag,
            @Context UriInfo request) {
        String base = baseUrl.of(request);
        return deletions
                .delete(provider, consumer, Selection.tagged(tag))
                .map(latest -> RestResponse.ResponseBuilder.ok(PactVersionsHal.afterDeletion(latest, base))
                        .type(Hal.MEDIA_TYPE)
                        .build());
    }
}
