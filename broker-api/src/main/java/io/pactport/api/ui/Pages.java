package io.pactport.api.ui;

import io.pactport.api.http.BaseUrl;
import io.pactport.core.auth.AuthFilter;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;

/** Makes each page's {@link PageFrame} from the request it answers. */
@ApplicationScoped
public class Pages {

    private final BaseUrl baseUrl;
    private final AuthFilter auth;
    private final Csrf csrf;
    private final HttpServerRequest request;

    Pages(BaseUrl baseUrl, AuthFilter auth, Csrf csrf, HttpServerRequest request) {
        this.baseUrl = baseUrl;
        this.auth = auth;
        this.csrf = csrf;
        this.request = request;
    }

    public PageFrame frame(String title, String section, UriInfo uri) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        // only the path of the base: the host of a link is the one the browser already shows
        String base = URI.create(baseUrl.of(uri)).getRawPath();
        return new PageFrame(
                title,
                base == null || base.equals("/") ? "" : base,
                section,
                auth.grantsWrite(authorization),
                csrf.token(authorization));
    }
}
