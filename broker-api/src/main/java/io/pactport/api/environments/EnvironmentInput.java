package io.pactport.api.environments;

import io.pactport.api.pacticipants.PacticipantNames;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pactport.core.errors.InvalidRequestException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A valid environment body ({@code POST /environments}, {@code PUT /environments/{uuid}}), checked by the Pact
 * Broker's rules and with its messages: {@code name} required, one line, no spaces; {@code production} a required
 * boolean; {@code contacts} an array of {@code {name, details?}} objects. Name uniqueness needs the database and is
 * checked by {@link EnvironmentService}.
 *
 * @param contacts only the {@code name} and {@code details} of each contact, as the Pact Broker keeps them; null when
 *        absent
 */
public record EnvironmentInput(String name, String displayName, boolean production, ArrayNode contacts) {

    /** @throws InvalidRequestException listing every broken rule by field */
    public static EnvironmentInput parse(JsonNode body) {
        Map<String, List<String>> errors = new LinkedHashMap<>();
        if (body == null || !body.isObject()) {
            throw InvalidRequestException.of("base", "the body must be a JSON object");
        }
        String name = requiredLine(body.get("name"), "name", errors);
        if (name != null && name.contains(" ")) {
            add(errors, "name", "cannot contain spaces");
        }
        String displayName = optionalLine(body.get("displayName"), "displayName", errors);
        JsonNode production = body.get("production");
        if (production == null) {
            add(errors, "production", "is missing");
        } else if (production.isNull()) {
            add(errors, "production", "must be filled");
        } else if (!production.isBoolean()) {
            add(errors, "production", "must be one of: true, false");
        }
        ArrayNode contacts = contacts(body.get("contacts"), errors);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return new EnvironmentInput(name, displayName, production.booleanValue(), contacts);
    }

    private static ArrayNode contacts(JsonNode node, Map<String, List<String>> errors) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isArray()) {
            add(errors, "contacts", "must be an array");
            return null;
        }
        ArrayNode kept = JsonNodeFactory.instance.arrayNode();
        for (int i = 0; i < node.size(); i++) {
            JsonNode contact = node.get(i);
            if (!contact.isObject()) {
                add(errors, "contacts", "must be a hash (at index " + i + ")");
                continue;
            }
            Map<String, List<String>> own = new LinkedHashMap<>();
            String name = requiredLine(contact.get("name"), "name", own);
            JsonNode details = contact.get("details");
            if (details != null && !details.isNull() && !details.isObject()) {
                add(own, "details", "must be a hash");
            }
            final int index = i;
            own.forEach((field, messages) -> messages.forEach(
                    message -> add(errors, "contacts", field + " " + message + " (at index " + index + ")")));
            ObjectNode keptContact = kept.addObject().put("name", name);
            if (details != null && details.isObject()) {
                keptContact.set("details", details);
            }
        }
        return kept;
    }

    private static String requiredLine(JsonNode node, String field, Map<String, List<String>> errors) {
        if (node == null) {
            add(errors, field, "is missing");
            return null;
        }
        if (node.isNull() || (node.isTextual() && node.textValue().isEmpty())) {
            add(errors, field, "must be filled");
            return null;
        }
        return optionalLine(node, field, errors);
    }

    private static String optionalLine(JsonNode node, String field, Map<String, List<String>> errors) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            add(errors, field, "must be a string");
            return null;
        }
        if (node.textValue().contains("\n")) {
            add(errors, field, "cannot contain multiple lines");
        }
        String tooLong = PacticipantNames.tooLong(field, node.textValue());
        if (tooLong != null) {
            add(errors, field, tooLong);
        }
        return node.textValue();
    }

    private static void add(Map<String, List<String>> errors, String field, String message) {
        errors.computeIfAbsent(field, f -> new ArrayList<>()).add(message);
    }
}
