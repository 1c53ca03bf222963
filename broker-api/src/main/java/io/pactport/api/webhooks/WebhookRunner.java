package io.pactport.api.webhooks;

import io.pactport.api.config.ApiConfig;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.core.http.HttpClient;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Sends one webhook request and writes its log, as the Pact Broker's execution log reads: rendered from the template,
 * checked against the allow-lists (the addresses the host resolves to included, so a name cannot lead to an internal
 * address), sent without blocking the event loop (the name lookup runs on a worker thread, and the connection goes to
 * the address that was checked), limited by the configured timeout. Secrets are masked in the log and in what is
 * returned: secret headers, the password, and the basic-auth token (in the log, unless
 * {@code PACTFLOW_WEBHOOK_REDACT_SENSITIVE_DATA} is false). The {@code User-Agent} and TLS checks are the operator's
 * ({@code PACTFLOW_USER_AGENT}, {@link WebhookTls}).
 */
@ApplicationScoped
public class WebhookRunner {

    /** What was sent, as shown: secret headers masked. */
    public record SentRequest(String method, String url, Map<String, String> headers, String body) {}

    public record ReceivedResponse(int status, Map<String, String> headers, String body) {}

    /**
     * The outcome of one request. {@code response} is null when none came (refused, unreachable, timed out); then
     * {@code error} says why.
     */
    public record Outcome(boolean success, String logs, SentRequest request, ReceivedResponse response, String error) {}

    private static final Logger LOG = Logger.getLogger(WebhookRunner.class);
    private static final DateTimeFormatter LOG_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    private final HttpClient client;
    private final ApiConfig.Webhook config;
    private final WebhookAllowList allowList;
    private final Set<Integer> successCodes;
    private final Clock clock;
    private final String userAgent;
    private final boolean redactLogs;

    WebhookRunner(Vertx vertx, ApiConfig config, Clock clock) {
        this.config = config.webhook();
        this.userAgent = config.userAgent();
        this.redactLogs = this.config.redactSensitiveData();
        this.allowList = WebhookAllowList.of(this.config);
        this.successCodes = ApiConfig.words(this.config.httpCodeSuccess()).stream()
                .map(Integer::valueOf)
                .collect(Collectors.toSet());
        this.clock = clock;
        int timeoutMillis = (int) this.config.timeout().toMillis();
        this.client = vertx.createHttpClient(WebhookTls.apply(
                new HttpClientOptions()
                        .setConnectTimeout(timeoutMillis)
                        .setIdleTimeout(timeoutMillis)
                        .setIdleTimeoutUnit(java.util.concurrent.TimeUnit.MILLISECONDS)
                        .setKeepAlive(false)
                        .setMaxRedirects(0),
                config));
    }

    /** The Pact Broker's start-up warning: secrets in execution logs are for debugging only. */
    void warnOfUnredactedLogs(@Observes StartupEvent event) {
        if (!redactLogs) {
            LOG.warn("PACTFLOW_WEBHOOK_REDACT_SENSITIVE_DATA is false: webhook execution logs show authorization"
                    + " headers, tokens and passwords. Use it for debugging only, never permanently in production.");
        }
    }

    @PreDestroy
    void close() {
        client.closeAndAwait();
    }

    public WebhookAllowList allowList() {
        return allowList;
    }

