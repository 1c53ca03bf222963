package io.pactport.retention.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.pactport.retention.model.RunStatus;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The clean's meters: versions deleted and kept, run duration, runs by how they ended, and when one last succeeded.
 * Created at start, not at the first run, so that Prometheus and the alerts see every meter (at 0) before any run.
 */
@Startup
@ApplicationScoped
public class RetentionMetrics {

    private final Counter deleted;
    private final AtomicLong kept = new AtomicLong();
    private final AtomicLong lastSuccess = new AtomicLong();
    private final Timer duration;
    private final Map<RunStatus, Counter> runs = new EnumMap<>(RunStatus.class);

    RetentionMetrics(MeterRegistry meters) {
        deleted = Counter.builder("pactport_retention_versions_deleted")
                .description("application versions deleted by the clean")
                .register(meters);
        meters.gauge("pactport_retention_versions_kept", kept);
        meters.gauge("pactport_retention_last_success_time_seconds", lastSuccess);
        duration = Timer.builder("pactport_retention_run_duration")
                .description("duration of clean runs")
                .register(meters);
        // every end from the start, so that the first failed run is an increase an alert sees
        for (RunStatus status : RunStatus.values()) {
            if (status != RunStatus.RUNNING) {
                runs.put(
                        status,
                        Counter.builder("pactport_retention_runs")
                                .tag("status", status.label())
                                .description("clean runs ended, by status")
                                .register(meters));
            }
        }
    }

    void deleted(int versions) {
        deleted.increment(versions);
    }

    void finished(Duration took, Long versionsKept, RunStatus status, Instant at) {
        duration.record(took);
        runs.get(status).increment();
        if (versionsKept != null) {
            kept.set(versionsKept);
        }
        if (status == RunStatus.SUCCEEDED) {
            lastSuccess.set(at.getEpochSecond());
        }
    }
}
