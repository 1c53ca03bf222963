package io.pactport.api.metrics;

import io.pactport.api.http.Hal;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import java.util.Map;

/**
 * {@code GET /metrics}: the Pact Broker's JSON of what the broker holds (pacticipants, pacts, verifications, webhooks,
 * tags, deployments…), which dashboards built for a Pact Broker read. Prometheus' metrics are at {@code /q/metrics}.
 */
@Path("/metrics")
public class MetricsResource {

    private final MetricsService service;

    MetricsResource(MetricsService service) {
        this.service = service;
    }

    @GET
    @Produces(Hal.MEDIA_TYPE)
    public Uni<Map<String, Object>> metrics() {
        return service.metrics();
    }
}
