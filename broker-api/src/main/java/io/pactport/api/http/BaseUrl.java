package io.pactport.api.http;

import io.pactport.api.config.ApiConfig;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The base of every link, chosen as the Pact Broker chooses it: with no base URL configured, what the client asked for
 * (through a reverse proxy: its {@code Forwarded}/{@code X-Forwarded-*} headers, which Quarkus applies, plus
 * {@code X-Forwarded-Prefix}, applied here); with one, always that one; with several (space-separated in
 * {@code PACTFLOW_BASE_URL} or {@code PACTFLOW_BASE_URLS}), the one the client asked for, else the first.
 */
@ApplicationScoped
public class BaseUrl {

    public static final String FORWARDED_PREFIX = "X-Forwarded-Prefix";

    /** A path prefix of plain segments: anything else in the header is ignored rather than echoed into links. */
    private static final Pattern PREFIX = Pattern.compile("(/[A-Za-z0-9._~!$&'()*+,;=:@%-]+)+");

    private final List<String> configured;
    private final HttpServerRequest request;

    BaseUrl(ApiConfig config, HttpServerRequest request) {
        this.configured = configured(config);
        this.request = request;
    }

    public String of(UriInfo uri) {
        String asked = withoutTrailingSlash(uri.getBaseUri().toString()) + forwardedPrefix();
        if (configured.isEmpty() || (configured.size() > 1 && configured.contains(asked))) {
            return asked;
        }
        return configured.get(0);
    }

    /** The configured base URL for links made outside a request (webhooks run later), if one is set. */
    public Optional<String> configured() {
        return configured.stream().findFirst();
    }

    private String forwardedPrefix() {
        String prefix = request.getHeader(FORWARDED_PREFIX);
        if (prefix == null) {
            return "";
        }
        prefix = withoutTrailingSlash(prefix.trim());
        return PREFIX.matcher(prefix).matches() ? prefix : "";
    }

    private static List<String> configured(ApiConfig config) {
        Set<String> urls = new LinkedHashSet<>();
        for (String value :
                List.of(config.baseUrl().orElse(""), config.baseUrls().orElse(""))) {
            for (String url : value.trim().split("[\\s,]+")) {
                if (!url.isEmpty()) {
                    urls.add(withoutTrailingSlash(url));
                }
            }
        }
        return List.copyOf(urls);
    }

    private static String withoutTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
