package io.pactport.api.operations;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pactport.api.config.ApiConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.core.http.HttpClient;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Asks retention-service and parallel-sync-service for what the operations pages show, as the operator's browser
 * would: with the operator's own credentials (the services share broker-api's users), on the event loop without
 * blocking it, and giving up after a short timeout. Never fails: a service that does not answer, or answers with an
 * error, is a {@link Reply} with a {@code problem} the page shows in that service's section.
 */
@ApplicationScoped
public class ServiceClient {

    /** The services the pages read, with where they are. */
    public enum Service {
        RETENTION("retention-service"),
        SYNC("parallel-sync-service");

        private final String label;

        Service(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * A service's answer.
     *
     * @param body the JSON it answered (of an error answer too); null when it did not answer or the body is not JSON
     * @param problem what went wrong, in words for the page; null when it answered with a 2xx
     * @param status the HTTP status; 0 when it did not answer
     */
    public record Reply(JsonNode body, String problem, int status) {
        public boolean ok() {
            return problem == null;
        }
    }

    private final HttpClient client;
    private final ObjectMapper json;
    private final ApiConfig.Ui config;
    private final Duration timeout;

    ServiceClient(Vertx vertx, ObjectMapper json, ApiConfig config) {
        this.json = json;
        this.config = config.ui();
        this.timeout = this.config.serviceTimeout();
        int millis = (int) timeout.toMillis();
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout(millis)
                .setIdleTimeout(millis)
                .setIdleTimeoutUnit(TimeUnit.MILLISECONDS));
    }

    @PreDestroy
    void close() {
        client.closeAndForget();
    }

    /** Where a service is configured to answer. */
    public String url(Service service) {
        String url = service == Service.RETENTION ? config.retentionUrl() : config.syncUrl();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** A GET read as {@code type}, or the section's problem. */
    public <T> Uni<Section<T>> read(Service service, String path, String authorization, TypeReference<T> type) {
        return get(service, path, authorization).map(reply -> section(service, reply, type));
    }

    /** A reply read as {@code type}, or the section's problem. */
    public <T> Section<T> section(Service service, Reply reply, TypeReference<T> type) {
        if (!reply.ok()) {
            return Section.failed(reply.problem());
        }
        try {
            return Section.of(json.convertValue(reply.body(), type));
        } catch (IllegalArgumentException e) {
            return Section.failed(service.label() + " at " + url(service) + " answered something else than this page"
                    + " expects; is it the same Pactport release? (" + e.getMessage() + ")");
        }
    }

    public Uni<Reply> get(Service service, String path, String authorization) {
        return send(service, HttpMethod.GET, path, null, authorization);
    }

    /** A POST with a JSON body, or none when {@code body} is null. */
    public Uni<Reply> post(Service service, String path, String body, String authorization) {
        return send(service, HttpMethod.POST, path, body, authorization);
    }

    private Uni<Reply> send(Service service, HttpMethod method, String path, String body, String authorization) {
        String unreachable = service.label() + " is not reachable at " + url(service);
        RequestOptions options = new RequestOptions()
                .setMethod(method)
                .setAbsoluteURI(url(service) + path)
                .putHeader("Accept", "application/json");
        if (authorization != null) {
            options.putHeader("Authorization", authorization);
        }
        if (body != null) {
            options.putHeader("Content-Type", "application/json");
        }
        return client.request(options)
                .flatMap(request -> body == null ? request.send() : request.send(Buffer.buffer(body)))
                .flatMap(response -> response.body().map(content -> reply(service, response.statusCode(), content)))
                .ifNoItem()
                .after(timeout)
                .fail()
                .onFailure()
                .recoverWithItem(e -> new Reply(null, unreachable + " (" + e.getMessage() + ")", 0));
    }

    private Reply reply(Service service, int status, Buffer content) {
        JsonNode body;
        try {
            body = content.length() == 0 ? null : json.readTree(content.toString(StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            body = null;
        }
        if (status >= 200 && status < 300) {
            return body == null
                    ? new Reply(null, service.label() + " answered " + status + " without JSON", status)
                    : new Reply(body, null, status);
        }
        return new Reply(body, service.label() + " answered " + status + errorMessage(body), status);
    }

    /** The message of an error in the Pact Broker's shapes ({@code {"error":m}}, {@code {"errors":{f:[m]}}}). */
    static String errorMessage(JsonNode body) {
        if (body == null) {
            return "";
        }
        if (body.hasNonNull("error")) {
            return ": " + body.get("error").asText();
        }
        if (body.path("errors").isObject()) {
            StringBuilder messages = new StringBuilder();
            body.get("errors")
                    .fields()
                    .forEachRemaining(field -> field.getValue()
                            .forEach(message -> messages.append(messages.isEmpty() ? ": " : "; ")
                                    .append(message.asText())));
            return messages.toString();
        }
        return "";
    }
}
