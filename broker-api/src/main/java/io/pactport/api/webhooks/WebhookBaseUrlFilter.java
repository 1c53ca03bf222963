package io.pactport.api.webhooks;

import io.pactport.api.http.BaseUrl;
import io.smallrye.common.vertx.ContextLocals;
import io.smallrye.common.vertx.VertxContext;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Keeps each request's base URL where {@link WebhookTriggers} finds it (the request's own Vert.x context), so the
 * links a webhook sends ({@code ${pactbroker.pactUrl}}) point where the publishing client reached the broker, as in
 * the Pact Broker, without the publication code passing URLs around.
 */
public class WebhookBaseUrlFilter {

    private final BaseUrl baseUrl;

    WebhookBaseUrlFilter(BaseUrl baseUrl) {
        this.baseUrl = baseUrl;
    }

    @ServerRequestFilter
    void keepBaseUrl(UriInfo request) {
        if (VertxContext.isOnDuplicatedContext()) {
            ContextLocals.put(WebhookTriggers.BASE_URL_KEY, baseUrl.of(request));
        }
    }
}
