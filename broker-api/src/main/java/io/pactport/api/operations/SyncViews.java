package io.pactport.api.operations;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What parallel-sync-service's {@code /sync} and {@code /cutover} answer, as the operations pages read it. */
public final class SyncViews {

    private SyncViews() {}

    /** One old broker's sync ({@code GET /sync/targets}). */
    public record Target(
            String name,
            String url,
            boolean enabled,
            boolean cutover,
            long delivered,
            long retried,
            long deadLettered,
            Long deadLettersWaiting,
            long skipped,
            long lagEvents,
            double lagSeconds,
            String lastError,
            Instant lastErrorAt) {

        /** The lag in seconds, to a tenth. */
        public String lag() {
            return String.format(java.util.Locale.ROOT, "%.1f", lagSeconds);
        }
    }

    /** One target's re-drive ({@code POST /sync/dlq/redrive}). */
    public record Redriven(String target, int delivered, int deadLetteredAgain, int skipped, int notTried) {}

    /** Readiness of every old broker ({@code GET /cutover}). */
    public record Readiness(boolean ready, List<TargetReadiness> targets) {}

    /** One old broker compared with Pactport; {@code error} when it could not be read. */
    public record TargetReadiness(
            String target, boolean ready, int productionVersions, int missingCount, List<Gap> missing, String error) {}

    /** Something of an old broker's production versions that Pactport lacks. */
    public record Gap(String kind, String pacticipant, String version, String detail) {}

    /** What a backfill copied per old broker, and what Pactport refused ({@code POST /cutover/backfill}). */
    public record Backfill(Map<String, Integer> written, Map<String, List<String>> refused) {

        public int writtenCount() {
            return written == null
                    ? 0
                    : written.values().stream().mapToInt(Integer::intValue).sum();
        }

        public int refusedCount() {
            return refused == null
                    ? 0
                    : refused.values().stream().mapToInt(List::size).sum();
        }
    }

    /** Recent can-i-deploy questions asked of the old brokers and Pactport again ({@code GET /cutover/shadow}). */
    public record Shadow(String questions, int asked, int disagreements, List<Comparison> comparisons) {

        public List<Comparison> disagreeing() {
            return comparisons == null
                    ? List.of()
                    : comparisons.stream().filter(c -> !c.agree()).toList();
        }
    }

    /** The two answers to one question; a null answer is no answer. */
    public record Comparison(
            String target,
            Question question,
            Boolean old,
            Boolean pactport,
            String oldReason,
            String pactportReason,
            boolean agree) {}

    /** Can {@code version} of {@code pacticipant} be deployed to {@code environment} (or the {@code to} tag)? */
    public record Question(String pacticipant, String version, String environment, String to) {

        public String where() {
            return environment != null ? environment : "tag " + to;
        }
    }
}
