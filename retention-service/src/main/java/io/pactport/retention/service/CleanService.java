package io.pactport.retention.service;

import io.pactport.core.events.PactportEvent.RetentionRunCompleted;
import io.pactport.core.events.PactportEvent.RetentionVersionsDeleted;
import io.pactport.retention.messaging.RetentionOutbox;
import io.pactport.retention.model.DeletedVersion;
import io.pactport.retention.model.RetentionRun;
import io.pactport.retention.model.RunStatus;
import io.pactport.retention.model.RunTrigger;
import io.pactport.retention.repository.CleanRepository;
import io.pactport.retention.repository.KeepSelectorSql;
import io.pactport.retention.repository.RunRepository;
import io.pactport.retention.repository.SqlFragment;
import io.pactport.retention.selectors.CleanSettings;
import io.pactport.retention.selectors.KeepSelector;
import io.pactport.retention.selectors.KeepSelectors;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * One clean run, the Pact Broker's {@code pact_broker:db:clean} then {@code delete_overwritten_data}, reshaped so that
 * it never holds up broker-api: stale branches first (so a version kept only as the head of a stale branch goes in the
 * same run), then the oldest versions no keep selector selects, then overwritten publications, duplicate verifications,
 * orphan pact content and historical triggered webhooks; each in transactions of at most one batch, each statement
 * bounded by {@code statement_timeout}, with a pause between batches. A batch deletes its versions completely or not at
 * all, and writes its event in the same transaction. One run at a time across replicas: the Pact Broker's own clean
 * advisory lock, so a Ruby broker's clean and Pactport's never overlap either.
 *
 * <p>JDBC rather than the reactive client: a run is a long sequence of dependent statements on one connection (the
 * session lock, then one transaction per batch), on its own thread, never on the event loop.
 */
@ApplicationScoped
public class CleanService {

    /** The Pact Broker's clean lock: {@code Zlib.crc32("clean") % 2**31} (its {@code AdvisoryLock} for {@code :clean}). */
    static final long CLEAN_LOCK = 1_907_404_105L;
    /** Consecutive failed batches (lock or statement timeouts under load) after which a run gives up. */
    private static final int MAX_FAILED_BATCHES = 3;
    /** Version ids a run's summary event lists at most. */
    private static final int SUMMARY_IDS = 10_000;

    private static final Logger LOG = Logger.getLogger(CleanService.class);

    private final DataSource dataSource;
    private final CleanRepository clean;
    private final RunRepository runs;
    private final RetentionOutbox outbox;
    private final DryRunService dryRun;
    private final RetentionMetrics metrics;
    private final CleanSettings settings;
    private final Clock clock;
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile boolean stopping;

    CleanService(
            DataSource dataSource,
            CleanRepository clean,
            RunRepository runs,
            RetentionOutbox outbox,
            DryRunService dryRun,
            RetentionMetrics metrics,
            CleanSettings settings,
            Clock clock) {
        this.dataSource = dataSource;
        this.clean = clean;
        this.runs = runs;
        this.outbox = outbox;
        this.dryRun = dryRun;
        this.metrics = metrics;
        this.settings = settings;
        this.clock = clock;
    }

    /** A run recorded as started, not yet executed: this replica's run slot is taken until it is. */
    public record PreparedRun(
            long id, RunTrigger trigger, CleanSettings settings, List<KeepSelector> selectors, Instant startedAt) {}

    /** The configured settings. */
    public CleanSettings settings() {
        return settings;
    }

    /** Runs a clean with the configured settings on the calling thread. */
    public RetentionRun run(RunTrigger trigger) {
        return execute(prepare(trigger, settings));
    }

    /** Runs a clean with these settings on the calling thread. */
    public RetentionRun run(RunTrigger trigger, CleanSettings with) {
        return execute(prepare(trigger, with));
    }

    /**
     * Takes this replica's run slot and records the run as running.
     *
     * @throws CleanInProgressException when this replica is already running one
     */
    public PreparedRun prepare(RunTrigger trigger, CleanSettings with) {
        if (!running.compareAndSet(false, true)) {
            throw new CleanInProgressException();
        }
        try (Connection c = dataSource.getConnection()) {
            KeepSelectors.WithAlwaysKept keep = KeepSelectors.withAlwaysKept(with.keepVersionSelectors());
            Instant started = clock.instant();
            long id = runs.start(
                    c,
                    trigger,
                    with.dryRun(),
                    started.atOffset(ZoneOffset.UTC),
                    keep.selectors().stream().map(KeepSelector::toMap).toList());
            for (KeepSelector added : keep.added()) {
                log(with, "Automatically adding %s to keep version selectors", added.describe());
            }
            return new PreparedRun(id, trigger, with, keep.selectors(), started);
        } catch (SQLException | RuntimeException e) {
            running.set(false);
            throw e instanceof RuntimeException r ? r : new IllegalStateException("cannot record the run: " + e, e);
        }
    }

