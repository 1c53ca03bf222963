package io.pactport.api.resource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.smallrye.mutiny.Uni;

/**
 * Reads JSON request bodies. They arrive as text and are parsed here because Quarkus wraps a body it cannot parse into
 * a bare 400 before {@link ApiErrors} sees it; parsed here, the Jackson error reaches {@link ApiErrors}, which answers
 * with the position and cause, as the Pact Broker does.
 */
final class RequestBodies {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RequestBodies() {
    }

    /** The body as JSON; null when there is none (the Pact Broker accepts many requests without a body). */
    static JsonNode parse(String body) throws JsonProcessingException {
        if (body == null || body.isBlank()) {
            return null;
        }
        return JSON.readTree(body);
    }

    /** The body as JSON (an empty body as no JSON at all); unparsable JSON fails with Jackson's exception (a 400). */
    static Uni<JsonNode> json(String body) {
        return Uni.createFrom().emitter(emitter -> {
            try {
                JsonNode json = parse(body);
                emitter.complete(json == null ? MissingNode.getInstance() : json);
            } catch (JsonProcessingException e) {
                emitter.fail(e);
            }
        });
    }
}
