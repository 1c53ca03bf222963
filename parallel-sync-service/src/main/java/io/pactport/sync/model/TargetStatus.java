package io.pactport.sync.model;

import java.util.List;

/** A target as {@code GET /sync/targets} shows it: its settings (never its credentials) and its counters. */
public record TargetStatus(String name, String url, boolean enabled, List<String> events, boolean cutover,
        String credentials, long delivered, long retried, long deadLettered, long skipped, long lagEvents,
        double lagSeconds, String lastError) {
}
