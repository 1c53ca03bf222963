package io.pactport.api.ui;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Locale;

/**
 * Sends a browser to the web UI and every other client to the API, on the same addresses, as the Pact Broker does: the
 * links users bookmarked and pasted into wikis ({@code /}, {@code /pacticipants/{p}}, {@code /matrix?…}, any pact URL,
 * {@code /hal-browser/browser.html}) open a page in a browser, while CI clients, the CLI and scripts keep getting HAL.
 * <p>
 * A request is a browser's when it is a GET or HEAD that accepts {@code text/html} and none of the API's media types
 * (the Pact Broker's rule: curl's {@code *}{@code /*}, a missing Accept header and every client library ask for JSON or
 * nothing). Such a request to path P is served by the UI's page at {@code /ui} + P; {@link ExplorerPage} answers every
 * path no page claims, so a browser opening any API resource sees it in the API explorer.
 * <p>
 * Every page also gets the headers that keep it from being framed or from running anything but our own scripts.
 */
@ApplicationScoped
public class BrowserPages {

    /** Where the UI's pages live; a browser never needs to type it. */
    public static final String ROOT = "/ui";

    private static final List<String> API_MEDIA_TYPES = List.of(
            "application/hal+json",
            "application/problem+json",
            "application/json",
            "text/csv",
            "application/yaml",
            "text/plain",
            "text/vnd.graphviz",
            "image/svg+xml");
    /** Paths that are already HTML (the {@code /doc} pages) or are not resources (health, metrics, assets); badges. */
    private static final List<String> NOT_PAGES = List.of("/ui", "/ui-assets/", "/q/", "/doc/");

    /** Only our own scripts and styles; no frames, no plugins, forms posted back here only. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; object-src 'none';"
            + " base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    void install(@Observes Router router) {
        router.route().order(-30).handler(context -> {
            HttpServerRequest request = context.request();
            if (isBrowserPage(request)) {
                String query = request.query();
                String path = "/".equals(request.path()) ? ROOT : ROOT + request.path();
                context.reroute(query == null ? path : path + "?" + query);
            } else {
                context.next();
            }
        });
        router.route(ROOT + "/*").order(-29).handler(context -> {
            context.response()
                    .putHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                    .putHeader("X-Content-Type-Options", "nosniff")
                    .putHeader("Referrer-Policy", "same-origin")
                    .putHeader(HttpHeaders.CACHE_CONTROL, "no-store");
            context.next();
        });
    }

    static boolean isBrowserPage(HttpServerRequest request) {
        if (request.method() != HttpMethod.GET && request.method() != HttpMethod.HEAD) {
            return false;
        }
        String path = request.path();
        for (String notPage : NOT_PAGES) {
            if (path.equals(notPage) || path.startsWith(notPage.endsWith("/") ? notPage : notPage + "/")) {
                return false;
            }
        }
        // a badge opened on its own is the image, as a README shows it
        if (path.endsWith("/badge") || path.endsWith("/badge.svg")) {
            return false;
        }
        return wantsHtml(request.getHeader(HttpHeaders.ACCEPT));
    }

    /** Whether an Accept header is a browser's asking for a page rather than a client's asking for data. */
    static boolean wantsHtml(String accept) {
        if (accept == null) {
            return false;
        }
        String lower = accept.toLowerCase(Locale.ROOT);
        return lower.contains("text/html") && API_MEDIA_TYPES.stream().noneMatch(lower::contains);
    }
}
