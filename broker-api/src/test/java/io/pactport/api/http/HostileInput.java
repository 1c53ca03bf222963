package io.pactport.api.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pactport.core.testing.TestDatabase;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The hostile values {@link HostileInputTest} sends, the requests it builds from a route's sample body, and the
 * database fingerprint that shows a refused request wrote nothing.
 */
final class HostileInput {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Replaced by a raw {@code \ud800} escape once the body is text: Jackson would not write half a pair. */
    private static final String LONE_SURROGATE = "@@lone-surrogate@@";

    public static final String TEN_KB = "x".repeat(10_240);

    /** A value for a string field, and whether a route may accept it (text it can store) rather than refuse it. */
    public record Value(String name, JsonNode json, boolean mayBeStored) {}

    /** One request to send: what it is, its path (already %-encoded) and body, and whether it may succeed. */
    public record Attempt(
            String description, String method, String path, String contentType, String body, boolean mayBeStored) {}

    /** A write route: method, path with {placeholders}, their sample values and a sample body (null for none). */
    public record Route(
            String method, String template, Map<String, String> pathValues, String contentType, String body) {

        String path(Map<String, String> values) {
            String path = template;
            for (Map.Entry<String, String> value : values.entrySet()) {
                path = path.replace("{" + value.getKey() + "}", value.getValue());
            }
            return path;
        }

        String samplePath() {
            Map<String, String> encoded = new LinkedHashMap<>();
            pathValues.forEach((name, value) -> encoded.put(name, encode(value)));
            return path(encoded);
        }
    }

    private HostileInput() {}

    public static List<Value> values() {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        return List.of(
                new Value("NUL", nodes.textNode("a\u0000b"), false),
                new Value("lone surrogate", nodes.textNode("a" + LONE_SURROGATE), false),
                new Value("10 KB string", nodes.textNode(TEN_KB), true),
                new Value("array", nodes.arrayNode().add("main"), true),
                new Value("object", nodes.objectNode().put("a", "b"), true),
                new Value("number", nodes.numberNode(12345678901234567890.0), true),
                new Value("boolean", nodes.booleanNode(true), true),
                new Value("null", nodes.nullNode(), true));
    }

    /** Whole bodies: broken or unbounded JSON no route accepts, and JSON a route that ignores its body may take. */
    public static List<Value> bodies() {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        return List.of(
                new Value("truncated JSON", nodes.textNode("{\"name\":"), false),
                new Value("NaN", nodes.textNode("{\"value\":NaN}"), false),
                new Value("10,000 levels of nesting", nodes.textNode("[".repeat(10_000) + "]".repeat(10_000)), false),
                new Value(
                        "200 levels of nesting", nodes.textNode("{\"a\":".repeat(200) + "1" + "}".repeat(200)), false),
                new Value("NUL in a key", nodes.textNode("{\"a\\u0000\":1}"), false),
                new Value("a string", nodes.textNode("\"text\""), true));
    }

    /** Every request built from one route: each hostile value in each field and path segment, and each bad body. */
    public static List<Attempt> attempts(Route route) {
        List<Attempt> attempts = new ArrayList<>();
        String name = route.method() + " " + route.template();
        for (String placeholder : route.pathValues().keySet()) {
            for (Map.Entry<String, String> value :
                    Map.of("%00", "a%00b", "10 KB", TEN_KB).entrySet()) {
                Map<String, String> values = new LinkedHashMap<>();
                route.pathValues().forEach((key, sample) -> values.put(key, encode(sample)));
                values.put(placeholder, value.getValue());
                attempts.add(new Attempt(
                        name + " with " + value.getKey() + " in {" + placeholder + "}",
                        route.method(),
                        route.path(values),
                        route.contentType(),
                        route.body(),
                        false));
            }
        }
        if (route.body() == null) {
            return attempts;
        }
        JsonNode sample = read(route.body());
        for (String field : fields(sample, "")) {
            for (Value value : values()) {
                JsonNode changed = sample.deepCopy();
                replace(changed, field, value.json());
                attempts.add(new Attempt(
                        name + " with " + value.name() + " in " + field,
                        route.method(),
                        route.samplePath(),
                        route.contentType(),
                        text(changed),
                        value.mayBeStored()));
            }
        }
        bodies().forEach(body -> attempts.add(new Attempt(
                name + " with " + body.name(),
                route.method(),
                route.samplePath(),
                route.contentType(),
                body.json().textValue(),
                body.mayBeStored())));
        return attempts;
    }

    /**
     * Tables the webhook executor writes in the background, for webhooks other test classes on this database left
     * retrying: they change between any two requests. A request cannot trigger a webhook without an outbox event, which
     * the fingerprint does count.
     */
    private static final Set<String> WRITTEN_IN_THE_BACKGROUND =
            Set.of("triggered_webhooks", "webhook_executions", "pactport_webhook_attempts");

    /** A fingerprint of every table: rows and their content (the outbox, which the relay updates, by its ids). */
    public static Map<String, String> fingerprint(TestDatabase database) {
        try (Connection connection = database.connect();
                Statement statement = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery("SELECT table_name FROM information_schema.tables"
                    + " WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY 1")) {
                while (rows.next()) {
                    if (!WRITTEN_IN_THE_BACKGROUND.contains(rows.getString(1))) {
                        tables.add(rows.getString(1));
                    }
                }
            }
            Function<String, String> digest = table -> table.equals("pactport_outbox")
                    ? "SELECT 'pactport_outbox', count(*)::text || '/' || coalesce(max(id), 0)::text FROM pactport_outbox"
                    : "SELECT '" + table + "', md5(coalesce(string_agg(md5(t::text), ',' ORDER BY md5(t::text)), ''))"
                            + " FROM \"" + table + "\" t";
            Map<String, String> fingerprint = new LinkedHashMap<>();
            try (ResultSet rows = statement.executeQuery(
                    String.join(" UNION ALL ", tables.stream().map(digest).toList()))) {
                while (rows.next()) {
                    fingerprint.put(rows.getString(1), rows.getString(2));
                }
            }
            return fingerprint;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static List<String> fields(JsonNode node, String prefix) {
        List<String> fields = new ArrayList<>();
        if (node.isObject()) {
            node.fieldNames().forEachRemaining(name -> {
                fields.add(prefix + "/" + name);
                fields.addAll(fields(node.get(name), prefix + "/" + name));
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                fields.add(prefix + "/" + i);
                fields.addAll(fields(node.get(i), prefix + "/" + i));
            }
        }
        return fields;
    }

    private static void replace(JsonNode root, String pointer, JsonNode value) {
        int last = pointer.lastIndexOf('/');
        JsonNode parent = root.at(pointer.substring(0, last));
        String key = pointer.substring(last + 1);
        if (parent instanceof ObjectNode object) {
            object.set(key, value);
        } else if (parent instanceof ArrayNode array) {
            array.set(Integer.parseInt(key), value);
        }
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (Exception e) {
            throw new IllegalArgumentException(body, e);
        }
    }

    private static String text(JsonNode body) {
        try {
            return JSON.writeValueAsString(body).replace(LONE_SURROGATE, "\\ud800");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
