package io.pactport.api.webhooks;

import java.time.LocalDateTime;
import java.util.List;

/**
 * A webhook as stored in the Pact Broker's {@code webhooks} table with its {@code webhook_events}: which integrations it
 * is for (a consumer and provider each given by name, by label, or not at all for "any"), the events it fires on, and
 * the request template it sends.
 */
public record Webhook(
        long id,
        String uuid,
        String description,
        WebhookPacticipant consumer,
        WebhookPacticipant provider,
        boolean enabled,
        WebhookRequest request,
        List<String> events,
        LocalDateTime createdAt,
        LocalDateTime updatedAt) {

    /** A webhook as sent, run without being saved: no id, uuid or timestamps, and enabled. */
    public static Webhook unsaved(
            String description,
            WebhookPacticipant consumer,
            WebhookPacticipant provider,
            WebhookRequest request,
            List<String> events) {
        return new Webhook(0, null, description, consumer, provider, true, request, events, null, null);
    }

    /** The description, or the request's ({@code POST example.org}) when none was given, as the Pact Broker shows it. */
    public String displayDescription() {
        return description != null && !description.isBlank() ? description : request.description();
    }

    /** Which pacts the webhook is for, in the Pact Broker's words. */
    public String scopeDescription() {
        if (consumer != null && provider != null) {
            return "A webhook for the pact between " + consumer.displayName(true) + " and "
                    + provider.displayName(true);
        }
        if (provider != null) {
            return "A webhook for all pacts with provider " + provider.displayName(false);
        }
        if (consumer != null) {
            return "A webhook for all pacts with consumer " + consumer.displayName(false);
        }
        return "A webhook for all pacts";
    }
}
