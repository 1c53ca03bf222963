package io.pactport.retention.service;

import io.pactport.core.time.TimeInWords;
import io.pactport.retention.repository.CleanRepository;
import io.pactport.retention.repository.DryRunRepository;
import io.pactport.retention.repository.DryRunRepository.VersionRow;
import io.pactport.retention.repository.KeepSelectorSql;
import io.pactport.retention.repository.SqlFragment;
import io.pactport.retention.selectors.BranchSelector;
import io.pactport.retention.selectors.CleanSettings;
import io.pactport.retention.selectors.KeepSelector;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The dry-run report: the Pact Broker's {@code dry_run_results} JSON (counts, then per pacticipant what this run would
 * delete and keep), with its swapped labels fixed ({@code firstVersion} is the oldest version kept, {@code latestVersion}
 * the newest), plus what the overwritten-data step would delete. As in the Pact Broker, "toKeep" is what remains after
 * this run, so versions beyond the deletion limit count as kept; {@code versionsNotToKeep} counts them all.
 */
@ApplicationScoped
public class DryRunService {

    private final DryRunRepository dryRun;
    private final CleanRepository clean;

    DryRunService(DryRunRepository dryRun, CleanRepository clean) {
        this.dryRun = dryRun;
        this.clean = clean;
    }

    /**
     * @param selectors the keep selectors as the run uses them (always-kept ones included)
     * @param now the current UTC time
     */
    public Map<String, Object> report(
            Connection c, CleanSettings settings, List<KeepSelector> selectors, LocalDateTime now) throws SQLException {
        LocalDateTime today = now.toLocalDate().atStartOfDay();
        // the run deletes stale branches first, so a version kept only through one of them goes in the same run
        List<Long> staleBranches = settings.keepBranchSelectors().isEmpty()
                ? List.of()
                : clean.staleBranches(
                        c,
                        KeepSelectorSql.branchKept(settings.keepBranchSelectors(), "b", today),
                        settings.branchDeletionLimit());
        SqlFragment keep = KeepSelectorSql.anyOf(selectors, "v", today, staleBranches);
        List<SqlFragment> each = selectors.stream()
                .map(s -> KeepSelectorSql.of(s, "v", today, staleBranches))
                .toList();
        List<Long> kept = dryRun.keptCounts(c, each, keep);
        long total = kept.get(kept.size() - 1);
        long toKeep = kept.get(kept.size() - 2);

        List<VersionRow> rows = dryRun.summary(c, keep, settings.deletionLimit());
        long toDelete = rows.stream()
                .filter(r -> r.doomed() && r.first())
                .mapToLong(VersionRow::count)
                .sum();

        List<Map<String, Object>> bySelector = new ArrayList<>();
        for (int i = 0; i < selectors.size(); i++) {
            bySelector.add(ordered("selector", selectors.get(i).toMap(), "count", kept.get(i)));
        }
        long totalBranches = clean.counts(c).get("branches");
        long branchesToDelete = staleBranches.size();

        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("totalVersions", total);
        counts.put("versionsToDelete", toDelete);
        counts.put("versionsNotToKeep", total - toKeep);
        counts.put("versionsToKeep", toKeep);
        counts.put("versionsToKeepBySelector", bySelector);
        counts.put("totalBranches", totalBranches);
        counts.put("branchesToDelete", branchesToDelete);
        counts.put("branchesToKeep", totalBranches - branchesToDelete);

        Map<String, Object> report = new LinkedHashMap<>();
        report.put("counts", counts);
        report.put("versionSummary", versionSummary(c, rows, now));
        report.put("overwrittenData", overwritten(c, settings, now));
        report.put(
                "keepVersionSelectors",
                selectors.stream().map(KeepSelector::toMap).toList());
        report.put(
                "keepBranchSelectors",
                settings.keepBranchSelectors().stream()
                        .map(BranchSelector::toMap)
                        .toList());
        return report;
    }

    private Map<String, Object> versionSummary(Connection c, List<VersionRow> rows, LocalDateTime now)
            throws SQLException {
        Map<String, Object> summary = new LinkedHashMap<>();
        for (Map.Entry<Long, String> pacticipant : dryRun.pacticipants(c).entrySet()) {
            long id = pacticipant.getKey();
            summary.put(
                    pacticipant.getValue(),
                    ordered(
                            "toDelete", side(rows, id, true, "fromVersion", "toVersion", now),
                            "toKeep", side(rows, id, false, "firstVersion", "latestVersion", now)));
        }
        return summary;
    }

    private static Map<String, Object> side(
            List<VersionRow> rows,
            long pacticipantId,
            boolean doomed,
            String firstLabel,
            String lastLabel,
            LocalDateTime now) {
        Map<String, Object> side = new LinkedHashMap<>();
        side.put("count", 0L);
        for (VersionRow row : rows) {
            if (row.pacticipantId() == pacticipantId && row.doomed() == doomed) {
                side.put("count", row.count());
                if (row.first()) {
                    side.put(firstLabel, info(row, now));
                }
                if (row.last()) {
                    side.put(lastLabel, info(row, now));
                }
            }
        }
        if (side.containsKey(firstLabel) && side.containsKey(lastLabel)) {
            // keep the order first, last whatever order the rows came in
            Object last = side.remove(lastLabel);
            side.put(lastLabel, last);
        }
        return side;
    }

    private static Map<String, Object> info(VersionRow row, LocalDateTime now) {
        return ordered(
                "number",
                row.number(),
                "created",
                TimeInWords.of(Duration.between(row.createdAt(), now)) + " ago",
                "tags",
                row.tags());
    }

    private Map<String, Object> overwritten(Connection c, CleanSettings settings, LocalDateTime now)
            throws SQLException {
        Map<String, Object> out = new LinkedHashMap<>();
        LocalDateTime cutOff = now.minusDays(settings.overwrittenDataMaxAgeDays());
        for (Map.Entry<String, long[]> kind :
                dryRun.overwritten(c, cutOff, settings.deletionLimit()).entrySet()) {
            long toDelete = kind.getValue()[0];
            out.put(kind.getKey(), ordered("toDelete", toDelete, "toKeep", kind.getValue()[1] - toDelete));
        }
        return out;
    }

    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
