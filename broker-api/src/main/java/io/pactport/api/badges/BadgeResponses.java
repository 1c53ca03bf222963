package io.pactport.api.badges;

import io.pactport.api.config.ApiConfig;
import io.pactport.api.config.ApiConfig.BadgeProviderMode;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * A badge as the HTTP answer the configured mode gives: the SVG drawn here (200), or a temporary redirect to
 * shields.io (307). Not cached, as the Pact Broker answers, because the status behind it changes with every
 * verification; only the can-i-merge badge of a version found is cached briefly, as the Pact Broker caches it.
 */
@ApplicationScoped
public class BadgeResponses {

    static final String SVG = "image/svg+xml";
    static final String NO_CACHE = "no-cache";

    private final boolean redirect;
    private final String shieldsBaseUrl;

    BadgeResponses(ApiConfig config) {
        this.redirect = config.badgeProviderMode() == BadgeProviderMode.REDIRECT;
        String base = config.shieldsIoBaseUrl();
        this.shieldsBaseUrl = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    /** @param comment an XML comment to put before the drawn SVG (the Pact Broker's note of what it shows), or "" */
    RestResponse<String> of(Badge badge, String comment) {
        return of(badge, comment, NO_CACHE);
    }

    /** As {@link #of(Badge, String)}, cached as {@code cacheControl} says. */
    RestResponse<String> of(Badge badge, String comment, String cacheControl) {
        if (redirect) {
            return RestResponse.ResponseBuilder.<String>create(RestResponse.Status.TEMPORARY_REDIRECT)
                    .location(URI.create(shieldsBaseUrl + badge.shieldsPath()))
                    .header("Cache-Control", cacheControl)
                    .build();
        }
        return RestResponse.ResponseBuilder.ok(comment + BadgeSvg.draw(badge), SVG)
                .header("Cache-Control", cacheControl)
                .build();
    }
}
