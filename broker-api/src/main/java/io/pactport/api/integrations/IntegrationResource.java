package io.pactport.api.integrations;

import io.pactport.api.http.BaseUrl;
import io.pactport.api.http.BrokerUrls;
import io.pactport.api.http.Hal;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.resteasy.reactive.RestResponse;

/** {@code /integrations}: every consumer–provider pair with contract data, and deleting one. */
@Path("/integrations")
@Produces(Hal.MEDIA_TYPE)
public class IntegrationResource {

    private final IntegrationService service;
    private final BaseUrl baseUrl;

    IntegrationResource(IntegrationService service, BaseUrl baseUrl) {
        this.service = service;
        this.baseUrl = baseUrl;
    }

    @GET
    public Uni<Map<String, Object>> list(@Context UriInfo uri) {
        String base = baseUrl.of(uri);
        return service.list().map(integrations -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("_embedded", Map.of("integrations", integrations.stream().map(i -> represent(i, base)).toList()));
            body.put("_links", Map.of("self", new Hal.Link(base + "/integrations", "All integrations", null, null)));
            return body;
        });
    }

    @DELETE
    @Path("/provider/{provider}/consumer/{consumer}")
    public Uni<RestResponse<Void>> delete(@PathParam("provider") String provider,
            @PathParam("consumer") String consumer) {
        return service.delete(consumer, provider).map(ignored -> RestResponse.noContent());
    }

    private static Map<String, Object> represent(Integration integration, String base) {
        String consumer = BrokerUrls.encode(integration.consumerName());
        String provider = BrokerUrls.encode(integration.providerName());
        Map<String, Object> links = new LinkedHashMap<>();
        links.put("pb:dashboard", new Hal.Link(base + "/dashboard/provider/" + provider + "/consumer/" + consumer,
                "BETA: Pacts to show on the dashboard", null, null));
        links.put("pb:matrix", new Hal.Link(base + "/matrix/provider/" + provider + "/consumer/" + consumer,
                "Matrix of pacts/verification results for " + integration.consumerName() + " and "
                        + integration.providerName(), null, null));
        links.put("pb:group", new Hal.Link(base + "/groups/" + consumer, null, null, null));
        links.put("pb:delete_integration", new Hal.Link(base + "/integrations/provider/" + provider + "/consumer/"
                + consumer, "Delete the integration between " + integration.consumerName() + " and "
                        + integration.providerName(), null, null));
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("consumer", Map.of("name", integration.consumerName()));
        item.put("provider", Map.of("name", integration.providerName()));
        item.put("_links", links);
        return item;
    }
}
