package io.pactport.retention.resource;

import io.pactport.core.errors.InvalidRequestException;
import io.pactport.retention.config.CleanConfiguration.BranchDeletionLimit;
import io.pactport.retention.model.RetentionRun;
import io.pactport.retention.model.RunTrigger;
import io.pactport.retention.repository.RunRepository;
import io.pactport.retention.selectors.CleanSettings;
import io.pactport.retention.selectors.KeepSelector;
import io.pactport.retention.selectors.KeepSelectors;
import io.pactport.retention.service.CleanScheduler;
import io.pactport.retention.service.CleanService;
import io.pactport.retention.service.DryRunService;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The clean over HTTP (JDBC underneath, so these run on worker threads): preview any selectors, start a run, list runs.
 */
@Path("/retention")
@Produces(MediaType.APPLICATION_JSON)
public class RetentionResource {

    private static final int MAX_LIMIT = 100_000;

    private final CleanService clean;
    private final CleanScheduler scheduler;
    private final DryRunService dryRun;
    private final RunRepository runs;
    private final DataSource dataSource;
    private final Clock clock;
    private final BranchDeletionLimit branchLimit;

    RetentionResource(
            CleanService clean,
            CleanScheduler scheduler,
            DryRunService dryRun,
            RunRepository runs,
            DataSource dataSource,
            Clock clock,
            BranchDeletionLimit branchLimit) {
        this.clean = clean;
        this.scheduler = scheduler;
        this.dryRun = dryRun;
        this.runs = runs;
        this.dataSource = dataSource;
        this.clock = clock;
        this.branchLimit = branchLimit;
    }

    /**
     * The dry-run report for these keep selectors (a JSON array as in {@code PACTFLOW_DATABASE_CLEAN_KEEP_VERSION_SELECTORS};
     * no body: the configured ones), with the always-kept ones added as a run would. Reads only, in one snapshot.
     */
    @POST
    @Path("/preview")
    @Consumes(MediaType.WILDCARD)
    public Map<String, Object> preview(String body, @QueryParam("limit") Integer limit) throws SQLException {
        CleanSettings settings = clean.settings();
        List<KeepSelector> selectors =
                body == null || body.isBlank() ? settings.keepVersionSelectors() : KeepSelectors.parse(body);
        if (limit != null) {
            if (limit < 1 || limit > MAX_LIMIT) {
                throw InvalidRequestException.of(
                        "limit", "limit must be between 1 and " + MAX_LIMIT + ", not " + limit);
            }
            settings = withDeletionLimit(settings, limit);
        }
        KeepSelectors.WithAlwaysKept keep = KeepSelectors.withAlwaysKept(selectors);
        Map<String, Object> report = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            c.setReadOnly(true);
            try {
                report.putAll(dryRun.report(
                        c, settings, keep.selectors(), LocalDateTime.now(clock.withZone(ZoneOffset.UTC))));
            } finally {
                c.rollback();
            }
        }
        report.put(
                "automaticallyAddedSelectors",
                keep.added().stream().map(KeepSelector::toMap).toList());
        return report;
    }

    /** The settings with another version limit; the branch limit follows it unless it is configured. */
    private CleanSettings withDeletionLimit(CleanSettings s, int limit) {
        return new CleanSettings(
                s.enabled(),
                s.cronSchedule(),
                s.keepVersionSelectors(),
                limit,
                s.overwrittenDataMaxAgeDays(),
                s.dryRun(),
                s.keepBranchSelectors(),
                branchLimit.configured() ? s.branchDeletionLimit() : limit,
                s.batchSize(),
                s.batchPause(),
                s.batchPauseRatio(),
                s.statementTimeout(),
                s.catchUpInterval());
    }

    /**
     * The schedule as configured: whether it runs, its cron expression and zone, when it next runs, and the settings
     * a scheduled run uses. Reads only.
     */
    @GET
    @Path("/schedule")
    public Map<String, Object> schedule() {
        CleanSettings settings = clean.settings();
        Map<String, Object> schedule = new LinkedHashMap<>();
        schedule.put("enabled", settings.enabled());
        schedule.put("cronSchedule", settings.cronSchedule().expression());
        schedule.put(
                "nextRunAt",
                scheduler
                        .nextRun(clock.instant())
                        .map(ZonedDateTime::toOffsetDateTime)
                        .orElse(null));
        schedule.put("dryRun", settings.dryRun());
        schedule.put("deletionLimit", settings.deletionLimit());
        schedule.put(
                "keepVersionSelectors",
                settings.keepVersionSelectors().stream()
                        .map(KeepSelector::toMap)
                        .toList());
        schedule.put(
                "catchUpInterval",
                settings.catchUpInterval().map(Duration::toString).orElse(null));
        return schedule;
    }

    /** Starts a run with the configured settings now; 202 with the run, 409 when this replica is already running one. */
    @POST
    @Path("/runs")
    @Consumes(MediaType.WILDCARD)
    public RestResponse<RetentionRun> start() throws SQLException {
        CleanService.PreparedRun prepared = clean.prepare(RunTrigger.HTTP, clean.settings());
        RetentionRun run;
        try (Connection c = dataSource.getConnection()) {
            run = runs.find(c, prepared.id()).orElseThrow();
        } finally {
            scheduler.execute(prepared);
        }
        return RestResponse.ResponseBuilder.<RetentionRun>create(RestResponse.Status.ACCEPTED, run)
                .location(URI.create("/retention/runs/" + run.id()))
                .build();
    }

    /** Past runs, newest first. */
    @GET
    @Path("/runs")
    public Map<String, Object> list(@QueryParam("limit") Integer limit) throws SQLException {
        int size = limit == null ? 50 : limit;
        if (size < 1 || size > 1000) {
            throw InvalidRequestException.of("limit", "limit must be between 1 and 1000, not " + size);
        }
        try (Connection c = dataSource.getConnection()) {
            return Map.of("runs", runs.list(c, size));
        }
    }

    @GET
    @Path("/runs/{id}")
    public RetentionRun get(@PathParam("id") long id) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return runs.find(c, id).orElseThrow(() -> new NotFoundException("No clean run with id " + id));
        }
    }
}
