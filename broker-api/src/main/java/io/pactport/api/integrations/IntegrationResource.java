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
            body.put(
                    "_embedded",
                    Map.of(
                            "integrations",
                            integrations.stream().map(i -> represent(i, base)).toList()));
            body.put("_links", Map.of("self", Hal.Link.titled(base + "/integrations", "All integrations")));
            return body;
        });
    }

    @DELETE
    @Path("/provider/{provider}/consumer/{consumer}")
    public Uni<RestResponse<Void>> delete(
            @PathParam("provider") String provider, @PathParam("consumer") String consumer) {
        return service.delete(consumer, provider).map(ignored -> RestResponse.noContent());
    }

    private static Map<String, Object> represent(Integration integration, String base) {
        String consumer = BrokerUrls.encode(integration.consumerName());
        String provider = BrokerUrls.encode(integration.providerName());
        Map<String, Object> links = new LinkedHashMap<>();
        links.put(
                "pb:dashboard",
                Hal.Link.titled(
                        base + "/dashboard/provider/" + provider + "/consumer/" + consumer,
                        "BETA: Pacts to show on the dashboard"));
        links.put(
                "pb:matrix",
                Hal.Link.titled(
                        base + "/matrix/provider/" + provider + "/consumer/" + consumer,
                        "Matrix of pacts/verification results for " + integration.consumerName() + " and "
                                + integration.providerName()));
        links.put("pb:group", Hal.Link.to(base + "/groups/" + consumer));
        links.put(
                "pb:delete_integration",
                Hal.Link.titled(
                        base + "/integrations/provider/" + provider + "/consumer/" + consumer,
                        "Delete the integration between " + integration.consumerName() + " and "
                                + integration.providerName()));
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("consumer", Map.of("name", integration.consumerName()));
        item.put("provider", Map.of("name", integration.providerName()));
        item.put("_links", links);
        return item;
    }
}
