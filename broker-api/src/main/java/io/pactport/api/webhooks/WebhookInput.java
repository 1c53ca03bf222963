package io.pactport.api.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import io.pactport.api.http.RequestErrors;
import io.pactport.core.errors.InvalidRequestException;
import java.net.URI;
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
public record WebhookInput(
        String description,
        Side consumer,
        Side provider,
        Boolean enabled,
        WebhookRequest request,
        List<String> events) {

    /** A consumer or provider as given: by name or by label. */
    public record Side(String name, String label) {

        public static Side named(String name) {
            return new Side(name, null);
        }

        public static Side labelled(String label) {
            return new Side(null, label);
        }
    }

    public static final List<String> EVENT_NAMES = List.of(
            "contract_published",
            "contract_content_changed",
            "provider_verification_published",
            "provider_verification_succeeded",
            "provider_verification_failed",
            "contract_requiring_verification_published");
    private static final Set<String> HTTP_METHODS = Set.of(
            "GET",
            "HEAD",
            "POST",
            "PUT",
            "PATCH",
            "DELETE",
            "OPTIONS",
            "TRACE",
            "COPY",
            "LOCK",
            "MKCOL",
            "MOVE",
            "PROPFIND",
            "PROPPATCH",
            "UNLOCK");

    /**
     * Parses and checks the body.
     *
     * @throws InvalidRequestException with every problem found, keyed as the Pact Broker keys them
     */
    public static WebhookInput parse(JsonNode body, WebhookAllowList allowList) {
        if (body == null || !body.isObject()) {
            throw InvalidRequestException.of("base", RequestErrors.BODY_NOT_AN_OBJECT);
        }
        RequestErrors errors = new RequestErrors();
        Side consumer = side(body, "consumer", errors);
        Side provider = side(body, "provider", errors);
        Boolean enabled = errors.nullableBoolean("enabled", body.get("enabled"));
        List<String> events = events(body.get("events"), errors);
        WebhookRequest request = request(body.get("request"), allowList, errors);
        errors.throwIfAny();
        return new WebhookInput(
                RequestErrors.text(body.get("description")), consumer, provider, enabled, request, events);
    }

    private static Side side(JsonNode body, String field, RequestErrors errors) {
        JsonNode node = errors.nullableObject(field, body.get(field));
        if (node == null) {
            return null;
        }
        String name = RequestErrors.text(node.get("name"));
        String label = RequestErrors.text(node.get("label"));
        boolean hasName = name != null && !name.isBlank();
        boolean hasLabel = label != null && !label.isBlank();
        if (!hasName && !hasLabel) {
            errors.add(field + ".name", "cannot be blank");
            return null;
        }
        if (hasName && hasLabel) {
            errors.add(field + ".label", "name and label cannot be provided at the same time");
            return null;
        }
        return hasName ? Side.named(name) : Side.labelled(label);
    }

    private static List<String> events(JsonNode node, RequestErrors errors) {
        if (RequestErrors.absent(node)) {
            return List.of("contract_content_changed");
        }
        if (errors.nullableArray("events", node) == null) {
            return List.of();
        }
        if (node.isEmpty()) {
            errors.add("events", "size cannot be less than 1");
            return List.of();
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            String name = RequestErrors.text(node.get(i).get("name"));
            if (name == null || name.isBlank()) {
                errors.add("events[" + i + "].name", RequestErrors.IS_MISSING);
            } else if (!EVENT_NAMES.contains(name)) {
                errors.add("events[" + i + "].name", "must be one of: " + String.join(", ", EVENT_NAMES));
            } else if (!names.contains(name)) {
                names.add(name);
            }
        }
        return names;
    }

    private static WebhookRequest request(JsonNode node, WebhookAllowList allowList, RequestErrors errors) {
        if (RequestErrors.absent(node)) {
            errors.add("request", RequestErrors.IS_MISSING);
            return null;
        }
        if (!node.isObject() || node.isEmpty()) {
            errors.add("request", RequestErrors.MUST_BE_FILLED);
            return null;
        }
        String method = filled("request.method", node.get("method"), errors);
        if (method != null && !HTTP_METHODS.contains(method.toUpperCase(Locale.ROOT))) {
            errors.add("request.method", "is not a recognised HTTP method");
        } else if (method != null && !allowList.methodAllowed(method)) {
            errors.add("request.method", allowList.methodError());
        }
        String url = filled("request.url", node.get("url"), errors);
        if (url != null) {
            checkUrl(url, allowList, errors);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        JsonNode headersNode = errors.nullableObject("request.headers", node.get("headers"));
        if (headersNode != null) {
            // stored with lower-case names, as the Pact Broker (Rack) keeps them
            headersNode
                    .fields()
                    .forEachRemaining(h -> headers.put(
                            h.getKey().toLowerCase(Locale.ROOT),
                            h.getValue().isTextual()
                                    ? h.getValue().asText()
                                    : h.getValue().toString()));
        }
        JsonNode bodyNode = node.get("body");
        boolean json = !RequestErrors.absent(bodyNode) && !bodyNode.isTextual();
        String body = RequestErrors.absent(bodyNode) ? null : json ? bodyNode.toString() : bodyNode.asText();
        if (method == null || url == null) {
            return null;
        }
        return new WebhookRequest(
                method,
                url,
                headers,
                body,
                json,
                RequestErrors.text(node.get("username")),
                RequestErrors.text(node.get("password")));
    }

    /** The method and URL: any value is taken as its text, but it must be there and not blank. */
    private static String filled(String field, JsonNode node, RequestErrors errors) {
        String text = RequestErrors.text(node);
        if (text == null) {
            errors.add(field, RequestErrors.IS_MISSING);
            return null;
        }
        if (text.isBlank()) {
            errors.add(field, RequestErrors.MUST_BE_FILLED);
            return null;
        }
        return text;
    }

    private static void checkUrl(String url, WebhookAllowList allowList, RequestErrors errors) {
        URI uri = RequestErrors.uri(WebhookRequest.withPlaceholders(url, "placeholder"));
        if (uri == null || uri.getScheme() == null || uri.getHost() == null) {
            errors.add("request.url", RequestErrors.NOT_A_URL);
            return;
        }
        URI other = RequestErrors.uri(WebhookRequest.withPlaceholders(url, "differentplaceholder"));
        if (other == null || !uri.getHost().equals(other.getHost())) {
            errors.add("request.url", "cannot have a template parameter in the host");
        } else if (!allowList.schemeAllowed(uri.getScheme())) {
            errors.add("request.url", allowList.schemeError());
        } else if (!allowList.hostAllowed(uri.getHost())) {
            errors.add("request.url", allowList.hostError());
        } else {
            allowList.literalRefusal(uri.getHost()).ifPresent(message -> errors.add("request.url", message));
        }
    }
}
