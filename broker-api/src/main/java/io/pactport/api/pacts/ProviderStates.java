package io.pactport.api.pacts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pactport.api.http.PactJson;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The provider states a provider's pacts ask for, as the Pact Broker lists them ({@code ProviderStatesDecorator}):
 * each distinct name and params once, with the consumers that use it, sorted by name. A pact's states are its
 * messages' then its interactions' {@code providerState} (a name) or {@code providerStates} (names with params).
 */
final class ProviderStates {

    /** Params compare as JSON objects compare: key order does not matter. */
    private record State(JsonNode name, JsonNode params) {}

    private ProviderStates() {}

    /** The {@code {"providerStates":[…]}} body for the pacts (with content). */
    static String of(List<PactPublication> pacts) {
        Map<State, Set<String>> consumers = new LinkedHashMap<>();
        for (PactPublication pact : pacts) {
            for (State state : statesOf(PactJson.readObject(pact.content()))) {
                consumers
                        .computeIfAbsent(state, ignored -> new LinkedHashSet<>())
                        .add(pact.consumerName());
            }
        }
        List<Map.Entry<State, Set<String>>> sorted = new ArrayList<>(consumers.entrySet());
        sorted.sort(Comparator.comparing(entry -> text(entry.getKey().name())));
        ObjectNode body = PactJson.mapper().createObjectNode();
        ArrayNode list = body.putArray("providerStates");
        for (Map.Entry<State, Set<String>> entry : sorted) {
            ObjectNode item = list.addObject();
            item.set("name", entry.getKey().name());
            if (entry.getKey().params() != null && !entry.getKey().params().isNull()) {
                item.set("params", entry.getKey().params());
            }
            entry.getValue().forEach(item.putArray("consumers")::add);
        }
        return PactJson.write(body);
    }

    private static List<State> statesOf(ObjectNode pact) {
        List<State> states = new ArrayList<>();
        for (String key : List.of("messages", "interactions")) {
            JsonNode interactions = pact.get(key);
            if (interactions == null || !interactions.isArray()) {
                continue;
            }
            for (JsonNode interaction : interactions) {
                JsonNode single = interaction.get("providerState");
                JsonNode many = interaction.get("providerStates");
                if (single != null && single.isTextual()) {
                    states.add(new State(single, null));
                } else if (many != null && many.isArray()) {
                    for (JsonNode state : many) {
                        states.add(new State(state.get("name"), state.get("params")));
                    }
                }
            }
        }
        return states;
    }

    private static String text(JsonNode name) {
        return Objects.requireNonNullElse(name == null ? null : name.asText(null), "");
    }
}