    /**
     * Renders and sends the request.
     *
     * @param context the event context, logged first as the Pact Broker does
     * @param completion the log's last line for a success ({@code true}) or a failure
     */
    public Uni<Outcome> run(
            String webhookUuid,
            WebhookRequest template,
            Map<String, String> parameters,
            String context,
            String baseUrl,
            java.util.function.Function<Boolean, String> completion) {
        UnaryOperator<String> plain = UnaryOperator.identity();
        String url = WebhookParameters.render(template.url(), parameters, WebhookParameters::urlEscape);
        Map<String, String> headers = new LinkedHashMap<>();
        template.headers()
                .forEach((name, value) -> headers.put(name, WebhookParameters.render(value, parameters, plain)));
        String body = WebhookParameters.render(template.body(), parameters, plain);
        String username = WebhookParameters.render(template.username(), parameters, plain);
        String password = WebhookParameters.render(template.password(), parameters, plain);
        if (username != null && !username.isEmpty()) {
            headers.put(
                    "authorization",
                    "Basic "
                            + Base64.getEncoder()
                                    .encodeToString((username + ":" + (password == null ? "" : password))
                                            .getBytes(StandardCharsets.UTF_8)));
        }
        if (headers.keySet().stream().noneMatch("user-agent"::equalsIgnoreCase)) {
            headers.put("user-agent", userAgent);
        }
        String method = template.method().toUpperCase(Locale.ROOT);
        Secrets secrets = new Secrets(password, headers.get("authorization"));
        Log log = new Log(clock, redactLogs ? secrets::mask : plain);
        log.line("DEBUG", "Webhook context " + context);
        log.line("INFO", "HTTP/1.1 " + method + " " + url);
        SentRequest sent = new SentRequest(
                method, secrets.mask(url), masked(headers, secrets), body == null ? null : secrets.mask(body));
        // redacted, the log shows the headers as the response does: named secret headers masked whatever their value
        (redactLogs ? sent.headers() : headers).forEach((name, value) -> log.line("INFO", name + ": " + value));
        if (body != null) {
            log.line("INFO", body);
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (Exception e) {
            return Uni.createFrom()
                    .item(failed(
                            webhookUuid, log, sent, secrets, baseUrl, completion, "the URL " + url + " is not valid"));
        }
        Optional<String> refused = refusal(uri, method);
        if (refused.isPresent()) {
            return Uni.createFrom().item(failed(webhookUuid, log, sent, secrets, baseUrl, completion, refused.get()));
        }
        String host = uri.getHost().startsWith("[")
                ? uri.getHost().substring(1, uri.getHost().length() - 1)
                : uri.getHost();
        int port = uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        return resolve(host)
                .flatMap(addresses -> {
                    Optional<String> internal = allowList.refusal(host, addresses);
                    if (internal.isPresent()) {
                        return Uni.createFrom()
                                .<Outcome>item(
                                        failed(webhookUuid, log, sent, secrets, baseUrl, completion, internal.get()));
                    }
                    return send(method, url, preferred(addresses), port, headers, body)
                            .flatMap(response -> response.body()
                                    .map(content -> received(
                                            webhookUuid, log, sent, secrets, response, content, baseUrl, completion)));
                })
                .ifNoItem()
                .after(config.timeout())
                .failWith(() -> new java.util.concurrent.TimeoutException(
                        "no response within " + config.timeout().toMillis() + " ms"))
                .onFailure()
                .recoverWithItem(e -> failed(
                        webhookUuid,
                        log,
                        sent,
                        secrets,
                        baseUrl,
                        completion,
                        e.getClass().getSimpleName() + " - " + e.getMessage()));
    }

    /** Why the allow-lists refuse the URL now (they may have changed since the webhook was saved). */
    private Optional<String> refusal(URI uri, String method) {
        if (uri.getHost() == null) {
            return Optional.of("the URL has no host");
        }
        if (!allowList.methodAllowed(method)) {
            return Optional.of("method " + allowList.methodError());
        }
        if (!allowList.schemeAllowed(uri.getScheme())) {
            return Optional.of(allowList.schemeError());
        }
        if (!allowList.hostAllowed(uri.getHost())) {
            return Optional.of(allowList.hostError());
        }
        return Optional.empty();
    }

    /** The host's addresses, looked up on a worker thread, then back on the caller's Vert.x context. */
    private Uni<List<InetAddress>> resolve(String host) {
        Context context = io.vertx.core.Vertx.currentContext();
        Uni<List<InetAddress>> lookup = Uni.createFrom()
                .item(() -> {
                    try {
                        return Arrays.asList(InetAddress.getAllByName(host));
                    } catch (java.net.UnknownHostException e) {
                        throw new IllegalStateException("unknown host " + host, e);
                    }
                })
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
        return context == null ? lookup : lookup.emitOn(task -> context.runOnContext(ignored -> task.run()));
    }

    /** IPv4 first: a receiver listening on {@code 127.0.0.1} is not reached on {@code ::1}. */
    private static InetAddress preferred(List<InetAddress> addresses) {
        return addresses.stream()
                .filter(a -> a instanceof java.net.Inet4Address)
                .findFirst()
                .orElse(addresses.get(0));
    }

    private Uni<io.vertx.mutiny.core.http.HttpClientResponse> send(
            String method, String url, InetAddress address, int port, Map<String, String> headers, String body) {
        // connect to the address that was checked, while the URL's host stays the Host header, SNI and TLS name
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.valueOf(method))
                .setAbsoluteURI(url)
                .setServer(SocketAddress.inetSocketAddress(port, address.getHostAddress()))
                .setFollowRedirects(false);
        return client.request(options).flatMap(request -> {
            headers.forEach(request::putHeader);
            return body == null ? request.send() : request.send(Buffer.buffer(body));
        });
    }

