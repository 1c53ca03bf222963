package io.pactport.api.resource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads this area's request bodies. They arrive as text and are parsed here because Quarkus wraps a body it cannot
 * parse into a bare 400 before {@link ApiErrors} sees it; parsed here, the Jackson error reaches {@link ApiErrors},
 * which answers with the position and cause, as the Pact Broker does.
 */
final class PacticipantBodies {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PacticipantBodies() {
    }

    /** The body as JSON; null when there is none (the Pact Broker accepts these requests without a body). */
    static JsonNode parse(String body) throws JsonProcessingException {
        if (body == null || body.isBlank()) {
            return null;
        }
        return JSON.readTree(body);
    }
}
