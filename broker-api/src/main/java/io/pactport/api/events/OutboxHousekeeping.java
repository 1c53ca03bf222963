package io.pactport.api.events;

import io.micrometer.core.instrument.MeterRegistry;
import io.pactport.api.config.ApiConfig;
import io.pactport.api.db.DatabaseSchedule;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * The outbox's upkeep beside the relay: the backlog gauge and the pruning of sent rows. Apart from {@link OutboxRelay}
 * because these schedules may fire before reactive messaging is wired, and the relay must not be created before then
 * (its emitter needs the channel). Created at start so that the gauge is exposed from the first scrape.
 */
@Startup
@ApplicationScoped
public class OutboxHousekeeping {

    private static final Logger LOG = Logger.getLogger(OutboxHousekeeping.class);
    private static final String BACKLOG = "SELECT count(*) AS backlog FROM pactport_outbox WHERE sent_at IS NULL";
    private static final String DETAIL = """
            SELECT count(*) AS unsent, min(created_at) AS oldest, count(*) FILTER (WHERE attempts > 0) AS failing,
                   (SELECT last_error FROM pactport_outbox WHERE sent_at IS NULL AND last_error IS NOT NULL
                     ORDER BY id LIMIT 1) AS last_error,
                   (SELECT count(*) FROM pactport_outbox WHERE sent_at > now() - interval '1 hour') AS sent_last_hour
              FROM pactport_outbox WHERE sent_at IS NULL
            """;
    private static final String PRUNE = "DELETE FROM pactport_outbox WHERE sent_at < now() - make_interval(secs => $1)";

    private final Pool pool;
    private final ApiConfig.Outbox config;
    private final AtomicLong backlog = new AtomicLong();
    private final DatabaseSchedule schedules;

    OutboxHousekeeping(Pool pool, ApiConfig config, MeterRegistry meters, DatabaseSchedule schedules) {
        this.pool = pool;
        this.schedules = schedules;
        this.config = config.outbox();
        meters.gauge("pactport_outbox_backlog", backlog);
    }

    /**
     * The backlog gauge, counted on its own schedule: counted on every relay run, it would read the whole backlog each
     * time, and the backlog is largest when Kafka has been away.
     */
    @Scheduled(every = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> countBacklog() {
        if (!schedules.open()) {
            return Uni.createFrom().voidItem();
        }
        return pool.query(BACKLOG)
                .execute()
                .invoke(rows -> backlog.set(rows.iterator().next().getLong("backlog")))
                .replaceWithVoid()
                .onFailure()
                .recoverWithNull();
    }

    /** The backlog now, in detail: read on demand (the operations page), where the gauge only counts it. */
    public Uni<OutboxBacklog> backlog() {
        return pool.query(DETAIL).execute().map(rows -> {
            Row row = rows.iterator().next();
            OffsetDateTime oldest = row.getOffsetDateTime("oldest");
            return new OutboxBacklog(
                    row.getLong("unsent"),
                    oldest == null ? null : oldest.toInstant(),
                    row.getLong("failing"),
                    row.getString("last_error"),
                    row.getLong("sent_last_hour"));
        });
    }

    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> prune() {
        if (!schedules.open()) {
            return Uni.createFrom().voidItem();
        }
        return pool.preparedQuery(PRUNE)
                .execute(Tuple.of((double) config.sentRetention().toSeconds()))
                .invoke(rows -> LOG.debugf("pruned %d sent outbox rows", rows.rowCount()))
                .replaceWithVoid();
    }
}