    private Outcome received(
            String uuid,
            Log log,
            SentRequest sent,
            Secrets secrets,
            io.vertx.mutiny.core.http.HttpClientResponse response,
            Buffer content,
            String baseUrl,
            java.util.function.Function<Boolean, String> completion) {
        boolean success = successCodes.contains(response.statusCode());
        LOG.infof("webhook %s got status %d", uuid, response.statusCode());
        Map<String, String> headers = new LinkedHashMap<>();
        response.headers()
                .names()
                .forEach(name -> headers.put(
                        name.toLowerCase(Locale.ROOT),
                        String.join(", ", response.headers().getAll(name))));
        String body = content == null ? "" : content.toString(StandardCharsets.UTF_8);
        if (allowList.hasHostWhitelist()) {
            log.line(
                    "INFO", "HTTP/" + version(response) + " " + response.statusCode() + " " + response.statusMessage());
            headers.forEach((name, value) -> log.line("INFO", name + ": " + value));
            if (!body.isEmpty()) {
                log.line("INFO", body);
            }
        } else {
            log.line("INFO", hiddenMessage(baseUrl));
        }
        log.line("INFO", completion.apply(success));
        return new Outcome(
                success,
                log.text(),
                sent,
                new ReceivedResponse(response.statusCode(), headers, secrets.mask(body)),
                null);
    }

    private static String version(io.vertx.mutiny.core.http.HttpClientResponse response) {
        return switch (response.version()) {
            case HTTP_1_0 -> "1.0";
            case HTTP_2 -> "2";
            default -> "1.1";
        };
    }

    private Outcome failed(
            String uuid,
            Log log,
            SentRequest sent,
            Secrets secrets,
            String baseUrl,
            java.util.function.Function<Boolean, String> completion,
            String error) {
        LOG.infof("webhook %s was not executed or got no response: %s", uuid, secrets.mask(error));
        if (allowList.hasHostWhitelist()) {
            log.line("ERROR", "Error executing webhook " + uuid + " " + secrets.mask(error));
        } else {
            log.line("ERROR", "Error executing webhook " + uuid + ". " + hiddenMessage(baseUrl));
        }
        log.line("INFO", completion.apply(false));
        return new Outcome(false, log.text(), sent, null, secrets.mask(error));
    }

    static String hiddenMessage(String baseUrl) {
        return "For security purposes, the response details are not logged. To enable response logging, configure"
                + " the webhook host whitelist (PACTFLOW_WEBHOOK_HOST_WHITELIST). See " + baseUrl
                + "/doc/webhooks#whitelist for more information.";
    }

    private static Map<String, String> masked(Map<String, String> headers, Secrets secrets) {
        Map<String, String> shown = new LinkedHashMap<>();
        headers.forEach((name, value) ->
                shown.put(name, WebhookRequest.isSecretHeader(name) ? WebhookRequest.MASK : secrets.mask(value)));
        return shown;
    }

    /** The secret values of one request, replaced wherever they would appear. */
    record Secrets(String password, String authorization) {

        String mask(String text) {
            if (text == null) {
                return null;
            }
            String masked = text.replaceAll("(?<=//)([^/@:\\s]+):([^/@\\s]+)@", "$1:" + WebhookRequest.MASK + "@");
            for (String secret : new String[] {password, authorization}) {
                if (secret != null && !secret.isBlank()) {
                    masked = masked.replace(secret, WebhookRequest.MASK);
                }
            }
            return masked;
        }
    }

    /** The execution log, in the Pact Broker's line format; {@code mask} hides the secrets in its text. */
    static final class Log {

        private final Clock clock;
        private final UnaryOperator<String> mask;
        private final StringBuilder text = new StringBuilder();

        Log(Clock clock, UnaryOperator<String> mask) {
            this.clock = clock;
            this.mask = mask;
        }

        void line(String severity, String message) {
            text.append('[')
                    .append(LOG_TIME.format(clock.instant()))
                    .append("] ")
                    .append(severity)
                    .append(": ")
                    .append(message)
                    .append('\n');
        }

        String text() {
            return mask.apply(text.toString());
        }
    }
}
