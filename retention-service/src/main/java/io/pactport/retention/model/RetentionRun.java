package io.pactport.retention.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;

/**
 * One clean run, as {@code GET /retention/runs} lists it.
 *
 * @param versionsKept versions left after the run (null while it runs, or when it was skipped)
 * @param selectors the keep selectors used, the always-kept ones included
 * @param result per table {@code {"deleted","kept"}}, or the dry-run report
 */
public record RetentionRun(
        long id,
        RunTrigger trigger,
        boolean dryRun,
        RunStatus status,
        OffsetDateTime startedAt,
        OffsetDateTime finishedAt,
        Long durationMillis,
        int versionsDeleted,
        Long versionsKept,
        JsonNode selectors,
        JsonNode result,
        String message) {}
