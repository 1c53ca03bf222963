package io.pactport.api.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Merging newly published interactions into a consumer version's pact (PATCH, or {@code onConflict: merge}), by the
 * Pact Broker's rule: an interaction with the same description and provider state replaces the existing one, any other
 * is appended. It is a conflict when either pact has no {@code interactions}, or when an interaction keeps its
 * description and provider state but changes its request (method, path, query, body or headers).
 */
public final class PactMerger {

    private static final List<String> PROVIDER_STATE_KEYS = List.of("provider_state", "providerState", "providerStates");
    private static final List<String> REQUEST_KEYS = List.of("method", "path", "query", "body", "headers");

    private PactMerger() {
    }

    public static boolean conflict(String original, String additional) {
        JsonNode existing = PactJson.readObject(original).get("interactions");
        JsonNode added = PactJson.readObject(additional).get("interactions");
        if (!(existing instanceof ArrayNode existingInteractions) || !(added instanceof ArrayNode addedInteractions)) {
            return true;
        }
        for (JsonNode newInteraction : addedInteractions) {
            for (JsonNode oldInteraction : existingInteractions) {
                if (sameDescriptionAndState(oldInteraction, newInteraction)
                        && !sameRequest(oldInteraction.get("request"), newInteraction.get("request"))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The original pact with the additional interactions merged in; call only when there is no {@link #conflict}. */
    public static String merge(String original, String additional) {
        ObjectNode merged = PactJson.readObject(original);
        ArrayNode interactions = (ArrayNode) merged.get("interactions");
        for (JsonNode newInteraction : PactJson.readObject(additional).get("interactions")) {
            int match = -1;
            for (int i = 0; i < interactions.size() && match < 0; i++) {
                if (sameDescriptionAndState(interactions.get(i), newInteraction)) {
                    match = i;
                }
            }
            if (match >= 0) {
                interactions.set(match, newInteraction);
            } else {
                interactions.add(newInteraction);
            }
        }
        return PactJson.write(merged);
    }

    private static boolean sameDescriptionAndState(JsonNode original, JsonNode additional) {
        return same(original.get("description"), additional.get("description"))
                && same(providerStates(original), providerStates(additional));
    }

    /** The first of the provider state keys present and not null. */
    private static JsonNode providerStates(JsonNode interaction) {
        for (String key : PROVIDER_STATE_KEYS) {
            JsonNode value = interaction.get(key);
            if (value != null && !value.isNull()) {
                return value;
            }
        }
        return null;
    }

    private static boolean sameRequest(JsonNode original, JsonNode additional) {
        for (String key : REQUEST_KEYS) {
            if (!same(original == null ? null : original.get(key), additional == null ? null : additional.get(key))) {
                return false;
            }
        }
        return true;
    }

    private static boolean same(JsonNode a, JsonNode b) {
        boolean aAbsent = a == null || a.isNull();
        boolean bAbsent = b == null || b.isNull();
        return aAbsent || bAbsent ? aAbsent == bAbsent : a.equals(b);
    }
}