    /** Executes a prepared run to its end and releases the run slot; never throws for a failed run (it is recorded). */
    public RetentionRun execute(PreparedRun run) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            if (!tryLock(c)) {
                String message = "Clean was not performed as a clean is already in progress (another replica or a"
                        + " Pact Broker holds the clean lock)";
                LOG.info(message);
                return finish(c, run, RunStatus.SKIPPED, 0, null, null, message, List.of());
            }
            try {
                return run.settings().dryRun() ? executeDryRun(c, run) : executeClean(c, run);
            } finally {
                unlock(c);
            }
        } catch (SQLException | RuntimeException e) {
            LOG.errorf("clean run %d failed: %s", run.id(), e.getMessage());
            try (Connection c = dataSource.getConnection()) {
                return finish(c, run, RunStatus.FAILED, 0, null, null, String.valueOf(e.getMessage()), List.of());
            } catch (SQLException again) {
                LOG.errorf("cannot record the failure of clean run %d: %s", run.id(), again.getMessage());
                return null;
            }
        } finally {
            running.set(false);
        }
    }

    /** Whether this replica is running a clean now. */
    public boolean isRunning() {
        return running.get();
    }

    void onShutdown(@Observes ShutdownEvent event) {
        stop();
    }

    /** The batch in progress finishes (or rolls back with the connection); no new one starts. */
    public void stop() {
        stopping = true;
    }

    private RetentionRun executeDryRun(Connection c, PreparedRun run) throws SQLException {
        CleanSettings s = run.settings();
        log(
                s,
                "Deleting oldest %d versions, keeping versions that match the configured selectors %s",
                s.deletionLimit(),
                describe(run.selectors()));
        Map<String, Object> report;
        c.setAutoCommit(false);
        try {
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            c.setReadOnly(true);
            clean.bound(c, s.statementTimeout());
            report = dryRun.report(c, s, run.selectors(), LocalDateTime.now(clock.withZone(ZoneOffset.UTC)));
            c.commit();
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
            c.setReadOnly(false);
            c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> counts = (Map<String, Object>) report.get("counts");
        log(s, "Results %s", counts);
        return finish(c, run, RunStatus.SUCCEEDED, 0, (Long) counts.get("versionsToKeep"), report, null, List.of());
    }

    private RetentionRun executeClean(Connection c, PreparedRun run) throws SQLException {
        CleanSettings s = run.settings();
        LocalDateTime now = LocalDateTime.now(clock.withZone(ZoneOffset.UTC));
        LocalDateTime today = now.toLocalDate().atStartOfDay();
        log(
                s,
                "Deleting oldest %d versions, keeping versions that match the configured selectors %s",
                s.deletionLimit(),
                describe(run.selectors()));
        if (s.keepBranchSelectors().isEmpty()) {
            log(s, "Stale branch cleanup is disabled (no keep branch selectors configured)");
        } else {
            log(
                    s,
                    "Deleting stale branches that do not match the configured selectors (main branches are always"
                            + " kept) %s",
                    s.keepBranchSelectors());
        }
        Map<String, Long> before = clean.counts(c);
        Optional<String> checked = clean.whyNotUnchecked(c);
        log(
                s,
                "%s",
                checked.map(why -> "Deleting versions with PostgreSQL's foreign-key triggers, as " + why)
                        .orElse(
                                "Deleting versions without PostgreSQL's foreign-key triggers: each batch locks, deletes and"
                                        + " unlinks what they would, in bulk"));
        Batches batches = new Batches(c, s);
        Deleted deleted = new Deleted();
        RunStatus status = RunStatus.SUCCEEDED;
        try {
            if (!s.keepBranchSelectors().isEmpty()) {
                SqlFragment kept = KeepSelectorSql.branchKept(s.keepBranchSelectors(), "b", today);
                batches.pages(
                        "stale branches",
                        s.branchDeletionLimit(),
                        null,
                        null,
                        size -> clean.deleteStaleBranches(c, kept, size));
            }
            deleteVersions(
                    batches, run, KeepSelectorSql.anyOf(run.selectors(), "v", today), checked.isEmpty(), deleted);
            LocalDateTime cutOff = now.minusDays(s.overwrittenDataMaxAgeDays());
            log(
                    s,
                    "Deleting overwritten pact publications and verifications older than %d days",
                    s.overwrittenDataMaxAgeDays());
            batches.pages(
                    "overwritten pact publications",
                    s.deletionLimit(),
                    (after, size) -> clean.lockOverwrittenPublications(c, cutOff, after, size),
                    ids -> clean.deletePublications(c, ids),
                    null);
            batches.pages(
                    "duplicate verifications",
                    s.deletionLimit(),
                    (after, size) -> clean.lockDuplicateVerifications(c, cutOff, after, size),
                    ids -> clean.deleteVerifications(c, ids),
                    null);
            batches.pages(
                    "orphan pact versions",
                    Integer.MAX_VALUE,
                    (after, size) -> clean.lockOrphanPactVersions(c, after, size),
                    ids -> clean.deleteOrphanPactVersions(c, ids),
                    null);
            batches.pages(
                    "historical triggered webhooks",
                    s.deletionLimit(),
                    (after, size) -> clean.lockHistoricalTriggeredWebhooks(c, cutOff, after, size),
                    ids -> clean.deleteTriggeredWebhooks(c, ids),
                    null);
            if (stopping) {
                status = RunStatus.STOPPED;
            }
        } catch (SQLException | RuntimeException e) {
            LOG.errorf("clean run %d stopped after %d versions: %s", run.id(), deleted.size(), e.getMessage());
            status = RunStatus.FAILED;
            Map<String, Object> partial = Map.of("versionsDeleted", deleted.size());
            return finish(c, run, status, deleted.size(), null, partial, e.getMessage(), deleted.ids);
        }
        Map<String, Long> after = clean.counts(c);
        Map<String, Object> result = new LinkedHashMap<>();
        for (String table : CleanRepository.TABLES) {
            result.put(table, Map.of("deleted", before.get(table) - after.get(table), "kept", after.get(table)));
        }
        log(
                s,
                "Results (%d seconds) %s",
                Duration.between(run.startedAt(), clock.instant()).toSeconds(),
                result);
        return finish(
                c,
                run,
                status,
                deleted.size(),
                after.get("versions"),
                result,
                status == RunStatus.STOPPED ? "stopped between two batches by the shutdown" : null,
                deleted.ids);
    }

    private void deleteVersions(Batches batches, PreparedRun run, SqlFragment keep, boolean unchecked, Deleted deleted)
            throws SQLException {
        Connection c = batches.connection;
        CleanSettings s = run.settings();
        // the cursor moves on only when a batch commits: a rolled-back batch's versions are picked again
        long[] cursor = {0, 0};
        while (deleted.size() < s.deletionLimit() && !stopping) {
            int size = Math.min(s.batchSize(), s.deletionLimit() - deleted.size());
            List<DeletedVersion> batch = batches.transaction("versions", () -> {
                List<Long> picked = clean.lockNextUnselected(c, keep, cursor[0], size);
                if (picked.isEmpty()) {
                    return null;
                }
                cursor[1] = picked.get(picked.size() - 1);
                // the pick saw the data as of its start; writes committed since, before the lock, count too
                List<DeletedVersion> versions = clean.stillUnselected(c, keep, picked);
                if (versions.isEmpty()) {
                    return List.of();
                }
                clean.deleteVersions(
                        c, versions.stream().map(DeletedVersion::id).toList(), unchecked);
                Map<String, List<RetentionVersionsDeleted.DeletedVersion>> byPacticipant = new TreeMap<>();
                for (DeletedVersion v : versions) {
                    byPacticipant
                            .computeIfAbsent(v.pacticipant(), k -> new ArrayList<>())
                            .add(new RetentionVersionsDeleted.DeletedVersion(v.id(), v.number()));
                }
                for (var entry : byPacticipant.entrySet()) {
                    outbox.append(c, new RetentionVersionsDeleted(run.id(), entry.getKey(), entry.getValue()));
                }
                return versions;
            });
            if (batch == null) {
                if (batches.lastFailed) {
                    continue;
                }
                break;
            }
            cursor[0] = cursor[1];
            deleted.addAll(batch);
            metrics.deleted(batch.size());
            if (!batch.isEmpty()) {
                log(s, "Deleted %d of at most %d versions (run %d)", deleted.size(), s.deletionLimit(), run.id());
            }
            batches.pause();
        }
    }

    /** The versions a run deleted: how many, and the first {@value #SUMMARY_IDS} ids, which its summary event lists. */
    private static final class Deleted {
        private final List<Long> ids = new ArrayList<>();
        private int count;

        void addAll(List<DeletedVersion> batch) {
            count += batch.size();
            for (DeletedVersion version : batch) {
                if (ids.size() < SUMMARY_IDS) {
                    ids.add(version.id());
                }
            }
        }

        int size() {
            return count;
        }
    }

    /** Runs bounded transactions on the run's connection, with the pause and the failure budget. */
    private final class Batches {
        private final Connection connection;
        private final CleanSettings settings;
        private int failures;
        private boolean lastFailed;
        /** How long the last transaction took, begin to commit or rollback: what the next pause is measured against. */
        private long lastNanos;

        Batches(Connection connection, CleanSettings settings) throws SQLException {
            this.connection = connection;
            this.settings = settings;
            connection.setAutoCommit(false);
        }

        /** The work's result, committed; null when the batch failed within the budget (rolled back, to be retried). */
        <T> T transaction(String what, SqlWork<T> work) throws SQLException {
            long start = System.nanoTime();
            try {
                clean.bound(connection, settings.statementTimeout());
                T result = work.run();
                connection.commit();
                lastNanos = System.nanoTime() - start;
                failures = 0;
                lastFailed = false;
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                lastNanos = System.nanoTime() - start;
                failures++;
                lastFailed = true;
                if (failures >= MAX_FAILED_BATCHES) {
                    throw e;
                }
                LOG.warnf("a batch of %s was rolled back (%s); trying again after a pause", what, e.getMessage());
                pause();
                return null;
            }
        }

        /**
         * Deletes rows page by page until {@code limit} or none is left: either {@code lock} picks a page and
         * {@code delete} removes it, or (for branches) {@code deleteUpTo} does both in one statement.
         */
        void pages(String what, int limit, Pager lock, Deleter delete, DeleteUpTo deleteUpTo) throws SQLException {
            long[] cursor = {0, 0};
            int done = 0;
            while (done < limit && !stopping) {
                int size = Math.min(settings.batchSize(), limit - done);
                Integer count = transaction(what, () -> {
                    if (deleteUpTo != null) {
                        return deleteUpTo.delete(size);
                    }
                    List<Long> ids = lock.lock(cursor[0], size);
                    if (ids.isEmpty()) {
                        return 0;
                    }
                    cursor[1] = ids.get(ids.size() - 1);
                    delete.delete(ids);
                    return ids.size();
                });
                if (count == null) {
                    continue;
                }
                if (count == 0) {
                    break;
                }
                cursor[0] = cursor[1];
                done += count;
                pause();
            }
            if (done > 0) {
                log(settings, "Deleted %d %s", done, what);
            }
        }

        /**
         * Paces the run by the database's own speed: after a batch that took t, at least {@code batchPauseRatio * t}
         * (and at least {@code batchPause}), so however loaded the database is, the API keeps its share of the time.
         */
        void pause() {
            long millis = Math.max(
                    settings.batchPause().toMillis(), Math.round(settings.batchPauseRatio() * lastNanos / 1_000_000.0));
            if (millis <= 0 || stopping) {
                return;
            }
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stopping = true;
            }
        }
    }

    @FunctionalInterface
    private interface SqlWork<T> {
        T run() throws SQLException;
    }

    @FunctionalInterface
    private interface Pager {
        List<Long> lock(long afterId, int size) throws SQLException;
    }

    @FunctionalInterface
    private interface Deleter {
        int delete(List<Long> ids) throws SQLException;
    }

    @FunctionalInterface
    private interface DeleteUpTo {
        int delete(int size) throws SQLException;
    }

    /** Records the end of the run and its summary event in one transaction, and updates the meters. */
    private RetentionRun finish(
            Connection c,
            PreparedRun run,
            RunStatus status,
            int versionsDeleted,
            Long kept,
            Map<String, Object> result,
            String message,
            List<Long> deletedIds)
            throws SQLException {
        Instant finished = clock.instant();
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            runs.finish(c, run.id(), status, finished.atOffset(ZoneOffset.UTC), versionsDeleted, kept, result, message);
            if (status != RunStatus.SKIPPED) {
                // every id is in the batches' own events; a summary of a million would outgrow a Kafka message
                outbox.append(
                        c,
                        new RetentionRunCompleted(
                                run.id(),
                                run.trigger().label(),
                                run.settings().dryRun(),
                                status.label(),
                                run.startedAt(),
                                finished,
                                Duration.between(run.startedAt(), finished).toMillis(),
                                versionsDeleted,
                                deletedIds,
                                deletedIds.size() == versionsDeleted,
                                run.selectors().stream()
                                        .map(KeepSelector::toMap)
                                        .toList(),
                                run.settings().dryRun() ? null : result));
            }
            c.commit();
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
        metrics.finished(Duration.between(run.startedAt(), finished), kept, status, finished);
        return runs.find(c, run.id()).orElseThrow();
    }

    private static boolean tryLock(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            s.setLong(1, CLEAN_LOCK);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private static void unlock(Connection c) throws SQLException {
        if (!c.getAutoCommit()) {
            c.rollback();
            c.setAutoCommit(true);
        }
        try (PreparedStatement s = c.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            s.setLong(1, CLEAN_LOCK);
            s.execute();
        }
    }

    private static String describe(List<KeepSelector> selectors) {
        return selectors.stream().map(KeepSelector::describe).toList().toString();
    }

    private static void log(CleanSettings s, String format, Object... args) {
        LOG.info((s.dryRun() ? "[DRY RUN] " : "") + String.format(format, args));
    }
}
