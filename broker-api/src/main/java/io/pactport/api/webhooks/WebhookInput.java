package io.pactport.api.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import io.pactport.core.errors.InvalidRequestException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A webhook as sent in a request body, checked by the Pact Broker's webhook contract with its messages and field names
 * ({@code request.url}, {@code consumer.name}, …). Whether named pacticipants exist is for {@link WebhookService}.
 *
 * @param consumer the {@code consumer} object's name or label; null when absent (any consumer)
 * @param events the event names; {@code contract_content_changed} when none were given, as in the Pact Broker
 */
public record WebhookInput(String description, Side consumer, Side provider, Boolean enabled, WebhookRequest request,
        List<String> events) {

    /** A consumer or provider as given: by name or by label. */
    public record Side(String name, String label) {
    }

    public static final List<String> EVENT_NAMES = List.of("contract_published", "contract_content_changed",
            "provider_verification_published", "provider_verification_succeeded", "provider_verification_failed",
            "contract_requiring_verification_published");
    private static final Set<String> HTTP_METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE",
            "OPTIONS", "TRACE", "COPY", "LOCK", "MKCOL", "MOVE", "PROPFIND", "PROPPATCH", "UNLOCK");

    /**
     * Parses and checks the body.
     *
     * @throws InvalidRequestException with every problem found, keyed as the Pact Broker keys them
     */
    public static WebhookInput parse(JsonNode body, WebhookAllowList allowList) {
        if (body == null || !body.isObject()) {
            throw InvalidRequestException.of("base", "the request body must be a JSON object");
        }
        Map<String, List<String>> errors = new LinkedHashMap<>();
        Side consumer = side(body, "consumer", errors);
        Side provider = side(body, "provider", errors);
        Boolean enabled = null;
        JsonNode enabledNode = body.get("enabled");
        if (enabledNode != null && !enabledNode.isNull()) {
            if (enabledNode.isBoolean()) {
                enabled = enabledNode.asBoolean();
            } else {
                add(errors, "enabled", "must be boolean");
            }
        }
        List<String> events = events(body.get("events"), errors);
        WebhookRequest request = request(body.get("request"), allowList, errors);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        JsonNode description = body.get("description");
        return new WebhookInput(description == null || description.isNull() ? null : description.asText(), consumer,
                provider, enabled, request, events);
    }

    private static Side side(JsonNode body, String field, Map<String, List<String>> errors) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            add(errors, field, "must be a hash");
            return null;
        }
        String name = text(node.get("name"));
        String label = text(node.get("label"));
        boolean hasName = name != null && !name.isBlank();
        boolean hasLabel = label != null && !label.isBlank();
        if (!hasName && !hasLabel) {
            add(errors, field + ".name", "cannot be blank");
            return null;
        }
        if (hasName && hasLabel) {
            add(errors, field + ".label", "name and label cannot be provided at the same time");
            return null;
        }
        return hasName ? new Side(name, null) : new Side(null, label);
    }

    private static List<String> events(JsonNode node, Map<String, List<String>> errors) {
        if (node == null || node.isNull()) {
            return List.of("contract_content_changed");
        }
        if (!node.isArray()) {
            add(errors, "events", "must be an array");
            return List.of();
        }
        if (node.isEmpty()) {
            add(errors, "events", "size cannot be less than 1");
            return List.of();
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            String name = text(node.get(i).get("name"));
            if (name == null || name.isBlank()) {
                add(errors, "events[" + i + "].name", "is missing");
            } else if (!EVENT_NAMES.contains(name)) {
                add(errors, "events[" + i + "].name", "must be one of: " + String.join(", ", EVENT_NAMES));
            } else if (!names.contains(name)) {
                names.add(name);
            }
        }
        return names;
    }

    private static WebhookRequest request(JsonNode node, WebhookAllowList allowList,
            Map<String, List<String>> errors) {
        if (node == null || node.isNull()) {
            add(errors, "request", "is missing");
            return null;
        }
        if (!node.isObject() || node.isEmpty()) {
            add(errors, "request", "must be filled");
            return null;
        }
        String method = text(node.get("method"));
        if (method == null) {
            add(errors, "request.method", "is missing");
        } else if (method.isBlank()) {
            add(errors, "request.method", "must be filled");
        } else if (!HTTP_METHODS.contains(method.toUpperCase(Locale.ROOT))) {
            add(errors, "request.method", "is not a recognised HTTP method");
        } else if (!allowList.methodAllowed(method)) {
            add(errors, "request.method", allowList.methodError());
        }
        String url = text(node.get("url"));
        if (url == null) {
            add(errors, "request.url", "is missing");
        } else if (url.isBlank()) {
            add(errors, "request.url", "must be filled");
        } else {
            checkUrl(url, allowList, errors);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        JsonNode headersNode = node.get("headers");
        if (headersNode != null && !headersNode.isNull()) {
            if (headersNode.isObject()) {
                // stored with lower-case names, as the Pact Broker (Rack) keeps them
                headersNode.fields().forEachRemaining(h -> headers.put(h.getKey().toLowerCase(Locale.ROOT),
                        h.getValue().isTextual() ? h.getValue().asText() : h.getValue().toString()));
            } else {
                add(errors, "request.headers", "must be a hash");
            }
        }
        JsonNode bodyNode = node.get("body");
        boolean json = bodyNode != null && !bodyNode.isNull() && !bodyNode.isTextual();
        String body = bodyNode == null || bodyNode.isNull() ? null : json ? bodyNode.toString() : bodyNode.asText();
        if (method == null || url == null) {
            return null;
        }
        return new WebhookRequest(method, url, headers, body, json, text(node.get("username")),
                text(node.get("password")));
    }

    private static void checkUrl(String url, WebhookAllowList allowList, Map<String, List<String>> errors) {
        URI uri = parse(WebhookRequest.withPlaceholders(url, "placeholder"));
        if (uri == null || uri.getScheme() == null || uri.getHost() == null) {
            add(errors, "request.url", "is not a valid URL eg. http://example.org");
            return;
        }
        URI other = parse(WebhookRequest.withPlaceholders(url, "differentplaceholder"));
        if (other == null || !uri.getHost().equals(other.getHost())) {
            add(errors, "request.url", "cannot have a template parameter in the host");
        } else if (!allowList.schemeAllowed(uri.getScheme())) {
            add(errors, "request.url", allowList.schemeError());
        } else if (!allowList.hostAllowed(uri.getHost())) {
            add(errors, "request.url", allowList.hostError());
        } else {
            allowList.literalRefusal(uri.getHost()).ifPresent(message -> add(errors, "request.url", message));
        }
    }

    private static URI parse(String url) {
        try {
            return new URI(url);
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.isTextual() ? node.asText() : node.toString();
    }

    private static void add(Map<String, List<String>> errors, String field, String message) {
        errors.computeIfAbsent(field, f -> new ArrayList<>()).add(message);
    }
}
