package io.pactport.api.pacts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pactport.api.http.PactJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A pact's content as people read it on the pact page: each HTTP interaction and message of any pact specification
 * (V1 and V2 {@code interactions}, V3 {@code messages}, V4 {@code interactions} of each {@code type}) as the same few
 * parts (a request, a response, a message), with bodies pretty-printed. Values stay text: the template escapes them.
 *
 * @param specification the {@code metadata.pactSpecification.version} (or {@code pact-specification}), or "unknown"
 */
public record PactView(String specification, List<Interaction> interactions) {

    /** @param anchor the id of its heading, linked from the table of contents */
    public record Interaction(
            String anchor, String kind, String description, boolean pending, List<State> states, List<Part> parts) {}

    /** @param params the state's params as JSON, or null */
    public record State(String name, String params) {}

    /**
     * @param summary     the request line or the response status; null for a message
     * @param fieldsLabel what the fields are ("Headers", "Metadata")
     * @param body        the body or contents, pretty-printed; null when there is none
     */
    public record Part(
            String title,
            String summary,
            String fieldsLabel,
            List<Field> fields,
            String body,
            String matchingRules,
            String generators) {}

    public record Field(String name, String value) {}

    private static final String HTTP = "HTTP";
    private static final String MESSAGE = "Asynchronous message";
    private static final String SYNCHRONOUS_MESSAGE = "Synchronous message";

    /** The pact's interactions, messages first as the Pact Broker lists their provider states. */
    public static PactView of(String content) {
        ObjectNode pact = PactJson.readObject(content);
        List<Interaction> interactions = new ArrayList<>();
        for (JsonNode message : array(pact.get("messages"))) {
            interactions.add(message(interactions.size(), message));
        }
        for (JsonNode interaction : array(pact.get("interactions"))) {
            String type = text(interaction.get("type"));
            int index = interactions.size();
            interactions.add(
                    switch (type == null ? "" : type) {
                        case "Asynchronous/Messages" -> message(index, interaction);
                        case "Synchronous/Messages" -> synchronousMessage(index, interaction);
                        default -> http(index, interaction);
                    });
        }
        return new PactView(specification(pact), interactions);
    }

    private static Interaction http(int index, JsonNode interaction) {
        JsonNode request = interaction.path("request");
        JsonNode response = interaction.path("response");
        String path = text(request.get("path"));
        String query = query(request.get("query"));
        String line = (text(request.get("method")) == null ? "" : text(request.get("method")) + " ")
                + (path == null ? "/" : path)
                + (query == null || query.isEmpty() ? "" : "?" + query);
        Part requestPart = new Part(
                "Request",
                line,
                "Headers",
                fields(request.get("headers")),
                body(request.get("body")),
                json(request.get("matchingRules")),
                json(request.get("generators")));
        Part responsePart = new Part(
                "Response",
                text(response.get("status")),
                "Headers",
                fields(response.get("headers")),
                body(response.get("body")),
                json(response.get("matchingRules")),
                json(response.get("generators")));
        return interaction(index, HTTP, interaction, List.of(requestPart, responsePart));
    }

    private static Interaction message(int index, JsonNode message) {
        Part part = messagePart("Message", message);
        return interaction(index, MESSAGE, message, List.of(part));
    }

    private static Interaction synchronousMessage(int index, JsonNode interaction) {
        List<Part> parts = new ArrayList<>();
        parts.add(messagePart("Request message", interaction.path("request")));
        JsonNode responses = interaction.get("response");
        if (responses != null && responses.isObject()) {
            parts.add(messagePart("Response message", responses));
        }
        for (JsonNode response : array(responses)) {
            parts.add(messagePart("Response message", response));
        }
        return interaction(index, SYNCHRONOUS_MESSAGE, interaction, parts);
    }

    private static Part messagePart(String title, JsonNode message) {
        return new Part(
                title,
                null,
                "Metadata",
                fields(message.get("metadata")),
                body(message.get("contents")),
                json(message.get("matchingRules")),
                json(message.get("generators")));
    }

