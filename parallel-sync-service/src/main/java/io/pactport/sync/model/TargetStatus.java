package io.pactport.sync.model;

import java.time.Instant;
import java.util.List;

/**
 * A target as {@code GET /sync/targets} shows it: its settings (never its credentials) and its counters.
 * {@code deadLettered} counts the dead-letterings since the start, {@code deadLettersWaiting} the target's letters in
 * the DLQ that no re-drive has tried yet (null when Kafka did not answer in time); {@code lastError} is the last failed
 * try or dead-lettering, kept after later successes, with {@code lastErrorAt}.
 */
public record TargetStatus(
        String name,
        String url,
        boolean enabled,
        List<String> events,
        boolean cutover,
        String credentials,
        long delivered,
        long retried,
        long deadLettered,
        Long deadLettersWaiting,
        long skipped,
        long lagEvents,
        double lagSeconds,
        String lastError,
        Instant lastErrorAt) {}
