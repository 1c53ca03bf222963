package io.pactport.api.webhooks;

import io.pactport.api.http.BaseUrl;
import io.pactport.api.http.BrokerUrls;
import io.pactport.api.http.Hal;
import io.pactport.api.webhooks.WebhookService.Scope;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * {@code /pacts/provider/P/consumer/C/webhooks}: the integration's webhooks (a POST creates one for it) and
 * {@code …/webhooks/status}, what their latest triggers did.
 */
@Path("/pacts/provider/{provider}/consumer/{consumer}/webhooks")
@Produces(Hal.MEDIA_TYPE)
public class PactWebhookResource {

    private final WebhookService webhooks;
    private final WebhookResource webhookResource;
    private final BaseUrl baseUrl;

    PactWebhookResource(WebhookService webhooks, WebhookResource webhookResource, BaseUrl baseUrl) {
        this.webhooks = webhooks;
        this.webhookResource = webhookResource;
        this.baseUrl = baseUrl;
    }

    @GET
    public Uni<Map<String, Object>> list(
            @PathParam("provider") String provider, @PathParam("consumer") String consumer, @Context UriInfo request) {
        return webhookResource.list(new Scope(consumer, provider), "Pact webhooks", request);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<RestResponse<Map<String, Object>>> create(
            @PathParam("provider") String provider,
            @PathParam("consumer") String consumer,
            String body,
            @Context UriInfo request) {
        return webhookResource.create(new Scope(consumer, provider), body, request);
    }

    /** The latest trigger of each webhook and event for the integration, with a count per status. */
    @GET
    @Path("status")
    public Uni<Map<String, Object>> status(
            @PathParam("provider") String provider, @PathParam("consumer") String consumer, @Context UriInfo request) {
        String base = baseUrl.of(request);
        return webhooks.status(provider, consumer).map(status -> {
            List<TriggeredWebhook> latest = status.latest();
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("successful", count(latest, TriggeredWebhook.SUCCESS));
            summary.put("failed", count(latest, TriggeredWebhook.FAILURE));
            putIfAny(summary, "retrying", count(latest, TriggeredWebhook.RETRYING));
            putIfAny(summary, "notRun", count(latest, TriggeredWebhook.NOT_RUN));
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("summary", summary);
            json.put(
                    "_embedded",
                    Map.of(
                            "triggeredWebhooks",
                            latest.stream()
                                    .map(t -> WebhookJson.triggered(t, webhooks.retries(), base))
                                    .toList()));
            Map<String, Object> links = new LinkedHashMap<>();
            links.put("self", Hal.object("href", BrokerUrls.self(base, request), "title", "Webhooks status"));
            List<Map<String, Object>> errorLogs = new ArrayList<>();
            latest.stream()
                    .filter(t -> t.status().equals(TriggeredWebhook.FAILURE)
                            || t.status().equals(TriggeredWebhook.RETRYING))
                    .forEach(t -> {
                        Map<String, Object> link = new LinkedHashMap<>();
                        link.put("href", BrokerUrls.triggeredWebhookLogs(base, t.uuid()));
                        link.put("title", "Error logs");
                        link.put("name", t.requestDescription());
                        errorLogs.add(link);
                    });
            links.put("pb:error-logs", errorLogs);
            links.put(
                    "pb:pact-webhooks",
                    Hal.object(
                            "title",
                            "Webhooks for the pact between " + consumer + " and " + provider,
                            "href",
                            BrokerUrls.pactWebhooks(base, consumer, provider)));
            links.put(
                    "pb:consumer",
                    Hal.object("href", BrokerUrls.pacticipant(base, consumer), "title", "Consumer", "name", consumer));
            links.put(
                    "pb:provider",
                    Hal.object("href", BrokerUrls.pacticipant(base, provider), "title", "Provider", "name", provider));
            json.put("_links", links);
            return json;
        });
    }

    private static long count(List<TriggeredWebhook> list, String status) {
        return list.stream().filter(t -> t.status().equals(status)).count();
    }

    private static void putIfAny(Map<String, Object> summary, String key, long count) {
        if (count > 0) {
            summary.put(key, count);
        }
    }
}
