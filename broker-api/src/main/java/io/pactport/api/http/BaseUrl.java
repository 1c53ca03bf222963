package io.pactport.api.http;

import io.pactport.api.config.ApiConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.UriInfo;

/** The base of every link: {@code PACTFLOW_BASE_URL} when set, else what the request was sent to. */
@ApplicationScoped
public class BaseUrl {

    private final ApiConfig config;

    BaseUrl(ApiConfig config) {
        this.config = config;
    }

    public String of(UriInfo request) {
        String base = config.baseUrl().orElseGet(() -> request.getBaseUri().toString());
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }
}
