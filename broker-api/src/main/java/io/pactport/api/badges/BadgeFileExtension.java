package io.pactport.api.badges;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import java.net.URI;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * A badge is also served at {@code …/badge.svg}, the URL the Pact Broker itself hands out for README images (its UI and
 * HAL links), where the extension stands for {@code Accept: image/svg+xml}. Only badge paths: elsewhere a name may end
 * in ".svg".
 */
public class BadgeFileExtension {

    private static final String SUFFIX = "/badge.svg";

    @ServerRequestFilter(preMatching = true)
    void asBadge(ContainerRequestContext request) {
        URI uri = request.getUriInfo().getRequestUri();
        String path = uri.getRawPath();
        if (path == null || !path.endsWith(SUFFIX)) {
            return;
        }
        String query = uri.getRawQuery();
        String withoutExtension = path.substring(0, path.length() - ".svg".length());
        // rebuilt from the raw (still percent-encoded) parts, so names with %2F or braces pass through unchanged
        request.setRequestUri(URI.create(uri.getScheme() + "://" + uri.getRawAuthority() + withoutExtension
                + (query == null ? "" : "?" + query)));
        request.getHeaders().putSingle(HttpHeaders.ACCEPT, BadgeResponses.SVG);
    }
}
