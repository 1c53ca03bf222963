package io.pactport.api.index;

import io.pactport.api.http.BaseUrl;
import io.pactport.api.http.Hal;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /diagnostic/status/heartbeat}: answers while the process serves HTTP, whatever the database does (that is
 * {@code /q/health/ready}). Load balancers set up for a Pact Broker poll it, without credentials when
 * {@code PACTFLOW_PUBLIC_HEARTBEAT=true}.
 */
@Path("/diagnostic/status/heartbeat")
public class HeartbeatResource {

    private final BaseUrl baseUrl;

    HeartbeatResource(BaseUrl baseUrl) {
        this.baseUrl = baseUrl;
    }

    @GET
    @Produces(Hal.MEDIA_TYPE)
    public Map<String, Object> heartbeat(@Context UriInfo request) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ok", true);
        body.put("_links", Map.of("self", Hal.Link.to(baseUrl.of(request) + "/diagnostic/status/heartbeat")));
        return body;
    }
}
