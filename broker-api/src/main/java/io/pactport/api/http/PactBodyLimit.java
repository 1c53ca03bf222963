package io.pactport.api.http;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.VertxHttpConfig;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Refuses a request whose declared length exceeds {@code quarkus.http.limits.max-body-size} with 413 and a message
 * saying so, before any of it is read. (Quarkus' own refusal, which still covers chunked bodies, has an empty body,
 * and a CI log showing only "413" leaves the publisher guessing.) Pacts are the large bodies here, hence the name.
 */
@ApplicationScoped
public class PactBodyLimit {

    void install(@Observes Router router, VertxHttpConfig http) {
        http.limits()
                .maxBodySize()
                .map(MemorySize::asLongValue)
                .ifPresent(limit -> router.route().order(-10).handler(context -> {
                    String length = context.request().getHeader("Content-Length");
                    if (length != null && length.matches("\\d{1,18}") && Long.parseLong(length) > limit) {
                        context.response()
                                .setStatusCode(413)
                                .putHeader("Content-Type", "application/json;charset=utf-8")
                                .putHeader("Connection", "close")
                                .end("{\"error\":\"The request body is " + length + " bytes; this broker accepts at"
                                        + " most " + limit + " bytes (quarkus.http.limits.max-body-size).\"}");
                    } else {
                        context.next();
                    }
                }));
    }
}
