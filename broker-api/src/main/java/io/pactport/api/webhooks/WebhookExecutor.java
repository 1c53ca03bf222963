package io.pactport.api.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.pactport.api.config.ApiConfig;
import io.pactport.api.db.DatabaseSchedule;
import io.pactport.api.http.BaseUrl;
import io.pactport.api.webhooks.TriggeredWebhookRepository.Claim;
import io.pactport.api.webhooks.TriggeredWebhookRepository.Trigger;
import io.pactport.core.events.CloudEvent;
import io.pactport.core.events.CloudEventJson;
import io.pactport.core.events.EventType;
import io.pactport.core.events.InvalidEventException;
import io.pactport.core.events.PactportEvent.WebhookTriggered;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Runs triggered webhooks, never in a request: a {@code webhook.triggered} event from Kafka starts the first attempt at
 * once, and a poll of {@code pactport_webhook_attempts} runs the retries when due (and any trigger whose event was not
 * handled), so retries survive restarts. Every attempt is claimed in the database before its request is sent, which
 * is what keeps a redelivered event, a second replica or the poll from sending it again; each one writes a
 * {@code webhook_executions} row with its log and moves the triggered webhook's status on (not_run → retrying →
 * success or failure), as the Pact Broker does.
 */
@ApplicationScoped
public class WebhookExecutor {

    private static final Logger LOG = Logger.getLogger(WebhookExecutor.class);
    /** Attempts claimed per poll: enough to drain a burst, few enough to keep one poll short. */
    private static final int POLL_BATCH = 20;
    /** Webhook requests sent, by outcome ({@code success} or {@code failure}, retried or not). */
    private static final String ATTEMPTS = "pactport_webhook_attempts";

    private final Pool pool;
    private final TriggeredWebhookRepository triggered;
    private final WebhookRepository webhooks;
    private final WebhookRunner runner;
    private final BaseUrl baseUrls;
    private final Clock clock;
    private final Counter succeeded;
    private final Counter failed;
    private final int[] schedule;
    private final double leaseSeconds;

    /** The poll runs between start and shutdown only. */
    private final DatabaseSchedule schedules;

    WebhookExecutor(
            Pool pool,
            TriggeredWebhookRepository triggered,
            WebhookRepository webhooks,
            WebhookRunner runner,
            ApiConfig config,
            BaseUrl baseUrls,
            Clock clock,
            MeterRegistry meters,
            DatabaseSchedule schedules) {
        this.pool = pool;
        this.schedules = schedules;
        this.triggered = triggered;
        this.webhooks = webhooks;
        this.runner = runner;
        this.baseUrls = baseUrls;
        this.clock = clock;
        // both outcomes from the start: an alert on increase() never sees a series' first sample as an increase
        this.succeeded = meters.counter(ATTEMPTS, "outcome", "success");
        this.failed = meters.counter(ATTEMPTS, "outcome", "failure");
        this.schedule = ApiConfig.words(config.webhook().retrySchedule()).stream()
                .mapToInt(Integer::parseInt)
                .toArray();
        // an attempt's time limit, and a margin for writing its result, before the poll may take over after a crash
        this.leaseSeconds = config.webhook().timeout().toMillis() / 1000.0 + 10;
    }

    /** A trigger's event: its first attempt, unless something claimed it already (a redelivery, the poll). */
    @Incoming("webhook-triggers")
    public Uni<Void> onTriggered(CloudEvent event) {
        // an event that is not a trigger is not ours to mark as handled: the failure strategy logs it
        if (!EventType.WEBHOOK_TRIGGERED.type().equals(event.type())) {
            return Uni.createFrom()
                    .failure(new IllegalArgumentException("unexpected event type " + event.type()
                            + " on the webhooks topic (event " + event.id() + ")"));
        }
        WebhookTriggered trigger;
        try {
            trigger = (WebhookTriggered) CloudEventJson.payload(event);
        } catch (InvalidEventException e) {
            return Uni.createFrom().failure(e);
        }
        return triggered
                .claimFirst(pool, trigger.triggeredWebhookUuid(), clock.instant(), schedule, leaseSeconds)
                .flatMap(claim -> claim.isPresent()
                        ? attempt(claim.get())
                        : Uni.createFrom().voidItem());
    }

