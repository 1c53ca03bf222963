package io.pactport.retention.resource;

import io.pactport.retention.config.RetentionConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Guards {@code /retention/*} with broker-api's credentials: reading the run history needs a user or token that may
 * read, previewing and starting runs one that may write. 401 carries broker-api's challenge and never says which part
 * was wrong; read-only credentials on a write get 403. {@code /q/health} and {@code /q/metrics} stay public.
 */
@ApplicationScoped
public class AdminAuthFilter {

    private static final Logger LOG = Logger.getLogger(AdminAuthFilter.class);

    private final AdminAuth auth;

    AdminAuthFilter(RetentionConfig config) {
        this.auth = new AdminAuth(config);
    }

    void logMode(@Observes StartupEvent event) {
        if (!auth.enabled()) {
            LOG.warn("No PACTFLOW_BASIC_AUTH_* user or PACTFLOW_*_API_TOKENS are set: anyone who reaches this service"
                    + " can preview and start cleans, as anyone can write to broker-api");
        }
    }

    @ServerRequestFilter
    Response check(ContainerRequestContext request) {
        if (!auth.enabled() || !request.getUriInfo().getPath().startsWith("/retention")) {
            return null;
        }
        AdminAuth.Access needed = switch (request.getMethod()) {
            case "GET", "HEAD", "OPTIONS" -> AdminAuth.Access.READ;
            default -> AdminAuth.Access.WRITE;
        };
        AdminAuth.Access granted = auth.grant(request.getHeaderString(HttpHeaders.AUTHORIZATION));
        if (granted == AdminAuth.Access.NONE) {
            return Response.status(401).header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Restricted area\"")
                    .type(MediaType.APPLICATION_JSON).entity(Map.of("error", "Authentication required: send the"
                            + " username and password of a broker user, or an API token")).build();
        }
        if (granted.compareTo(needed) < 0) {
            return Response.status(403).type(MediaType.APPLICATION_JSON).entity(Map.of("error",
                    "Forbidden: these credentials may only read, and this request changes the broker")).build();
        }
        return null;
    }
}
