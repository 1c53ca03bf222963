package io.pactport.api.webhooks;

import io.pactport.api.http.BaseUrl;
import io.pactport.api.http.BrokerUrls;
import io.pactport.api.http.Hal;
import io.pactport.api.http.RequestBodies;
import io.pactport.api.webhooks.WebhookService.Scope;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.Map;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * {@code /webhooks}: every webhook, one by uuid (create-or-replace with PUT), its test execution, and the webhooks of
 * a provider, a consumer or both ({@code /webhooks/provider/P/consumer/C}), where a POST creates one scoped by the
 * URL.
 */
@Path("/webhooks")
@Produces(Hal.MEDIA_TYPE)
public class WebhookResource {

    private final WebhookService webhooks;
    private final BaseUrl baseUrl;
    private final RequestBodies bodies;

    WebhookResource(WebhookService webhooks, BaseUrl baseUrl, RequestBodies bodies) {
        this.bodies = bodies;
        this.webhooks = webhooks;
        this.baseUrl = baseUrl;
    }

    @GET
    public Uni<Map<String, Object>> list(@Context UriInfo request) {
        return list(Scope.NONE, "Webhooks", request);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<RestResponse<Map<String, Object>>> create(String body, @Context UriInfo request) {
        return create(Scope.NONE, body, request);
    }

    @GET
    @Path("{uuid}")
    public Uni<Map<String, Object>> get(@PathParam("uuid") String uuid, @Context UriInfo request) {
        return webhooks.find(uuid).map(w -> WebhookJson.of(w, baseUrl.of(request)));
    }

    /** Creates the webhook with this uuid (201) or replaces it (200), as the Pact Broker's PUT does. */
    @PUT
    @Path("{uuid}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<RestResponse<Map<String, Object>>> put(
            @PathParam("uuid") String uuid, String body, @Context UriInfo request) {
        String base = baseUrl.of(request);
        return bodies.json(body)
                .flatMap(json -> webhooks.put(uuid, json))
                .map(saved -> RestResponse.ResponseBuilder.create(
                                saved.created() ? Response.Status.CREATED : Response.Status.OK,
                                WebhookJson.of(saved.value(), base))
                        .build());
    }

    @DELETE
    @Path("{uuid}")
    public Uni<RestResponse<Void>> delete(@PathParam("uuid") String uuid) {
        return webhooks.delete(uuid).map(deleted -> RestResponse.noContent());
    }

    /** Runs the webhook now against the latest matching pact and answers with what happened (nothing is recorded). */
    @POST
    @Path("{uuid}/execute")
    public Uni<Map<String, Object>> execute(@PathParam("uuid") String uuid, @Context UriInfo request) {
        String base = baseUrl.of(request);
        return webhooks.execute(uuid, base)
                .map(outcome -> WebhookJson.execution(
                        outcome, webhooks.showsResponses(), uuid, BrokerUrls.self(base, request), base));
    }

    /** Runs a webhook sent in the body, without saving it: how a webhook is tried before it is created. */
    @POST
    @Path("execute")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Map<String, Object>> executeUnsaved(String body, @Context UriInfo request) {
        String base = baseUrl.of(request);
        return bodies.json(body)
                .flatMap(json -> webhooks.executeUnsaved(json, base))
                .map(outcome -> WebhookJson.execution(
                        outcome, webhooks.showsResponses(), null, BrokerUrls.self(base, request), base));
    }

    @GET
    @Path("provider/{provider}")
    public Uni<Map<String, Object>> forProvider(@PathParam("provider") String provider, @Context UriInfo request) {
        return list(new Scope(null, provider), "Webhooks", request);
    }

    @POST
    @Path("provider/{provider}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<RestResponse<Map<String, Object>>> createForProvider(
            @PathParam("provider") String provider, String body, @Context UriInfo request) {
        return create(new Scope(null, provider), body, request);
    }

    @GET
    @Path("consumer/{consumer}")
    public Uni<Map<String, Object>> forConsumer(@PathParam("consumer") String consumer, @Context UriInfo request) {
        return list(new Scope(consumer, null), "Webhooks", request);
    }

    @POST
    @Path("consumer/{consumer}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<RestResponse<Map<String, Object>>> createForConsumer(
            @PathParam("consumer") String consumer, String body, @Context UriInfo request) {
        return create(new Scope(consumer, null), body, request);
    }

    @GET
    @Path("provider/{provider}/consumer/{consumer}")
    public Uni<Map<String, Object>> forIntegration(
            @PathParam("provider") String provider, @PathParam("consumer") String consumer, @Context UriInfo request) {
        return list(new Scope(consumer, provider), "Webhooks", request);
    }

    @POST
    @Path("provider/{provider}/consumer/{consumer}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<RestResponse<Map<String, Object>>> createForIntegration(
            @PathParam("provider") String provider,
            @PathParam("consumer") String consumer,
            String body,
            @Context UriInfo request) {
        return create(new Scope(consumer, provider), body, request);
    }

    Uni<Map<String, Object>> list(Scope scope, String title, UriInfo request) {
        String base = baseUrl.of(request);
        return webhooks.list(scope).map(found -> WebhookJson.list(found, title, BrokerUrls.self(base, request), base));
    }

    Uni<RestResponse<Map<String, Object>>> create(Scope scope, String body, UriInfo request) {
        String base = baseUrl.of(request);
        return bodies.json(body).flatMap(json -> webhooks.create(scope, json)).map(created -> created(created, base));
    }

    private static RestResponse<Map<String, Object>> created(Webhook webhook, String base) {
        return RestResponse.ResponseBuilder.<Map<String, Object>>created(
                        URI.create(BrokerUrls.webhook(base, webhook.uuid())))
                .entity(WebhookJson.of(webhook, base))
                .build();
    }
}
