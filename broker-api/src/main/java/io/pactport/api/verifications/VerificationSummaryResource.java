package io.pactport.api.verifications;

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
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The latest verification results of a consumer version's pacts, the target of every version's
 * {@code pb:latest-verification-results-where-pacticipant-is-consumer} link: whether every provider verified it, who
 * did, who failed, who has not yet, and the results; 404 when the version does not exist.
 */
@Path("/verification-results/consumer/{consumer}/version/{version}/latest")
@Produces(Hal.MEDIA_TYPE)
public class VerificationSummaryResource {

    private final VerificationService service;
    private final BaseUrl baseUrl;

    VerificationSummaryResource(VerificationService service, BaseUrl baseUrl) {
        this.service = service;
        this.baseUrl = baseUrl;
    }

    @GET
    public Uni<Map<String, Object>> get(
            @PathParam("consumer") String consumer, @PathParam("version") String version, @Context UriInfo uri) {
        String base = baseUrl.of(uri);
        return service.summary(consumer, version).map(summary -> {
            Map<String, Object> providers = new LinkedHashMap<>();
            providers.put("successful", summary.successful());
            providers.put("failed", summary.failed());
            providers.put("unknown", summary.unknown());
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("success", summary.success());
            json.put("providerSummary", providers);
            json.put(
                    "_embedded",
                    Map.of(
                            "verificationResults",
                            summary.latest().stream()
                                    .map(result -> VerificationResource.represent(result, base))
                                    .toList()));
            json.put(
                    "_links",
                    Map.of(
                            "self",
                            Hal.Link.titled(
                                    BrokerUrls.consumerVersionVerifications(base, consumer, version),
                                    "Latest verification results for consumer " + consumer + " version " + version)));
            return json;
        });
    }
}
