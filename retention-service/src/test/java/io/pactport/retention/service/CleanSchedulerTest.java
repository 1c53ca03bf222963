package io.pactport.retention.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.pactport.retention.model.RetentionRun;
import io.pactport.retention.model.RunStatus;
import io.pactport.retention.model.RunTrigger;
import io.pactport.retention.selectors.CleanSettings;
import io.pactport.retention.selectors.CronSchedule;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** When runs are due: the unix cron, once per matching minute, and catch-up until a run finds less than its limit. */
class CleanSchedulerTest {

    private static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private static CleanSettings enabled(String cron, Optional<Duration> catchUp) {
        CleanSettings d = CleanSettings.defaults();
        return new CleanSettings(
                true,
                CronSchedule.parse(cron),
                d.keepVersionSelectors(),
                100,
                d.overwrittenDataMaxAgeDays(),
                false,
                List.of(),
                100,
                10,
                Duration.ZERO,
                0,
                d.statementTimeout(),
                catchUp);
    }

    private static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(ZoneId.systemDefault()).toInstant();
    }

    private static RetentionRun catchUpRun(int deleted, RunStatus status) {
        return new RetentionRun(
                1, RunTrigger.CATCH_UP, false, status, null, null, null, deleted, null, null, null, null);
    }

    @Test
    void nothingIsDueWhenTheCleanIsOff() {
        CleanScheduler scheduler = new CleanScheduler(null, CleanSettings.defaults(), Clock.systemUTC());
        assertThat(scheduler.due(at("2026-01-01T02:14:50"), false)).isEmpty();
        assertThat(scheduler.due(at("2026-01-01T02:15:05"), false)).isEmpty();
    }

    @Test
    void theCronMinuteIsDueOnceWhateverTheTicks() {
        CleanScheduler scheduler = new CleanScheduler(null, enabled("15 2 * * *", Optional.empty()), Clock.systemUTC());
        assertThat(scheduler.due(at("2026-01-01T02:14:50"), false)).isEmpty();
        assertThat(scheduler.due(at("2026-01-01T02:15:05"), false)).contains(RunTrigger.SCHEDULE);
        assertThat(scheduler.due(at("2026-01-01T02:15:20"), false)).isEmpty();
        assertThat(scheduler.due(at("2026-01-01T02:16:20"), false)).isEmpty();
        assertThat(scheduler.due(at("2026-01-02T02:14:59"), false)).isEmpty();
        // a tick that comes late (a long GC pause, a busy machine) still fires for the minute it passed
        assertThat(scheduler.due(at("2026-01-02T02:17:00"), false)).contains(RunTrigger.SCHEDULE);
        assertThat(scheduler.due(at("2026-01-02T02:17:15"), false)).isEmpty();
    }

    @Test
    void catchUpRepeatsWhileRunsDeleteAFullLimitThenTheScheduleTakesOver() {
        MutableClock clock = new MutableClock(at("2026-01-01T10:00:00"));
        CleanScheduler scheduler =
                new CleanScheduler(null, enabled("15 2 * * *", Optional.of(Duration.ofMinutes(2))), clock);
        assertThat(scheduler.due(clock.now, true))
                .as("waits for the run in progress")
                .isEmpty();
        assertThat(scheduler.due(clock.now, false)).contains(RunTrigger.CATCH_UP);
        scheduler.afterRun(catchUpRun(100, RunStatus.SUCCEEDED));
        assertThat(scheduler.catchUpAt()).isEqualTo(clock.now.plus(Duration.ofMinutes(2)));
        clock.now = clock.now.plusSeconds(60);
        assertThat(scheduler.due(clock.now, false)).isEmpty();
        clock.now = clock.now.plusSeconds(61);
        assertThat(scheduler.due(clock.now, false)).contains(RunTrigger.CATCH_UP);
        scheduler.afterRun(catchUpRun(0, RunStatus.FAILED));
        clock.now = clock.now.plusSeconds(121);
        assertThat(scheduler.due(clock.now, false))
                .as("a failed run is retried")
                .contains(RunTrigger.CATCH_UP);
        scheduler.afterRun(catchUpRun(37, RunStatus.SUCCEEDED));
        assertThat(scheduler.catchUpAt()).isNull();
        clock.now = clock.now.plusSeconds(600);
        assertThat(scheduler.due(clock.now, false)).isEmpty();
    }
}