    private static Interaction interaction(int index, String kind, JsonNode node, List<Part> parts) {
        String description = text(node.get("description"));
        return new Interaction(
                "interaction-" + (index + 1),
                kind,
                description == null ? "(no description)" : description,
                node.path("pending").asBoolean(false),
                states(node),
                parts);
    }

    /** V1/V2 {@code providerState} (a name) or V3/V4 {@code providerStates} (names with params). */
    private static List<State> states(JsonNode interaction) {
        String single = text(interaction.get("providerState"));
        if (single != null) {
            return List.of(new State(single, null));
        }
        List<State> states = new ArrayList<>();
        for (JsonNode state : array(interaction.get("providerStates"))) {
            JsonNode params = state.get("params");
            states.add(new State(
                    String.valueOf(text(state.get("name"))),
                    params == null || params.isNull() || params.isEmpty() ? null : json(params)));
        }
        return states;
    }

    /** V2's query string as written, V3's and V4's map of names to lists of values as a query string. */
    private static String query(JsonNode query) {
        if (query == null || query.isNull()) {
            return null;
        }
        if (!query.isObject()) {
            return text(query);
        }
        List<String> pairs = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : query.properties()) {
            JsonNode values = entry.getValue();
            if (values.isArray()) {
                values.forEach(value -> pairs.add(entry.getKey() + "=" + value.asText()));
            } else {
                pairs.add(entry.getKey() + "=" + values.asText());
            }
        }
        return String.join("&", pairs);
    }

    /** Headers or metadata; a header with several values (V3, V4) shows them comma-separated as HTTP joins them. */
    private static List<Field> fields(JsonNode map) {
        if (map == null || !map.isObject()) {
            return List.of();
        }
        List<Field> fields = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : map.properties()) {
            JsonNode value = entry.getValue();
            String shown;
            if (value.isArray() && value.size() > 0 && value.get(0).isValueNode()) {
                List<String> values = new ArrayList<>();
                value.forEach(v -> values.add(v.asText()));
                shown = String.join(", ", values);
            } else {
                shown = value.isValueNode() ? value.asText() : json(value);
            }
            fields.add(new Field(entry.getKey(), shown));
        }
        return fields;
    }

    /**
     * A body: V4 wraps it as {@code {"content", "contentType", "encoded"}}, with JSON content as JSON or as text;
     * text bodies are shown as written, encoded ones with their encoding named.
     */
    static String body(JsonNode body) {
        if (body == null || body.isNull() || body.isMissingNode()) {
            return null;
        }
        if (body.isObject() && body.has("content") && (body.has("contentType") || body.has("encoded"))) {
            JsonNode content = body.get("content");
            JsonNode encoded = body.get("encoded");
            if (encoded != null && encoded.isTextual()) {
                return "(" + encoded.asText() + " encoded " + text(body.get("contentType")) + ")\n" + content.asText();
            }
            if (content.isTextual()
                    && String.valueOf(text(body.get("contentType"))).contains("json")) {
                return reformatted(content.asText());
            }
            return body(content);
        }
        return body.isTextual() ? body.textValue() : json(body);
    }

    /** JSON text pretty-printed, or as it is when it does not parse. */
    private static String reformatted(String text) {
        try {
            return json(PactJson.mapper().readTree(text));
        } catch (JsonProcessingException e) {
            return text;
        }
    }

    private static String json(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode() || (node.isContainerNode() && node.isEmpty())) {
            return null;
        }
        try {
            return PactJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a parsed JSON node is always writable", e);
        }
    }

    private static String specification(ObjectNode pact) {
        JsonNode metadata = pact.path("metadata");
        for (String key : List.of("pactSpecification", "pact-specification", "pactSpecificationVersion")) {
            JsonNode spec = metadata.get(key);
            if (spec != null && spec.isObject() && spec.get("version") != null) {
                return spec.get("version").asText();
            }
            if (spec != null && spec.isTextual()) {
                return spec.asText();
            }
        }
        return "unknown";
    }

    private static Iterable<JsonNode> array(JsonNode node) {
        return node != null && node.isArray() ? node : List.of();
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() || node.isContainerNode() ? null : node.asText();
    }
}
