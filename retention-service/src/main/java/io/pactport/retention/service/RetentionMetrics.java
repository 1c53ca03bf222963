package io.pactport.retention.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/** The clean's meters: versions deleted and kept, run duration, and when a run last succeeded. */
@ApplicationScoped
public class RetentionMetrics {

    private final Counter deleted;
    private final AtomicLong kept = new AtomicLong();
    private final AtomicLong lastSuccess = new AtomicLong();
    private final Timer duration;

    RetentionMetrics(MeterRegistry meters) {
        deleted = Counter.builder("pactport_retention_versions_deleted")
                .description("application versions deleted by the clean")
                .register(meters);
        meters.gauge("pactport_retention_versions_kept", kept);
        meters.gauge("pactport_retention_last_success_time_seconds", lastSuccess);
        duration = Timer.builder("pactport_retention_run_duration")
                .description("duration of clean runs")
                .register(meters);
    }

    void deleted(int versions) {
        deleted.increment(versions);
    }

    void finished(Duration took, Long versionsKept, boolean succeeded, Instant at) {
        duration.record(took);
        if (versionsKept != null) {
            kept.set(versionsKept);
        }
        if (succeeded) {
            lastSuccess.set(at.getEpochSecond());
        }
    }
}
