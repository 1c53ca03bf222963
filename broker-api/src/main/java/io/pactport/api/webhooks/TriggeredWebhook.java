package io.pactport.api.webhooks;

import java.time.LocalDateTime;

/**
 * One run of a webhook caused by an event ({@code triggered_webhooks}), with the attempts made so far (its
 * {@code webhook_executions}). {@code webhookId} is null once the webhook was deleted; the history stays.
 */
public record TriggeredWebhook(
        long id,
        String uuid,
        Long webhookId,
        String webhookUuid,
        String status,
        String triggerType,
        String eventName,
        String consumerName,
        String providerName,
        String requestDescription,
        int attemptsMade,
        LocalDateTime createdAt) {

    public static final String NOT_RUN = "not_run";
    public static final String RETRYING = "retrying";
    public static final String SUCCESS = "success";
    public static final String FAILURE = "failure";

    public boolean finished() {
        return SUCCESS.equals(status) || FAILURE.equals(status);
    }

    /** As the Pact Broker counts: a first try plus one per retry, less those made. */
    public int attemptsRemaining(int retries) {
        return finished() ? 0 : Math.max(0, retries + 1 - attemptsMade);
    }
}
