package io.pactport.sync.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One target's counters and lag, as meters tagged with the target's name and as numbers for {@code GET /sync/targets}.
 * Lag in events is what the target's consumer group has not handled yet; lag in seconds is the age of the oldest event
 * not yet handled (0 when caught up).
 */
public final class TargetStats {

    private final Clock clock;
    private final Counter delivered;
    private final Counter retried;
    private final Counter deadLettered;
    private final Counter skipped;
    private final Timer deliveryLag;
    private final AtomicLong lagEvents = new AtomicLong();
    /** The Kafka timestamp of the event being handled, 0 when none is waiting. */
    private final AtomicLong pendingSince = new AtomicLong();
    /** The last failure and when it happened; a success after it does not clear it (the time says how old it is). */
    private final AtomicReference<LastError> lastError = new AtomicReference<>();

    /** A failed try or a dead-lettering: the target's answer or the reason, and when. */
    public record LastError(String message, Instant at) {}

    public TargetStats(String target, MeterRegistry registry, Clock clock) {
        this.clock = clock;
        this.delivered = Counter.builder("pactport_sync_delivered")
                .tag("target", target)
                .description("events written to the target (or found already there)")
                .register(registry);
        this.retried = Counter.builder("pactport_sync_retried")
                .tag("target", target)
                .description("tries that failed with 5xx, a timeout or no connection, and were tried again")
                .register(registry);
        this.deadLettered = Counter.builder("pactport_sync_dead_lettered")
                .tag("target", target)
                .description("events the target refused for good, sent to pactport.sync.dlq.v1")
                .register(registry);
        this.skipped = Counter.builder("pactport_sync_skipped")
                .tag("target", target)
                .description("events of a kind the target is not configured to get")
                .register(registry);
        this.deliveryLag = Timer.builder("pactport_sync_delivery_lag")
                .tag("target", target)
                .description("from the event on Kafka to its write on the target")
                .publishPercentiles(0.5, 0.95, 0.99)
                .register(registry);
        Gauge.builder("pactport_sync_lag_events", lagEvents, AtomicLong::get)
                .tag("target", target)
                .description("events not yet handled for the target")
                .register(registry);
        Gauge.builder("pactport_sync_lag_seconds", this, TargetStats::lagSeconds)
                .tag("target", target)
                .description("age of the oldest event not yet handled for the target")
                .register(registry);
    }

    public void onHandling(long eventTimestamp) {
        pendingSince.set(eventTimestamp);
    }

    public void onCaughtUp() {
        pendingSince.set(0);
    }

    public void onDelivered(long eventTimestamp) {
        delivered.increment();
        deliveryLag.record(Duration.ofMillis(Math.max(0, clock.millis() - eventTimestamp)));
    }

    public void onRetry(String error) {
        retried.increment();
        lastError.set(new LastError(error, clock.instant()));
    }

    public void onDeadLetter(String error) {
        deadLettered.increment();
        lastError.set(new LastError(error, clock.instant()));
    }

    public void onSkip() {
        skipped.increment();
    }

    public void onLag(long events) {
        lagEvents.set(events);
    }

    public long delivered() {
        return (long) delivered.count();
    }

    public long retried() {
        return (long) retried.count();
    }

    /** Dead-letterings since the start, re-drives' included (not the letters waiting: those are in the DLQ). */
    public long deadLettered() {
        return (long) deadLettered.count();
    }

    public long skipped() {
        return (long) skipped.count();
    }

    public long lagEvents() {
        return lagEvents.get();
    }

    public double lagSeconds() {
        long since = pendingSince.get();
        return since == 0 ? 0 : Math.max(0, clock.millis() - since) / 1000.0;
    }

    /** The last error, or null when there was none since the start. */
    public LastError lastError() {
        return lastError.get();
    }

    public Timer deliveryLag() {
        return deliveryLag;
    }
}
