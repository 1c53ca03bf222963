package io.pactport.retention.service;

import io.pactport.retention.model.RetentionRun;
import io.pactport.retention.model.RunStatus;
import io.pactport.retention.model.RunTrigger;
import io.pactport.retention.selectors.CleanSettings;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Starts runs: at the unix cron schedule ({@code PACTFLOW_DATABASE_CLEAN_CRON_SCHEDULE}, in the JVM's time zone, as
 * cron in the Pact Broker's image uses the container's), and, in catch-up mode, every catch-up interval while each run
 * still finds a full deletion limit to delete. Runs execute one at a time on a thread of their own.
 */
@Startup
@ApplicationScoped
public class CleanScheduler {

    private static final Logger LOG = Logger.getLogger(CleanScheduler.class);

    private final CleanService clean;
    private final CleanSettings settings;
    private final Clock clock;
    private final ZoneId zone = ZoneId.systemDefault();
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "retention-run");
        thread.setDaemon(true);
        return thread;
    });
    private LocalDateTime lastCheck;
    private Instant catchUpAt;

    CleanScheduler(CleanService clean, CleanSettings settings, Clock clock) {
        this.clean = clean;
        this.settings = settings;
        this.clock = clock;
        if (!settings.enabled()) {
            LOG.info("The scheduled clean is off (PACTFLOW_DATABASE_CLEAN_ENABLED is not true); POST /retention/runs"
                    + " still runs one");
            return;
        }
        settings.catchUpInterval().ifPresent(interval -> catchUpAt = clock.instant());
        LOG.infof(
                "The clean runs at \"%s\" (%s)%s%s",
                settings.cronSchedule(),
                zone,
                settings.catchUpInterval()
                        .map(i -> ", catching up every " + i.toSeconds() + "s until nothing is left")
                        .orElse(""),
                settings.dryRun() ? ", as a dry run" : "");
    }

    /** When the schedule next starts a run after {@code now}, in the schedule's zone; empty when it is off. */
    public Optional<ZonedDateTime> nextRun(Instant now) {
        if (!settings.enabled()) {
            return Optional.empty();
        }
        return settings.cronSchedule().next(LocalDateTime.ofInstant(now, zone)).map(next -> next.atZone(zone));
    }

    @Scheduled(every = "15s", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void trigger() {
        due(clock.instant(), clean.isRunning()).ifPresent(this::submit);
    }

    /**
     * The run that is due at {@code now}, if any; each cron minute and catch-up time is due once.
     *
     * @param running whether this replica is running a clean (a catch-up run then waits for the next tick)
     */
    synchronized Optional<RunTrigger> due(Instant now, boolean running) {
        if (!settings.enabled()) {
            return Optional.empty();
        }
        LocalDateTime local = LocalDateTime.ofInstant(now, zone);
        LocalDateTime previous = lastCheck;
        lastCheck = local;
        if (catchUpAt != null && !now.isBefore(catchUpAt) && !running) {
            catchUpAt = null;
            return Optional.of(RunTrigger.CATCH_UP);
        }
        if (previous == null) {
            return Optional.empty();
        }
        // the first cron minute after the previous check's minute, if it has come
        Optional<LocalDateTime> next = settings.cronSchedule().next(previous);
        boolean fired = next.isPresent() && !next.get().isAfter(local);
        return fired ? Optional.of(RunTrigger.SCHEDULE) : Optional.empty();
    }

    /** Executes a run on the run thread; a run already going on this replica wins. */
    void submit(RunTrigger trigger) {
        CleanService.PreparedRun prepared;
        try {
            prepared = clean.prepare(trigger, settings);
        } catch (CleanInProgressException e) {
            LOG.infof("The %s clean was not started: %s", trigger.label(), e.getMessage());
            return;
        } catch (RuntimeException e) {
            LOG.errorf("The %s clean could not start: %s", trigger.label(), e.getMessage());
            return;
        }
        execute(prepared);
    }

    /** Executes a prepared run on the run thread. */
    public void execute(CleanService.PreparedRun prepared) {
        runner.execute(() -> afterRun(clean.execute(prepared)));
    }

    /** Catch-up continues while its runs delete a full limit (then more is probably left), or fail. */
    synchronized void afterRun(RetentionRun run) {
        Optional<Duration> interval = settings.catchUpInterval();
        if (run == null || interval.isEmpty() || run.trigger() != RunTrigger.CATCH_UP) {
            return;
        }
        boolean more = run.status() == RunStatus.SUCCEEDED && run.versionsDeleted() >= settings.deletionLimit();
        if (more || run.status() == RunStatus.FAILED || run.status() == RunStatus.STOPPED) {
            catchUpAt = clock.instant().plus(interval.get());
        } else {
            LOG.info("Catch-up finished: nothing more to delete; the cron schedule takes over");
        }
    }

    /** When the next catch-up run is due; null when catch-up is over (or off). */
    synchronized Instant catchUpAt() {
        return catchUpAt;
    }

    void onShutdown(@Observes ShutdownEvent event) throws InterruptedException {
        // before waiting: the order in which observers of the same event are told is not defined
        clean.stop();
        runner.shutdown();
        // the batch in progress finishes; a statement cannot outlast its timeout
        if (!runner.awaitTermination(settings.statementTimeout().toSeconds() + 5, TimeUnit.SECONDS)) {
            LOG.warn("The clean did not stop in time; its open batch rolls back with the connection");
        }
    }
}
