package io.pactport.api.badges;

import io.pactport.api.config.ApiConfig;
import io.pactport.api.config.ApiConfig.BadgeProviderMode;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * A badge as the HTTP answer the configured mode gives: the SVG drawn here (200), or a temporary redirect to
 * shields.io (307). Not cached, as the Pact Broker answers, because the status behind it changes with every
 * verification; only a successful can-i-merge badge may be cached, for {@code PACTFLOW_BADGE_DEFAULT_CACHE_SETTING}.
 */
@ApplicationScoped
public class BadgeResponses {

    static final String SVG = "image/svg+xml";
    static final String NO_CACHE = "no-cache";

    private final boolean redirect;
    private final String shieldsBaseUrl;
    private final String defaultCacheSetting;

    BadgeResponses(ApiConfig config) {
        this.redirect = config.badgeProviderMode() == BadgeProviderMode.REDIRECT;
        String base = config.shieldsIoBaseUrl();
        this.shieldsBaseUrl = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.defaultCacheSetting = config.badgeDefaultCacheSetting();
    }

    /** The drawn badge, cached for {@code PACTFLOW_BADGE_DEFAULT_CACHE_SETTING} when it may be, else not at all. */
    RestResponse<String> of(BadgeService.Drawn drawn) {
        return of(drawn.badge(), drawn.comment(), drawn.cacheable() ? defaultCacheSetting : NO_CACHE);
    }

    /** @param comment an XML comment to put before the drawn SVG (the Pact Broker's note of what it shows), or "" */
    private RestResponse<String> of(Badge badge, String comment, String cacheControl) {
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
