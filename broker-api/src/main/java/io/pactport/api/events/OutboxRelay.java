package io.pactport.api.events;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.pactport.api.config.ApiConfig;
import io.pactport.core.events.CloudEvent;
import io.pactport.core.events.CloudEventJson;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduler;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.ObserverMethod;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Publishes the outbox to Kafka in id order and marks what Kafka acknowledged as sent, in one transaction per batch: a
 * batch that Kafka does not take stays unsent and is tried again, so every acknowledged write's event is delivered at
 * least once (consumers deduplicate by event id). One relay runs at a time across replicas (an advisory lock), which is
 * what keeps the events of one aggregate in order.
 * <p>
 * A run is started by {@link #wakeUp()}: when a transaction that wrote outbox rows commits
 * ({@link OutboxNotifications}), and on a poll that is the safety net for notifications missed while the listening
 * connection was down.
 */
@ApplicationScoped
public class OutboxRelay {

    /** {@code crc32("pactport-outbox") % 2^31}: held per batch by the replica that relays. */
    static final long RELAY_LOCK = 166_129_335L;

    static final String SOURCE = "/pactport/broker-api";
    static final String POLL_JOB = "pactport-outbox-poll";

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final String LOCK = "SELECT pg_try_advisory_xact_lock($1) AS locked";
    private static final String NEXT_BATCH = """
            SELECT id, topic, event_key, event_type, payload::text AS payload, created_at
            FROM pactport_outbox WHERE sent_at IS NULL ORDER BY id LIMIT $1
            """;
    private static final String MARK_SENT = "UPDATE pactport_outbox SET sent_at = now() WHERE id = ANY($1)";

    private static final int AFTER_STARTUP_BEANS = ObserverMethod.DEFAULT_PRIORITY + 500;
    // the run state; 1 is a run in progress that no wake-up has reached yet
    private static final int IDLE = 0;
    private static final int RUNNING_AND_WOKEN = 2;

    private final Pool pool;
    private final MutinyEmitter<CloudEvent> events;
    private final ApiConfig.Outbox config;
    private final Clock clock;
    private final Timer publishLatency;
    /** Whether a run is in progress, and whether it was woken since it started (then it runs once more right after). */
    private final AtomicInteger state = new AtomicInteger(IDLE);

    private volatile boolean failing;
    private volatile boolean stopping;

    OutboxRelay(
            Pool pool,
            @Channel("events") MutinyEmitter<CloudEvent> events,
            ApiConfig config,
            Clock clock,
            MeterRegistry meters) {
        this.pool = pool;
        this.events = events;
        this.config = config.outbox();
        this.clock = clock;
        this.publishLatency = Timer.builder("pactport_outbox_publish_latency")
                .description("time from a change's commit to Kafka's acknowledgement of its event")
                .publishPercentileHistogram()
                .register(meters);
    }

    /**
     * Starts relaying once reactive messaging has wired its channels and the schema is current. Quarkus' scheduler
     * starts before messaging (StartupEvent priority 0 against 1000): a {@code @Scheduled} relay was created, and its
     * emitter looked up, before the {@code events} channel existed, which failed with SRMSG00019 at every start. This
     * observer runs after messaging and after the {@code @Startup} beans (2500), broker-core's schema check among them,
     * so the first run, the listener and the poll find the channel connected to its Kafka sink and the outbox table.
     */
    void start(
            @Observes @Priority(AFTER_STARTUP_BEANS) StartupEvent event,
            Scheduler scheduler,
            OutboxNotifications notifications) {
        wakeUp();
        notifications.listen(this::wakeUp);
        // first poll one interval from now: the run above has just looked
        scheduler
                .newJob(POLL_JOB)
                .setInterval(config.pollInterval().toString())
                .setDelayed(config.pollInterval().toString())
                .setConcurrentExecution(Scheduled.ConcurrentExecution.SKIP)
                .setTask(execution -> wakeUp())
                .schedule();
    }

    /**
     * Relays what is pending: starts a run, or, when one is in progress, has it run again once it ends, so a wake-up
     * that arrives while a run reads the outbox is never lost and runs in one process never overlap.
     */
    void wakeUp() {
        if (!stopping && state.getAndUpdate(s -> Math.min(s + 1, RUNNING_AND_WOKEN)) == IDLE) {
            run();
        }
    }

    private void run() {
        drain().subscribe().with(sent -> finished(null), this::finished);
    }

    /** Runs end quietly from here: a run cut short by the pool closing is not a failure to publish. */
    void stop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    private void finished(Throwable failure) {
        if (stopping) {
            state.set(IDLE);
            return;
        }
        if (failure == null && failing) {
            LOG.info("Kafka takes events again; the outbox is being drained");
            failing = false;
        } else if (failure != null && !failing) {
            LOG.warnf("could not publish the outbox to Kafka (will keep trying): %s", failure.getMessage());
            failing = true;
        }
        if (state.decrementAndGet() != IDLE) {
            run();
        }
    }

    /**
     * Relays batches until one is not full: the outbox is drained, or another replica holds the lock (that replica was
     * notified too, and relays what this one leaves). The number of events sent.
     */
    Uni<Integer> drain() {
        return Multi.createBy()
                .repeating()
                .uni(this::relayBatch)
                .whilst(sent -> sent == config.batchSize())
                .collect()
                .with(Collectors.summingInt(Integer::intValue));
    }

    /** Publishes one batch; the number of events sent (0 when another replica relays or nothing is pending). */
    Uni<Integer> relayBatch() {
        return pool.withTransaction(tx -> tx.preparedQuery(LOCK)
                .execute(Tuple.of(RELAY_LOCK))
                .flatMap(locked -> locked.iterator().next().getBoolean("locked")
                        ? publishPending(tx)
                        : Uni.createFrom().item(0)));
    }

    private Uni<Integer> publishPending(SqlClient tx) {
        return tx.preparedQuery(NEXT_BATCH)
                .execute(Tuple.of(config.batchSize()))
                .flatMap(rows -> {
                    List<Row> batch = rows.stream().toList();
                    if (batch.isEmpty()) {
                        return Uni.createFrom().item(0);
                    }
                    // sequentially: Kafka keeps the order of one producer's sends per partition
                    Uni<Void> sends = Uni.createFrom().voidItem();
                    for (Row row : batch) {
                        sends = sends.chain(() -> send(row));
                    }
                    Long[] ids = batch.stream().map(row -> row.getLong("id")).toArray(Long[]::new);
                    return sends.ifNoItem()
                            .after(config.sendTimeout())
                            .fail()
                            .chain(() -> tx.preparedQuery(MARK_SENT).execute(Tuple.of(ids)))
                            .replaceWith(batch.size());
                });
    }

    private Uni<Void> send(Row row) {
        OffsetDateTime created = row.getOffsetDateTime("created_at");
        String key = row.getString("event_key");
        CloudEvent event;
        try {
            event = CloudEvent.of(
                    Long.toString(row.getLong("id")),
                    SOURCE,
                    row.getString("event_type"),
                    key,
                    created,
                    CloudEventJson.mapper().readTree(row.getString("payload")));
        } catch (Exception e) {
            return Uni.createFrom().failure(e);
        }
        Message<CloudEvent> message = Message.of(event)
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                        .withTopic(row.getString("topic"))
                        .withKey(key)
                        .build());
        return events.sendMessage(message)
                .invoke(() -> publishLatency.record(Duration.between(created.toInstant(), clock.instant())));
    }
}