    @Scheduled(every = "${pactflow.webhook.poll-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> poll() {
        if (!schedules.open()) {
            return Uni.createFrom().voidItem();
        }
        return runDue(clock.instant())
                .replaceWithVoid()
                .onFailure()
                .invoke(e -> LOG.warnf("webhook poll failed (will try again): %s", e.getMessage()))
                .onFailure()
                .recoverWithNull();
    }

    /** Runs the attempts due at {@code now}; how many were run. */
    public Uni<Integer> runDue(Instant now) {
        return triggered
                .abandonInterrupted(pool, now, schedule)
                .invoke(abandoned -> {
                    if (abandoned > 0) {
                        LOG.warnf("%d triggered webhook(s) failed: their last attempt was interrupted", abandoned);
                    }
                })
                .chain(() -> triggered.claimDue(pool, now, schedule, leaseSeconds, POLL_BATCH))
                .flatMap(claims -> claims.isEmpty()
                        ? Uni.createFrom().item(0)
                        : Uni.join()
                                .all(claims.stream().map(this::attempt).toList())
                                .andCollectFailures()
                                .replaceWith(claims.size()));
    }

    /** Sends one claimed attempt and records its result. */
    Uni<Void> attempt(Claim claim) {
        return triggered
                .trigger(pool, claim.triggeredWebhookId())
                .flatMap(trigger -> {
                    if (trigger.webhookId() == null) {
                        LOG.infof(
                                "webhook %s was deleted; its triggered webhook %s fails without running",
                                trigger.webhookUuid(), trigger.uuid());
                        return pool.withTransaction(tx -> triggered.fail(tx, claim));
                    }
                    return webhooks.find(pool, trigger.webhookUuid()).flatMap(webhook -> {
                        if (webhook.isEmpty()) {
                            return pool.withTransaction(tx -> triggered.fail(tx, claim));
                        }
                        return triggered
                                .facts(pool, trigger.pactPublicationId(), trigger.verificationId())
                                .flatMap(facts -> {
                                    JsonNode context = context(trigger);
                                    String baseUrl = context.path("base_url")
                                            .asText(baseUrls.configured().orElse("http://localhost:9292"));
                                    return runner.run(
                                            webhook.get().uuid(),
                                            webhook.get().request(),
                                            WebhookParameters.of(facts, context, baseUrl),
                                            context.toString(),
                                            baseUrl,
                                            success -> completion(success, claim));
                                })
                                .flatMap(outcome -> record(claim, trigger, outcome));
                    });
                })
                .onFailure()
                .invoke(e -> LOG.warnf(
                        "webhook attempt %d of triggered webhook %d could not be run: %s",
                        claim.attempt(), claim.triggeredWebhookId(), e.getMessage()));
    }

    private Uni<Void> record(Claim claim, Trigger trigger, WebhookRunner.Outcome outcome) {
        boolean retry = !outcome.success() && claim.attempt() <= schedule.length;
        String status = outcome.success()
                ? TriggeredWebhook.SUCCESS
                : retry ? TriggeredWebhook.RETRYING : TriggeredWebhook.FAILURE;
        (outcome.success() ? succeeded : failed).increment();
        LOG.infof(
                "webhook %s (triggered %s, %s) attempt %d: %s",
                trigger.webhookUuid(), trigger.uuid(), trigger.eventName(), claim.attempt(), status);
        return pool.withTransaction(tx -> triggered.record(
                tx, claim, outcome.success(), outcome.logs(), status, retry ? schedule[claim.attempt() - 1] : null));
    }

    /** The log's last line, as the Pact Broker writes it. */
    private String completion(boolean success, Claim claim) {
        if (success) {
            return "Successfully executed webhook";
        }
        return claim.attempt() <= schedule.length
                ? "Retrying webhook in " + schedule[claim.attempt() - 1] + " seconds"
                : "Webhook execution failed after " + (schedule.length + 1) + " attempts";
    }

    private static JsonNode context(Trigger trigger) {
        try {
            return trigger.eventContext() == null
                    ? CloudEventJson.mapper().createObjectNode()
                    : CloudEventJson.mapper().readTree(trigger.eventContext());
        } catch (Exception unreadable) {
            return CloudEventJson.mapper().createObjectNode();
        }
    }
}
