package io.pactport.api.webhooks;

import java.time.LocalDateTime;

/** One attempt of a triggered webhook ({@code webhook_executions}), with its logs (secrets already masked). */
public record WebhookExecution(boolean success, String logs, LocalDateTime createdAt) {}
