package io.pactport.core.remote;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;

/**
 * A blocking HTTP client for one remote Pact Broker (a Ruby Pact Broker, PactFlow or another Pactport), using only its
 * public API. Every request has a timeout; 404 is an answer callers look at ({@link Answer#found()}), every other
 * non-2xx is a {@link RemoteBrokerException}. Works the same in a command-line tool and in a service thread.
 */
public final class PactBrokerClient {

    /** Decimals are kept as written, so a pact read here and written elsewhere has the same numbers (and SHA). */
    static final ObjectMapper JSON = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(com.fasterxml.jackson.databind.node.JsonNodeFactory.withExactBigDecimals(true));

    private static final String HAL = "application/hal+json, application/json";

    private final String baseUrl;
    private final BrokerCredentials credentials;
    private final Duration timeout;
    private final HttpClient http;

    /**
     * How Pactport's tools name themselves to a broker. broker-api does not record the can-i-deploy questions they ask
     * (shadow can-i-deploy replays pipelines' questions; a replay recorded as a question would keep itself recent).
     */
    public static final String USER_AGENT = "Pactport";

    /** @param baseUrl the broker's root, e.g. {@code https://broker.example.com}; credentials never go in it */
    public PactBrokerClient(String baseUrl, BrokerCredentials credentials, Duration timeout) {
        URI uri = URI.create(Objects.requireNonNull(baseUrl, "baseUrl"));
        if (uri.getScheme() == null || uri.getHost() == null) {
            throw new IllegalArgumentException("not an absolute http(s) URL: " + baseUrl);
        }
        if (uri.getUserInfo() != null) {
            throw new IllegalArgumentException("credentials do not belong in the broker URL; configure them apart");
        }
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.credentials = credentials == null ? BrokerCredentials.NONE : credentials;
        this.timeout = timeout;
        // HTTP/1.1: the default (HTTP/2) would offer every new plain-http connection an h2c upgrade that Pact Brokers
        // ignore; connections are kept and reused either way
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** One path segment, encoded the way the Pact Broker builds its links ({@code Pricing%20Service}). */
    public static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** A query parameter value. */
    public static String query(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    public Answer get(String pathOrUrl) {
        return send("GET", pathOrUrl, null, null);
    }

    public Answer put(String pathOrUrl, Object body) {
        return send("PUT", pathOrUrl, "application/json", json(body));
    }

    public Answer putRaw(String pathOrUrl, String body) {
        return send("PUT", pathOrUrl, "application/json", body);
    }

    public Answer post(String pathOrUrl, Object body) {
        return send("POST", pathOrUrl, "application/json", json(body));
    }

    public Answer patch(String pathOrUrl, Object body) {
        return send("PATCH", pathOrUrl, "application/merge-patch+json", json(body));
    }

    public Answer delete(String pathOrUrl) {
        return send("DELETE", pathOrUrl, null, null);
    }

    private Answer send(String method, String pathOrUrl, String contentType, String body) {
        String url =
                pathOrUrl.startsWith("http://") || pathOrUrl.startsWith("https://") ? pathOrUrl : baseUrl + pathOrUrl;
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(timeout)
                .header("Accept", HAL)
                .header("User-Agent", USER_AGENT)
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        credentials.authorization().ifPresent(value -> request.header("Authorization", value));
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new RemoteBrokerException(method + " " + url, 0, null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RemoteBrokerException(method + " " + url, 0, null, e);
        }
        int status = response.statusCode();
        if (status / 100 == 2 || status == 404) {
            return new Answer(status, response.body());
        }
        throw new RemoteBrokerException(method + " " + url, status, response.body(), null);
    }

    private static String json(Object body) {
        if (body instanceof String text) {
            return text;
        }
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("request body cannot be written as JSON", e);
        }
    }

    /** A 2xx or 404 answer. */
    public record Answer(int status, String body) {

        public boolean found() {
            return status != 404;
        }

        public JsonNode json() {
            if (body == null || body.isBlank()) {
                return MissingNode.getInstance();
            }
            try {
                return JSON.readTree(body);
            } catch (JsonProcessingException e) {
                throw new RemoteBrokerException("reading the answer", status, body, e);
            }
        }
    }
}
