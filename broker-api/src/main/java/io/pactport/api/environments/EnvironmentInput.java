package io.pactport.api.environments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pactport.api.http.RequestErrors;
import io.pactport.core.errors.InvalidRequestException;

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
        if (body == null || !body.isObject()) {
            throw InvalidRequestException.of("base", "the body must be a JSON object");
        }
        RequestErrors errors = new RequestErrors();
        String name = errors.requiredString("name", body.get("name"));
        errors.shortLine("name", name);
        if (name != null && name.contains(" ")) {
            errors.add("name", "cannot contain spaces");
        }
        String displayName = errors.nullableString("displayName", body.get("displayName"));
        errors.shortLine("displayName", displayName);
        Boolean production = errors.requiredBoolean("production", body.get("production"));
        ArrayNode contacts = contacts(body.get("contacts"), errors);
        errors.throwIfAny();
        return new EnvironmentInput(name, displayName, production, contacts);
    }

    private static ArrayNode contacts(JsonNode node, RequestErrors errors) {
        if (errors.nullableArray("contacts", node) == null) {
            return null;
        }
        ArrayNode kept = JsonNodeFactory.instance.arrayNode();
        for (int i = 0; i < node.size(); i++) {
            JsonNode contact = node.get(i);
            if (!contact.isObject()) {
                errors.add("contacts", "must be a hash (at index " + i + ")");
                continue;
            }
            RequestErrors own = new RequestErrors();
            String name = own.requiredString("name", contact.get("name"));
            own.shortLine("name", name);
            JsonNode details = own.nullableObject("details", contact.get("details"));
            final int index = i;
            own.forEach(
                    (field, message) -> errors.add("contacts", field + " " + message + " (at index " + index + ")"));
            ObjectNode keptContact = kept.addObject().put("name", name);
            if (details != null) {
                keptContact.set("details", details);
            }
        }
        return kept;
    }
}
