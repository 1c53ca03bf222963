package io.pactport.sync.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReplayScheduleTest {

    private static final Instant START = Instant.parse("2026-03-01T10:00:00Z");

    @Test
    void theFirstReplayIsDueOnePeriodAfterTheFirstTick() {
        ReplaySchedule schedule = new ReplaySchedule(Duration.ofMinutes(10));

        assertThat(schedule.due(START)).isFalse();
        assertThat(schedule.due(START.plus(Duration.ofMinutes(9)))).isFalse();
        assertThat(schedule.due(START.plus(Duration.ofMinutes(10)))).isTrue();
    }

    @Test
    void theNextReplayIsDueOnePeriodAfterTheEndOfTheLastOne() {
        ReplaySchedule schedule = new ReplaySchedule(Duration.ofMinutes(10));
        schedule.due(START);
        Instant ended = START.plus(Duration.ofMinutes(13));

        schedule.done(ended);

        assertThat(schedule.due(ended.plus(Duration.ofMinutes(9)))).isFalse();
        assertThat(schedule.due(ended.plus(Duration.ofMinutes(10)))).isTrue();
    }

    @Test
    void aPeriodOfZeroTurnsTheReplayOff() {
        ReplaySchedule schedule = new ReplaySchedule(Duration.ZERO);

        assertThat(schedule.due(START)).isFalse();
        assertThat(schedule.due(START.plus(Duration.ofDays(365)))).isFalse();
    }
}
