package io.pactport.api.operations;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What retention-service's {@code /retention} answers, as the operations page reads it. */
public final class RetentionViews {

    private RetentionViews() {}

    /** {@code GET /retention/schedule}. */
    public record Schedule(
            boolean enabled,
            String cronSchedule,
            OffsetDateTime nextRunAt,
            boolean dryRun,
            int deletionLimit,
            List<JsonNode> keepVersionSelectors,
            String catchUpInterval) {

        public List<String> selectors() {
            return keepVersionSelectors.stream().map(JsonNode::toString).toList();
        }
    }

    /** One run of {@code GET /retention/runs}; {@code result} is per table {@code {"deleted","kept"}} or a dry run's report. */
    public record Run(
            long id,
            String trigger,
            boolean dryRun,
            String status,
            OffsetDateTime startedAt,
            OffsetDateTime finishedAt,
            Long durationMillis,
            int versionsDeleted,
            Long versionsKept,
            JsonNode result,
            String message) {

        /** What the run deleted, per table that lost rows ("versions: 12"); a dry run deleted nothing. */
        public List<String> deleted() {
            List<String> deleted = new ArrayList<>();
            if (!dryRun && result != null && result.isObject()) {
                result.fields().forEachRemaining(table -> {
                    long count = table.getValue().path("deleted").asLong();
                    if (count > 0) {
                        deleted.add(table.getKey() + ": " + count);
                    }
                });
            }
            return deleted;
        }
    }

    /** {@code GET /retention/runs}. */
    public record Runs(List<Run> runs) {}

    /** {@code POST /retention/preview}'s report. */
    public record Preview(
            Counts counts,
            Map<String, PacticipantSummary> versionSummary,
            Map<String, Overwritten> overwrittenData,
            List<JsonNode> automaticallyAddedSelectors) {

        public List<Pacticipant> pacticipants() {
            return versionSummary == null
                    ? List.of()
                    : versionSummary.entrySet().stream()
                            .map(e -> new Pacticipant(e.getKey(), e.getValue()))
                            .toList();
        }

        public List<Kind> overwritten() {
            return overwrittenData == null
                    ? List.of()
                    : overwrittenData.entrySet().stream()
                            .map(e -> new Kind(
                                    e.getKey(),
                                    e.getValue().toDelete(),
                                    e.getValue().toKeep()))
                            .toList();
        }

        public List<String> added() {
            return automaticallyAddedSelectors == null
                    ? List.of()
                    : automaticallyAddedSelectors.stream()
                            .map(JsonNode::toString)
                            .toList();
        }
    }

    public record Counts(
            long totalVersions,
            long versionsToDelete,
            long versionsNotToKeep,
            long versionsToKeep,
            List<SelectorCount> versionsToKeepBySelector,
            long totalBranches,
            long branchesToDelete,
            long branchesToKeep) {}

    /** How many versions one selector keeps. */
    public record SelectorCount(JsonNode selector, long count) {

        public String text() {
            return selector.toString();
        }
    }

    public record PacticipantSummary(Side toDelete, Side toKeep) {}

    /** One side of a pacticipant's versions: those a run would delete (from, to) or keep (first, latest). */
    public record Side(
            long count,
            VersionInfo fromVersion,
            VersionInfo toVersion,
            VersionInfo firstVersion,
            VersionInfo latestVersion) {}

    public record VersionInfo(String number, String created, List<String> tags) {}

    public record Overwritten(long toDelete, long toKeep) {}

    /** A pacticipant's line of the preview. */
    public record Pacticipant(String name, PacticipantSummary summary) {}

    /** A kind of overwritten data and what a run would delete of it. */
    public record Kind(String name, long toDelete, long toKeep) {}
}
