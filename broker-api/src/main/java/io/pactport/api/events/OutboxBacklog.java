package io.pactport.api.events;

import java.time.Duration;
import java.time.Instant;

/**
 * The events the relay has not sent to Kafka yet, for the operations page.
 *
 * @param unsent events waiting
 * @param oldestUnsentAt when the oldest of them was written; null when none waits
 * @param failing waiting events whose sending failed at least once
 * @param lastError the error of the oldest failing event; null when none failed
 * @param sentLastHour events sent in the last hour: whether the relay is moving at all
 */
public record OutboxBacklog(long unsent, Instant oldestUnsentAt, long failing, String lastError, long sentLastHour) {

    /** How long the oldest waiting event has waited; zero when none waits. */
    public Duration oldestAge(Instant now) {
        return oldestUnsentAt == null ? Duration.ZERO : Duration.between(oldestUnsentAt, now);
    }
}
