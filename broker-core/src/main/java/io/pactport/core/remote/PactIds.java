package io.pactport.core.remote;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pactport.core.pact.PactContent;
import java.util.List;

/**
 * A pact as it was published, from a pact as a broker serves it. The Pact Broker (and Pactport) store and serve each
 * interaction with an {@code _id} it generated, and the content SHA of a publication includes any {@code _id} that was
 * published: a served pact published elsewhere as is would get another SHA, and a second publication of the original
 * would then be refused as changed content. So every {@code _id} equal to the one the broker generates for that
 * interaction is removed; one the publisher set itself is kept.
 */
final class PactIds {

    private static final String ID = "_id";

    private PactIds() {}

    static String withoutGeneratedIds(String content) {
        JsonNode pact;
        try {
            pact = PactBrokerClient.JSON.readTree(content);
        } catch (JsonProcessingException e) {
            return content;
        }
        if (pact == null || !pact.isObject()) {
            return content;
        }
        boolean changed = false;
        for (String list : List.of("interactions", "messages")) {
            for (JsonNode element : pact.path(list)) {
                JsonNode id = element.get(ID);
                if (element.isObject() && id != null && id.isTextual()) {
                    ObjectNode without = element.deepCopy();
                    without.remove(ID);
                    if (id.asText().equals(generatedId(list, without))) {
                        ((ObjectNode) element).remove(ID);
                        changed = true;
                    }
                }
            }
        }
        if (!changed) {
            return content;
        }
        try {
            return PactBrokerClient.JSON.writeValueAsString(pact);
        } catch (JsonProcessingException e) {
            return content;
        }
    }

    /** The {@code _id} the broker gives this interaction: what {@link PactContent} computes for it alone. */
    private static String generatedId(String list, ObjectNode element) {
        try {
            PactContent alone =
                    PactContent.parse("{\"" + list + "\":[" + PactBrokerClient.JSON.writeValueAsString(element) + "]}");
            alone.withInteractionIds();
            var ids = alone.interactionIds();
            return ids.isEmpty() ? null : ids.get(0);
        } catch (RuntimeException | JsonProcessingException e) {
            return null;
        }
    }
}
