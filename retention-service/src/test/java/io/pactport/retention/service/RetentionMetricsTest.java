package io.pactport.retention.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.pactport.retention.model.RunStatus;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetentionMetricsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final RetentionMetrics metrics = new RetentionMetrics(registry);

    private double runs(String status) {
        return registry.get("pactport_retention_runs")
                .tag("status", status)
                .counter()
                .count();
    }

    @Test
    void everyEndOfARunIsCountedFromZeroBeforeTheFirstRun() {
        assertThat(registry.find("pactport_retention_runs").counters())
                .extracting(c -> c.getId().getTag("status"))
                .containsExactlyInAnyOrder("succeeded", "failed", "skipped", "stopped");
        assertThat(runs("failed")).isZero();
    }

    @Test
    void aFailedRunCountsAsFailedAndLeavesTheLastSuccessAlone() {
        Instant at = Instant.parse("2026-01-02T03:04:05Z");
        metrics.finished(Duration.ofSeconds(3), 10L, RunStatus.SUCCEEDED, at);
        metrics.finished(Duration.ofSeconds(1), null, RunStatus.FAILED, at.plusSeconds(60));

        assertThat(runs("succeeded")).isEqualTo(1);
        assertThat(runs("failed")).isEqualTo(1);
        assertThat(registry.get("pactport_retention_last_success_time_seconds")
                        .gauge()
                        .value())
                .isEqualTo(at.getEpochSecond());
    }
}
