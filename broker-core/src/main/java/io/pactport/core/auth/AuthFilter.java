package io.pactport.core.auth;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.quarkus.vertx.http.runtime.security.SecurityHandlerPriorities;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Checks every request's credentials before any route runs, by the Pact Broker's rules ({@link AccessPolicy}), in every
 * HTTP service that has broker-core: broker-api, retention-service and parallel-sync-service take the same users and
 * tokens and answer the same 401 and 403. The admin services write to this database and to every old broker with their
 * own credentials, so their endpoints must be guarded at least as well as broker-api's.
 * <p>
 * A Vert.x filter rather than a JAX-RS {@code ContainerRequestFilter} or Quarkus' path permissions: it sees every route
 * of the server (JAX-RS resources, paths no resource has, {@code /q/*} and whatever an extension adds), so an endpoint
 * added later is protected without anyone remembering to; and the Pact Broker's one POST that is a read is one line of
 * {@link AccessPolicy}, where path permissions could only say it with wildcards. It runs at Quarkus' own authentication
 * priority, after CORS would, and does only hashing, so it stays on the event loop.
 */
@ApplicationScoped
public class AuthFilter {

    public static final String CHALLENGE = "Basic realm=\"Restricted area\"";
    /** The same for a missing header, an unknown user, a wrong password or token: it must not say which part failed. */
    public static final String UNAUTHORIZED =
            "{\"error\":\"Authentication required: send the username and password of a"
                    + " broker user, or an API token\"}";

    public static final String FORBIDDEN =
            "{\"error\":\"Forbidden: these credentials may only read, and this request" + " changes the broker\"}";
    private static final String JSON = "application/json;charset=utf-8";
    private static final Logger LOG = Logger.getLogger(AuthFilter.class);

    private final Authenticator authenticator;
    private final AccessPolicy policy;
    private final AuthConfig config;

    AuthFilter(AuthConfig config) {
        this.config = config;
        this.authenticator = Authenticator.from(this.config);
        this.policy = new AccessPolicy(
                this.config.allowPublicRead(), this.config.publicHeartbeat(), this.config.enablePublicBadgeAccess());
    }

    void register(@Observes Filters filters) {
        if (!authenticator.enabled()) {
            LOG.info("Authentication is off: anyone can read and write (set PACTFLOW_BASIC_AUTH_USERNAME and"
                    + " PACTFLOW_BASIC_AUTH_PASSWORD, or API tokens, to turn it on)");
            return;
        }
        LOG.infof(
                "Authentication is on: %s; public read %s, public heartbeat %s, public badges %s",
                authenticator.describe(),
                config.allowPublicRead() ? "on" : "off",
                config.publicHeartbeat() ? "on" : "off",
                config.enablePublicBadgeAccess() ? "on" : "off");
        filters.register(this::check, SecurityHandlerPriorities.AUTHENTICATION);
    }

    /**
     * Whether these credentials (an {@code Authorization} header, or null) may change the broker: true for anyone when
     * authentication is off. The web UI asks, to offer write actions only to those who may take them; the filter
     * refuses a write from anyone else whatever the page offered.
     */
    public boolean grantsWrite(String authorization) {
        return !authenticator.enabled() || authenticator.grant(authorization).covers(AccessLevel.WRITE);
    }

    private void check(RoutingContext context) {
        AccessLevel needed = policy.needed(context.request().method().name(), context.normalizedPath());
        if (needed == AccessLevel.PUBLIC) {
            context.next();
            return;
        }
        AccessLevel granted = authenticator.grant(context.request().getHeader(HttpHeaders.AUTHORIZATION));
        if (granted.covers(needed)) {
            context.next();
        } else if (granted == AccessLevel.PUBLIC) {
            context.response()
                    .setStatusCode(401)
                    .putHeader("WWW-Authenticate", CHALLENGE)
                    .putHeader(HttpHeaders.CONTENT_TYPE, JSON)
                    .end(UNAUTHORIZED);
        } else {
            context.response()
                    .setStatusCode(403)
                    .putHeader(HttpHeaders.CONTENT_TYPE, JSON)
                    .end(FORBIDDEN);
        }
    }
}
