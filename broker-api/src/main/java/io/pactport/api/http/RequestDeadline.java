package io.pactport.api.http;

import io.pactport.api.config.ApiConfig;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.quarkus.vertx.http.runtime.security.SecurityHandlerPriorities;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Answers 503 to a request that has had no answer within {@code PACTFLOW_REQUEST_TIMEOUT}, typically because PostgreSQL
 * does not answer or a lock holds its statement; the statement itself is cancelled by the server at the same deadline,
 * or sooner with a shorter {@code PACTFLOW_DATABASE_STATEMENT_TIMEOUT} ({@code StatementCachingPool}). Without it such requests waited for as long as the TCP connection to the database
 * lived. A Vert.x filter, so it covers every route; the timer runs on the request's own event loop, as its response
 * does, and ends with the request.
 */
@ApplicationScoped
public class RequestDeadline {

    private static final String JSON = "application/json;charset=utf-8";

    private final long timeoutMillis;
    private final String body;

    RequestDeadline(ApiConfig config) {
        this.timeoutMillis = config.requestTimeout().toMillis();
        this.body = "{\"error\":\"The request could not be completed within "
                + config.requestTimeout().toSeconds()
                + " s (PACTFLOW_REQUEST_TIMEOUT): the database did not answer in time. Try again; a publication or"
                + " verification that reached the database before it stopped answering may already be recorded.\"}";
    }

    void register(@Observes Filters filters) {
        // after authentication: a refused request needs no deadline
        filters.register(this::start, SecurityHandlerPriorities.AUTHENTICATION - 1);
    }

    private void start(RoutingContext context) {
        long timer = context.vertx().setTimer(timeoutMillis, id -> answerTimedOut(context.response()));
        context.addEndHandler(ended -> context.vertx().cancelTimer(timer));
        context.next();
    }

    private void answerTimedOut(HttpServerResponse response) {
        if (response.ended() || response.headWritten() || response.closed()) {
            return;
        }
        response.setStatusCode(503)
                .putHeader(HttpHeaders.CONTENT_TYPE, JSON)
                .putHeader(HttpHeaders.RETRY_AFTER, "5")
                // the request's own work may still be stuck on this connection's turn; the client starts afresh
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(body);
    }
}
