package io.pactport.sync.messaging;

import io.pactport.core.events.CloudEvent;
import io.pactport.core.events.EventType;
import io.pactport.core.events.InvalidEventException;
import io.pactport.core.events.PactportEvent.SyncDeadLettered;
import io.pactport.core.remote.BrokerWriter;
import io.pactport.core.remote.RemoteBrokerException;
import io.pactport.sync.delivery.EventDelivery;
import io.pactport.sync.delivery.TargetStats;
import io.pactport.sync.delivery.UnsyncableEventException;
import io.pactport.sync.model.EventKind;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.IntPredicate;
import org.jboss.logging.Logger;

/**
 * Handles one event for one target: writes it, tries again with backoff and jitter while the target fails in a way
 * that can heal (5xx, timeout, no connection), and dead-letters it with the target's answer when it cannot. An event
 * of a kind the target does not take, or of a type that stays in Pactport ({@link EventKind#localOnly}), is skipped and
 * counted; an unknown event type is dead-lettered, never skipped.
 */
public final class TargetSync {

    private static final Logger LOG = Logger.getLogger(TargetSync.class);

    /** What became of an event. */
    public enum Result {
        DELIVERED,
        SKIPPED,
        DEAD_LETTERED,
        GAVE_UP
    }

    private final String target;
    private final Set<EventKind> kinds;
    private final BrokerWriter writer;
    private final DeadLetters deadLetters;
    private final TargetStats stats;
    private final Duration initialBackoff;
    private final Duration maxBackoff;

    public TargetSync(
            String target,
            Set<EventKind> kinds,
            BrokerWriter writer,
            DeadLetters deadLetters,
            TargetStats stats,
            Duration initialBackoff,
            Duration maxBackoff) {
        this.target = target;
        this.kinds = kinds;
        this.writer = writer;
        this.deadLetters = deadLetters;
        this.stats = stats;
        this.initialBackoff = initialBackoff;
        this.maxBackoff = maxBackoff;
    }

    public String target() {
        return target;
    }

    public TargetStats stats() {
        return stats;
    }

    /**
     * @param keepTrying asked with the number of failed tries before each further one; false ends the tries, the
     *        event is then not handled ({@link Result#GAVE_UP}) and must not be committed
     */
    public Result handle(
            String topic, int partition, long offset, long timestamp, byte[] value, IntPredicate keepTrying) {
        CloudEvent event;
        try {
            event = EventJson.read(value);
        } catch (InvalidEventException e) {
            return deadLetter(
                    new SyncDeadLettered(
                            target, topic, partition, offset, 0, null, e.getMessage(), null, DeadLetters.raw(value)),
                    keepTrying);
        }
        Optional<EventType> type = EventType.ofType(event.type());
        Optional<EventKind> kind = type.flatMap(EventKind::of);
        if (type.filter(EventKind::localOnly).isPresent() || kind.isPresent() && !kinds.contains(kind.get())) {
            stats.onSkip();
            return Result.SKIPPED;
        }
        int failures = 0;
        while (true) {
            try {
                EventDelivery.deliver(writer, event);
                stats.onDelivered(timestamp);
                return Result.DELIVERED;
            } catch (UnsyncableEventException e) {
                return deadLetter(letter(topic, partition, offset, event, 0, null, e.getMessage()), keepTrying);
            } catch (RemoteBrokerException e) {
                if (!e.retriable()) {
                    return deadLetter(
                            letter(topic, partition, offset, event, e.status(), e.answer(), e.getMessage()),
                            keepTrying);
                }
                stats.onRetry(e.getMessage());
                if (failures == 0) {
                    LOG.warnf("target %s: event %s will be tried again: %s", target, event.id(), e.getMessage());
                }
            } catch (RuntimeException e) {
                // a payload this code cannot write is the event's problem, not the target's: it must not block the rest
                return deadLetter(letter(topic, partition, offset, event, 0, null, e.toString()), keepTrying);
            }
            if (!keepTrying.test(++failures) || !pause(failures)) {
                return Result.GAVE_UP;
            }
        }
    }

    private SyncDeadLettered letter(
            String topic, int partition, long offset, CloudEvent event, int status, String answer, String reason) {
        return new SyncDeadLettered(
                target, topic, partition, offset, status, answer, reason, EventJson.EXACT.valueToTree(event), null);
    }

    private Result deadLetter(SyncDeadLettered letter, IntPredicate keepTrying) {
        int failures = 0;
        while (true) {
            try {
                deadLetters.send(letter);
                stats.onDeadLetter(letter.reason());
                LOG.warnf(
                        "target %s: event at %s/%d/%d dead-lettered: %s",
                        target, letter.topic(), letter.partition(), letter.offset(), letter.reason());
                return Result.DEAD_LETTERED;
            } catch (DeadLetterWriteException e) {
                LOG.warnf("target %s: %s", target, e.getMessage());
                if (!keepTrying.test(++failures) || !pause(failures)) {
                    return Result.GAVE_UP;
                }
            }
        }
    }

    /** Exponential backoff with jitter (half fixed, half random), capped; false when interrupted. */
    private boolean pause(int failures) {
        long cap = maxBackoff.toMillis();
        long exponential = initialBackoff.toMillis() << Math.min(failures - 1, 20);
        long delay = Math.min(cap, exponential);
        long jittered = delay / 2 + ThreadLocalRandom.current().nextLong(delay / 2 + 1);
        try {
            Thread.sleep(jittered);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
