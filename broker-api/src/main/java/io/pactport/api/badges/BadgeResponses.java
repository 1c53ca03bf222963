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

    private final boolean redirect;
    private final String shieldsBaseUrl;
    private final String defaultCacheSetting;

    BadgeResponses(ApiConfig config) {
        this.redirect = config.badgeProviderMode() == BadgeProviderMode.REDIRECT;
        String base = config.shieldsIoBaseUrl();
        this.shieldsBaseUrl = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.defaultCacheSetting = config.badgeDefaultCacheSetting();
    }

    /** @param comment an XML comment to put before the drawn SVG (the Pact Broker's note of what it shows), or "" */
    RestResponse<String> of(Badge badge, String comment) {
        return of(badge, comment, "no-cache");
    }

    /**
     * A badge clients may cache for {@code PACTFLOW_BADGE_DEFAULT_CACHE_SETTING} ({@code max-age=30}): the Pact
     * Broker's answer for a can-i-merge badge that found the main branch's version (its error badges are
     * {@link #of}).
     */
    RestResponse<String> cacheable(Badge badge, String comment) {
        return of(badge, comment, defaultCacheSetting);
    }

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
