package io.pactport.api.matrix;

import io.pactport.core.remote.PactBrokerClient;
import io.smallrye.common.vertx.ContextLocals;
import io.smallrye.common.vertx.VertxContext;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Marks the requests of Pactport's own tools (parallel-sync-service's shadow can-i-deploy, import) on the request's
 * Vert.x context, where {@link CanIDeployQuestions} finds it: the questions they ask are replays, not a pipeline's, and
 * recording them would keep every replayed question recent for as long as the replays run.
 */
public class OwnToolsFilter {

    @ServerRequestFilter
    void markOwnTools(HttpHeaders headers) {
        String agent = headers.getHeaderString(HttpHeaders.USER_AGENT);
        if (PactBrokerClient.USER_AGENT.equals(agent) && VertxContext.isOnDuplicatedContext()) {
            ContextLocals.put(CanIDeployQuestions.ASKED_BY_PACTPORT_KEY, true);
        }
    }
}
