package io.pactport.api.webhooks;

import io.pactport.api.http.BaseUrl;
import io.pactport.api.http.BrokerUrls;
import io.pactport.api.http.Hal;
import io.pactport.api.http.Timestamps;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The logs of a triggered webhook's attempts ({@code /triggered-webhooks/{uuid}/logs}): plain text unless JSON is
 * asked for, as the Pact Broker offers text first. Secrets were masked when the logs were written.
 */
@Path("/triggered-webhooks/{uuid}/logs")
public class TriggeredWebhookResource {

    private final WebhookService webhooks;
    private final BaseUrl baseUrl;

    TriggeredWebhookResource(WebhookService webhooks, BaseUrl baseUrl) {
        this.webhooks = webhooks;
        this.baseUrl = baseUrl;
    }

    @GET
    public Uni<RestResponse<Object>> logs(
            @PathParam("uuid") String uuid, @Context HttpHeaders headers, @Context UriInfo request) {
        String accept = headers.getHeaderString(HttpHeaders.ACCEPT);
        boolean json = accept != null && accept.contains("json");
        String base = baseUrl.of(request);
        return webhooks.logs(uuid).map(found -> {
            if (!json) {
                String text = found.executions().isEmpty()
                        ? "Webhook has not executed yet. Please retry in a few seconds."
                        : found.executions().stream()
                                .map(WebhookExecution::logs)
                                .collect(Collectors.joining("\n"));
                return RestResponse.ResponseBuilder.<Object>ok(text, MediaType.TEXT_PLAIN_TYPE.withCharset("utf-8"))
                        .build();
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("eventName", found.triggered().eventName());
            body.put("consumerName", found.triggered().consumerName());
            body.put("providerName", found.triggered().providerName());
            body.put(
                    "_embedded",
                    Map.of("triggeredWebhook", Map.of("uuid", found.triggered().uuid())));
            body.put(
                    "executions",
                    found.executions().stream()
                            .map(e -> Hal.object(
                                    "success",
                                    e.success(),
                                    "logs",
                                    e.logs() == null ? "" : e.logs(),
                                    "createdAt",
                                    Timestamps.format(e.createdAt())))
                            .toList());
            Map<String, Object> links = new LinkedHashMap<>();
            links.put("self", Hal.object("title", "Triggered webhook logs", "href", BrokerUrls.self(base, request)));
            if (found.triggered().webhookId() != null) {
                links.put(
                        "pb:webhook",
                        Hal.object(
                                "title",
                                "Webhook",
                                "href",
                                BrokerUrls.webhook(base, found.triggered().webhookUuid())));
            }
            body.put("_links", links);
            return RestResponse.ResponseBuilder.<Object>ok(body, Hal.MEDIA_TYPE).build();
        });
    }
}
