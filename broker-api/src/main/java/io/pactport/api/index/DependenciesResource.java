package io.pactport.api.index;

import io.pactport.api.http.BaseUrl;
import io.pactport.api.http.Hal;
import io.pactport.core.health.DatabaseReadinessCheck;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * {@code GET /diagnostic/status/dependencies}: whether the database answers, in the Pact Broker's shape, 200 when it
 * does and 500 with the reason when it does not. It asks the readiness check, so the probe has the same bounded
 * deadline and never stacks connection attempts behind one that is stuck.
 */
@Path("/diagnostic/status/dependencies")
public class DependenciesResource {

    private final DatabaseReadinessCheck database;
    private final BaseUrl baseUrl;

    DependenciesResource(@Readiness DatabaseReadinessCheck database, BaseUrl baseUrl) {
        this.database = database;
        this.baseUrl = baseUrl;
    }

    @GET
    @Blocking
    @Produces(Hal.MEDIA_TYPE)
    public RestResponse<Map<String, Object>> dependencies(@Context UriInfo request) {
        HealthCheckResponse check = database.call();
        boolean ok = check.getStatus() == HealthCheckResponse.Status.UP;
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("ok", ok);
        if (!ok) {
            Object reason = check.getData().map(data -> data.get("reason")).orElse("no answer");
            report.put("error", Map.of("message", String.valueOf(reason)));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("database", report);
        body.put("_links", Map.of("self", Hal.Link.to(baseUrl.of(request) + "/diagnostic/status/dependencies")));
        return RestResponse.ResponseBuilder.create(
                        ok ? RestResponse.Status.OK : RestResponse.Status.INTERNAL_SERVER_ERROR, body)
                .type(Hal.MEDIA_TYPE)
                .build();
    }
}
