package io.pactport.api.integrations;

import io.pactport.api.http.BaseUrl;
import io.pactport.api.http.BrokerUrls;
import io.pactport.api.http.Hal;
import io.pactport.api.http.Paging;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * {@code /integrations}: every consumer–provider pair with contract data (HAL, or Graphviz's dot), deleting one, and
 * deleting them all.
 */
@Path("/integrations")
@Produces(Hal.MEDIA_TYPE)
public class IntegrationResource {

    static final String GRAPHVIZ = "text/vnd.graphviz";

    private final IntegrationService service;
    private final BaseUrl baseUrl;

    IntegrationResource(IntegrationService service, BaseUrl baseUrl) {
        this.service = service;
        this.baseUrl = baseUrl;
    }

    /**
     * HAL JSON, or the Graphviz form the Pact Broker offers (an edge from each consumer to its provider) when that is
     * what the client asks for; HAL stays the answer to {@code Accept: *}{@code /*}, which clients of the JSON send.
     */
    @GET
    @Produces({Hal.MEDIA_TYPE, GRAPHVIZ})
    public Uni<RestResponse<Object>> list(@Context UriInfo uri, @Context HttpHeaders headers) {
        String accept = headers.getHeaderString(HttpHeaders.ACCEPT);
        boolean dot = accept != null && accept.contains(GRAPHVIZ) && !accept.contains("json");
        String base = baseUrl.of(uri);
        return service.list(Paging.requested(uri))
                .map(page -> dot
                        ? RestResponse.ResponseBuilder.<Object>ok(dot(page.items()))
                                .type(GRAPHVIZ)
                                .build()
                        : RestResponse.ResponseBuilder.<Object>ok(
                                        Paging.describe(hal(page.items(), base), page, base + "/integrations"))
                                .type(Hal.MEDIA_TYPE)
                                .build());
    }

    private static Map<String, Object> hal(List<Integration> integrations, String base) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(
                "_embedded",
                Map.of(
                        "integrations",
                        integrations.stream().map(i -> represent(i, base)).toList()));
        Map<String, Object> links = new LinkedHashMap<>();
        links.put("self", Hal.Link.titled(base + "/integrations", "All integrations"));
        body.put("_links", links);
        return body;
    }

    private static String dot(List<Integration> integrations) {
        return "digraph { ranksep=3; ratio=auto; overlap=false; node [  shape = plaintext, fontname = Helvetica ];\n"
                + String.join(
                        "\n",
                        integrations.stream()
                                .map(i -> "  " + node(i.consumerName()) + " -> " + node(i.providerName()))
                                .toList())
                + "\n}\n";
    }

    /** Deletes every pacticipant and everything it owns, as the Pact Broker does here; environments stay. */
    @DELETE
    public Uni<RestResponse<Void>> deleteAll() {
        return service.deleteAll().map(ignored -> RestResponse.noContent());
    }

    @DELETE
    @Path("/provider/{provider}/consumer/{consumer}")
    public Uni<RestResponse<Void>> delete(
            @PathParam("provider") String provider, @PathParam("consumer") String consumer) {
        return service.delete(consumer, provider).map(ignored -> RestResponse.noContent());
    }

    /**
     * A name as a Graphviz node: spaces become underscores, as the Pact Broker writes them, and a name that is still
     * not a plain identifier is quoted, so that any name gives a graph Graphviz reads.
     */
    static String node(String name) {
        String node = name.replace(' ', '_');
        return node.matches("[A-Za-z_][A-Za-z0-9_]*")
                ? node
                : '"' + node.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
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
