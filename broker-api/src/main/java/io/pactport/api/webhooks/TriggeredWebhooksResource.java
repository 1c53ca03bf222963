package io.pactport.api.webhooks;

import io.pactport.api.http.BaseUrl;
import io.pactport.api.http.BrokerUrls;
import io.pactport.api.http.Hal;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;

/** The webhooks a pact publication triggered ({@code …/version/V/triggered-webhooks}). */
@Path("/pacts/provider/{provider}/consumer/{consumer}/version/{version}/triggered-webhooks")
@Produces(Hal.MEDIA_TYPE)
public class TriggeredWebhooksResource {

    private final WebhookService webhooks;
    private final BaseUrl baseUrl;

    TriggeredWebhooksResource(WebhookService webhooks, BaseUrl baseUrl) {
        this.webhooks = webhooks;
        this.baseUrl = baseUrl;
    }

    @GET
    public Uni<Map<String, Object>> forPact(
            @PathParam("provider") String provider,
            @PathParam("consumer") String consumer,
            @PathParam("version") String version,
            @Context UriInfo request) {
        String base = baseUrl.of(request);
        return webhooks.forPact(provider, consumer, version)
                .map(list -> WebhookJson.triggeredList(
                        list,
                        webhooks.retries(),
                        "Webhooks triggered by the publication of the pact between " + consumer + " (" + version
                                + ") and " + provider,
                        BrokerUrls.self(base, request),
                        base));
    }

    /** The webhooks a verification result triggered. */
    @Path(
            "/pacts/provider/{provider}/consumer/{consumer}/pact-version/{sha}/verification-results/{number}/triggered-webhooks")
    @Produces(Hal.MEDIA_TYPE)
    public static class ForVerification {

        private final WebhookService webhooks;
        private final BaseUrl baseUrl;

        ForVerification(WebhookService webhooks, BaseUrl baseUrl) {
            this.webhooks = webhooks;
            this.baseUrl = baseUrl;
        }

        @GET
        public Uni<Map<String, Object>> forVerification(
                @PathParam("provider") String provider,
                @PathParam("consumer") String consumer,
                @PathParam("sha") String sha,
                @PathParam("number") String number,
                @Context UriInfo request) {
            String base = baseUrl.of(request);
            return webhooks.forVerification(provider, consumer, sha, number)
                    .map(list -> WebhookJson.triggeredList(
                            list,
                            webhooks.retries(),
                            "Webhooks triggered by the publication of verification result " + number,
                            BrokerUrls.self(base, request),
                            base));
        }
    }
}
