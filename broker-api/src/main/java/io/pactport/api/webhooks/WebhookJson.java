package io.pactport.api.webhooks;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.pactport.api.http.BrokerUrls;
import io.pactport.api.http.Hal;
import io.pactport.api.http.Timestamps;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Webhooks, triggered webhooks and execution results in the Pact Broker's HAL shapes; secrets always masked. */
final class WebhookJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private WebhookJson() {}

    static Map<String, Object> of(Webhook w, String base) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("uuid", w.uuid());
        json.put("description", w.displayDescription());
        if (w.consumer() != null) {
            json.put("consumer", side(w.consumer()));
        }
        if (w.provider() != null) {
            json.put("provider", side(w.provider()));
        }
        json.put("enabled", w.enabled());
        json.put("request", request(w.request()));
        json.put("events", w.events().stream().map(name -> Map.of("name", name)).toList());
        json.put("createdAt", Timestamps.format(w.createdAt()));
        if (w.updatedAt() != null) {
            json.put("updatedAt", Timestamps.format(w.updatedAt()));
        }
        Map<String, Object> links = new LinkedHashMap<>();
        links.put("self", Hal.object("title", w.displayDescription(), "href", BrokerUrls.webhook(base, w.uuid())));
        links.put(
                "pb:execute",
                Hal.object(
                        "title",
                        "Test the execution of the webhook with the latest matching pact or"
                                + " verification by sending a POST request to this URL",
                        "href",
                        BrokerUrls.webhookExecution(base, w.uuid())));
        sideLinks(links, "consumer", w.consumer(), base);
        sideLinks(links, "provider", w.provider(), base);
        if (w.consumer() != null
                && w.provider() != null
                && w.consumer().name() != null
                && w.provider().name() != null) {
            links.put(
                    "pb:pact-webhooks",
                    Hal.object(
                            "title",
                            "All webhooks for consumer " + w.consumer().name() + " and provider "
                                    + w.provider().name(),
                            "href",
                            BrokerUrls.webhooksFor(
                                    base, w.consumer().name(), w.provider().name())));
        }
        links.put("pb:webhooks", Hal.object("title", "All webhooks", "href", BrokerUrls.webhooks(base)));
        json.put("_links", links);
        return json;
    }

    static Map<String, Object> list(List<Webhook> webhooks, String title, String self, String base) {
        Map<String, Object> links = new LinkedHashMap<>();
        links.put("self", Hal.object("title", title, "href", self));
        links.put("pb:create", Hal.object("title", "POST to create a webhook", "href", self));
        links.put(
                "pb:webhooks",
                webhooks.stream()
                        .map(w -> Hal.object(
                                "title",
                                w.scopeDescription(),
                                "name",
                                w.displayDescription(),
                                "href",
                                BrokerUrls.webhook(base, w.uuid())))
                        .toList());
        links.put("curies", List.of(Hal.object("name", "pb", "href", base + "/doc/webhooks-{rel}", "templated", true)));
        return Map.of("_links", links);
    }

    static Map<String, Object> triggered(TriggeredWebhook t, int retries, String base) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", t.requestDescription());
        json.put("status", t.status());
        json.put("attemptsMade", t.attemptsMade());
        json.put("attemptsRemaining", t.attemptsRemaining(retries));
        json.put("triggerType", t.triggerType());
        json.put("eventName", t.eventName());
        json.put("triggeredAt", Timestamps.format(t.createdAt()));
        Map<String, Object> links = new LinkedHashMap<>();
        String logs = BrokerUrls.triggeredWebhookLogs(base, t.uuid());
        links.put("pb:logs", link(logs, "Webhook execution logs", t.requestDescription()));
        links.put("logs", link(logs, "DEPRECATED - Use pb:logs", t.requestDescription()));
        if (t.webhookId() != null) {
            links.put("pb:webhook", link(BrokerUrls.webhook(base, t.webhookUuid()), "Webhook", t.requestDescription()));
        }
        json.put("_links", links);
        return json;
    }

    static Map<String, Object> triggeredList(
            List<TriggeredWebhook> list, int retries, String title, String self, String base) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put(
                "_embedded",
                Map.of(
                        "triggeredWebhooks",
                        list.stream().map(t -> triggered(t, retries, base)).toList()));
        json.put("_links", Map.of("self", Hal.object("title", title, "href", self)));
        return json;
    }

    /** The result of a test execution; the response is shown only when a host whitelist is configured. */
    static Map<String, Object> execution(
            WebhookRunner.Outcome outcome, boolean showResponse, String uuid, String self, String base) {
        Map<String, Object> json = new LinkedHashMap<>();
        if (showResponse && outcome.error() != null) {
            json.put("error", Map.of("message", outcome.error()));
        }
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("headers", outcome.request().headers());
        request.put("body", bodyJson(outcome.request().body()));
        request.put("url", outcome.request().url());
        json.put("request", request);
        if (showResponse) {
            if (outcome.response() != null) {
                Map<String, Object> response = new LinkedHashMap<>();
                response.put("status", outcome.response().status());
                response.put("headers", outcome.response().headers());
                response.put("body", bodyJson(outcome.response().body()));
                json.put("response", response);
            }
        } else {
            json.put(
                    "message",
                    "For security purposes, the response details are not logged. To enable response"
                            + " logging, configure the webhook host whitelist (PACTFLOW_WEBHOOK_HOST_WHITELIST). See "
                            + base
                            + "/doc/webhooks#whitelist for more information.");
        }
        json.put("logs", outcome.logs());
        json.put("success", outcome.success());
        Map<String, Object> links = new LinkedHashMap<>();
        if (uuid != null) {
            links.put("webhook", Map.of("href", BrokerUrls.webhook(base, uuid)));
        }
        links.put("try-again", Hal.object("title", "Execute the webhook again", "href", self));
        json.put("_links", links);
        return json;
    }

    private static Object bodyJson(String body) {
        if (body == null) {
            return null;
        }
        try {
            return JSON.readTree(body);
        } catch (Exception notJson) {
            return body;
        }
    }

    private static Map<String, Object> side(WebhookPacticipant side) {
        return side.name() != null ? Map.of("name", side.name()) : Map.of("label", side.label());
    }

    private static void sideLinks(Map<String, Object> links, String role, WebhookPacticipant side, String base) {
        if (side == null) {
            return;
        }
        String title = role.substring(0, 1).toUpperCase() + role.substring(1);
        if (side.name() != null) {
            links.put("pb:" + role, link(BrokerUrls.pacticipant(base, side.name()), title, side.name()));
        } else {
            links.put(
                    "pb:" + role + "s",
                    link(BrokerUrls.pacticipantsWithLabel(base, side.label()), title + "s by label", side.label()));
        }
    }

    private static Map<String, Object> request(WebhookRequest r) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("method", r.method());
        json.put("url", r.url());
        if (!r.headers().isEmpty()) {
            json.put("headers", r.displayHeaders());
        }
        if (r.body() != null) {
            json.put("body", r.jsonBody() ? bodyJson(r.body()) : r.body());
        }
        if (r.username() != null) {
            json.put("username", r.username());
        }
        if (r.password() != null) {
            json.put("password", r.displayPassword());
        }
        return json;
    }

    private static Map<String, Object> link(String href, String title, String name) {
        Map<String, Object> link = new LinkedHashMap<>();
        link.put("href", href);
        link.put("title", title);
        if (name != null) {
            link.put("name", name);
        }
        return link;
    }
}
