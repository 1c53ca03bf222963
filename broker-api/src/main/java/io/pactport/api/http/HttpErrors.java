package io.pactport.api.http;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * What the HTTP layer answers before or after the resources, in the Pact Broker's JSON error shape: an over-long
 * request line or header block (414, 431), and a NUL character in the path or query string (PostgreSQL cannot store
 * or compare it, 400), refused before any route sees them; an
 * unknown route (404) and a request the HTTP layer itself refused (a body over the size limit sent in chunks, a
 * malformed request) with a message rather than an HTML page or nothing; and an error no mapper in {@link ApiErrors}
 * knows as a 500 without its text (which may name classes and values), logged. Bodies are checked by
 * {@link RequestBodies}.
 */
@ApplicationScoped
public class HttpErrors {

    private static final Logger LOG = Logger.getLogger(HttpErrors.class);
    private static final Map<Integer, String> MESSAGES = Map.of(
            400, "The request is malformed.",
            404, "No resource here; the index at / lists them.",
            405, "This resource does not answer this HTTP method.",
            406, "This resource cannot answer with the content type the Accept header asks for.",
            413, "The request body is larger than this broker accepts (quarkus.http.limits.max-body-size).",
            415, "This resource does not read the request's content type; send application/json.");

    /**
     * The longest request line and header block answered here. The HTTP layer's own limits
     * ({@code quarkus.http.limits.max-initial-line-length}, {@code max-header-size}) are set far above these, because
     * it refuses with an empty body; only what exceeds those still gets one.
     */
    static final int MAX_URI_LENGTH = 8192;

    static final int MAX_HEADERS_SIZE = 20 * 1024;

    void install(@Observes Router router) {
        router.route().order(-9).handler(HttpErrors::refuseOversized);
        router.route().order(-9).handler(HttpErrors::refuseNul);
        // after every resource: reached only when none answered
        router.route().order(Integer.MAX_VALUE).handler(context -> respond(context, 404, null));
        router.route().order(-9).failureHandler(HttpErrors::failed);
    }

    private static void refuseOversized(RoutingContext context) {
        if (context.request().uri().length() > MAX_URI_LENGTH) {
            respond(
                    context,
                    414,
                    "The request's path and query are "
                            + context.request().uri().length() + " characters long; this broker reads at most "
                            + MAX_URI_LENGTH + ".");
            return;
        }
        int headers = 0;
        for (Map.Entry<String, String> header : context.request().headers()) {
            headers += header.getKey().length() + header.getValue().length() + 4;
        }
        if (headers > MAX_HEADERS_SIZE) {
            respond(
                    context,
                    431,
                    "The request's headers are " + headers + " bytes long; this broker reads at most "
                            + MAX_HEADERS_SIZE + ".");
            return;
        }
        context.next();
    }

    private static void refuseNul(RoutingContext context) {
        String path = context.request().path();
        if (path != null && path.toLowerCase(Locale.ROOT).contains("%00")) {
            answer(
                    context,
                    400,
                    new JsonObject()
                            .put(
                                    "errors",
                                    new JsonObject()
                                            .put(
                                                    "path",
                                                    new JsonArray().add("path cannot contain a NUL character (%00)"))));
            return;
        }
        String query = context.request().query();
        if (query != null && query.toLowerCase(Locale.ROOT).contains("%00")) {
            for (String pair : query.split("&")) {
                if (pair.toLowerCase(Locale.ROOT).contains("%00")) {
                    String name = decode(pair.split("=", 2)[0]);
                    answer(
                            context,
                            400,
                            new JsonObject()
                                    .put(
                                            "errors",
                                            new JsonObject()
                                                    .put(
                                                            name,
                                                            new JsonArray()
                                                                    .add(
                                                                            name
                                                                                    + " cannot contain a NUL character (%00)"))));
                    return;
                }
            }
        }
        context.next();
    }

    private static void failed(RoutingContext context) {
        if (context.response().headWritten()) {
            return;
        }
        int status = context.statusCode();
        if (status >= 400 && status < 500) {
            respond(context, status, null);
            return;
        }
        Throwable failure = context.failure();
        LOG.errorf(
                failure,
                "%s %s failed",
                context.request().method(),
                context.request().path());
        respond(context, 500, "The request failed on the server; it is logged there.");
    }

    private static void respond(RoutingContext context, int status, String message) {
        String text = message != null ? message : MESSAGES.getOrDefault(status, "The request was refused.");
        answer(context, status, new JsonObject().put("error", text));
    }

    private static void answer(RoutingContext context, int status, JsonObject body) {
        context.response()
                .setStatusCode(status)
                .putHeader("Content-Type", ApiErrors.JSON)
                .end(body.encode());
    }

    /** A query parameter's name as the client meant it; kept raw when it is not valid %-encoding. */
    private static String decode(String raw) {
        try {
            return URLDecoder.decode(raw, StandardCharsets.UTF_8).replace("\u0000", "%00");
        } catch (IllegalArgumentException e) {
            return raw;
        }
    }
}
