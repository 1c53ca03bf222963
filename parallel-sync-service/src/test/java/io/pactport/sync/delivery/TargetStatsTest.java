package io.pactport.sync.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** What {@code GET /sync/targets} shows of a target's failures. */
class TargetStatsTest {

    private static final Instant FAILED_AT = Instant.parse("2026-03-01T10:15:30Z");

    @Test
    void theLastErrorAndItsTimeOutliveLaterDeliveries() {
        TargetStats stats = new TargetStats("a", new SimpleMeterRegistry(), Clock.fixed(FAILED_AT, ZoneOffset.UTC));
        stats.onDeadLetter("PUT /pacts/… answered 409");
        stats.onDelivered(FAILED_AT.toEpochMilli());
        stats.onDelivered(FAILED_AT.toEpochMilli());

        assertThat(stats.lastError()).isEqualTo(new TargetStats.LastError("PUT /pacts/… answered 409", FAILED_AT));
        assertThat(stats.deadLettered()).isOne();
        assertThat(stats.delivered()).isEqualTo(2);
    }

    @Test
    void aLaterFailureReplacesTheLastError() {
        TargetStats stats = new TargetStats("a", new SimpleMeterRegistry(), Clock.fixed(FAILED_AT, ZoneOffset.UTC));
        stats.onDeadLetter("first");
        stats.onRetry("GET /environments got no answer");

        assertThat(stats.lastError().message()).isEqualTo("GET /environments got no answer");
        assertThat(stats.deadLettered()).isOne();
        assertThat(stats.retried()).isOne();
    }
}
