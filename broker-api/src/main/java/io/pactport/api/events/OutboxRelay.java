package io.pactport.api.events;

import io.pactport.api.config.ApiConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.pactport.core.events.CloudEvent;
import io.pactport.core.events.CloudEventJson;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Publishes the outbox to Kafka in id order and marks what Kafka acknowledged as sent, in one transaction per batch: a
 * batch that Kafka does not take stays unsent and is tried again, so every acknowledged write's event is delivered at
 * least once (consumers deduplicate by event id). One relay runs at a time across replicas (an advisory lock), which is
 * what keeps the events of one aggregate in order.
 */
@ApplicationScoped
public class OutboxRelay {

    /** {@code crc32("pactport-outbox") % 2^31}: held per batch by the replica that relays. */
    static final long RELAY_LOCK = 166_129_335L;
    static final String SOURCE = "/pactport/broker-api";

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final String LOCK = "SELECT pg_try_advisory_xact_lock($1) AS locked";
    private static final String NEXT_BATCH = """
            SELECT id, topic, event_key, event_type, payload::text AS payload, created_at
            FROM pactport_outbox WHERE sent_at IS NULL ORDER BY id LIMIT $1
            """;
    private static final String MARK_SENT = "UPDATE pactport_outbox SET sent_at = now() WHERE id = ANY($1)";
    private static final String BACKLOG = "SELECT count(*) AS backlog FROM pactport_outbox WHERE sent_at IS NULL";
    private static final String PRUNE = "DELETE FROM pactport_outbox WHERE sent_at < now() - make_interval(secs => $1)";

    private final Pool pool;
    private final MutinyEmitter<CloudEvent> events;
    private final ApiConfig.Outbox config;
    private final Clock clock;
    private final AtomicLong backlog = new AtomicLong();
    private final Timer publishLatency;
    private volatile boolean failing;

    OutboxRelay(Pool pool, @Channel("events") MutinyEmitter<CloudEvent> events, ApiConfig config, Clock clock,
            MeterRegistry meters) {
        this.pool = pool;
        this.events = events;
        this.config = config.outbox();
        this.clock = clock;
        meters.gauge("pactport_outbox_backlog", backlog);
        this.publishLatency = Timer.builder("pactport_outbox_publish_latency")
                .description("time from a change's commit to Kafka's acknowledgement of its event")
                .publishPercentileHistogram().register(meters);
    }

    @Scheduled(every = "${pactflow.outbox.poll-interval:0.2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> tick() {
        return relayBatch()
                .onItem().invoke(sent -> {
                    if (failing) {
                        LOG.info("Kafka takes events again; the outbox is being drained");
                        failing = false;
                    }
                })
                .onFailure().invoke(e -> {
                    if (!failing) {
                        LOG.warnf("could not publish the outbox to Kafka (will keep trying): %s", e.getMessage());
                        failing = true;
                    }
                })
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /**
     * The backlog gauge, counted on its own schedule: counted on every poll (five times a second), it read the whole
     * backlog each time, and the backlog is largest when Kafka has been away.
     */
    @Scheduled(every = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> countBacklog() {
        return pool.query(BACKLOG).execute()
                .invoke(rows -> backlog.set(rows.iterator().next().getLong("backlog")))
                .replaceWithVoid()
                .onFailure().recoverWithNull();
    }

    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> prune() {
        return pool.preparedQuery(PRUNE).execute(Tuple.of((double) config.sentRetention().toSeconds()))
                .invoke(rows -> LOG.debugf("pruned %d sent outbox rows", rows.rowCount()))
                .replaceWithVoid();
    }

    /** Publishes one batch; the number of events sent (0 when another replica relays or nothing is pending). */
    Uni<Integer> relayBatch() {
        return pool.withTransaction(tx -> tx.preparedQuery(LOCK).execute(Tuple.of(RELAY_LOCK))
                .flatMap(locked -> locked.iterator().next().getBoolean("locked") ? publishPending(tx)
                        : Uni.createFrom().item(0)));
    }

    private Uni<Integer> publishPending(SqlClient tx) {
        return tx.preparedQuery(NEXT_BATCH).execute(Tuple.of(config.batchSize()))
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
                    return sends.ifNoItem().after(config.sendTimeout()).fail()
                            .chain(() -> tx.preparedQuery(MARK_SENT).execute(Tuple.of(ids)))
                            .replaceWith(batch.size());
                });
    }

    private Uni<Void> send(Row row) {
        OffsetDateTime created = row.getOffsetDateTime("created_at");
        String key = row.getString("event_key");
        CloudEvent event;
        try {
            event = CloudEvent.of(Long.toString(row.getLong("id")), SOURCE, row.getString("event_type"), key, created,
                    CloudEventJson.mapper().readTree(row.getString("payload")));
        } catch (Exception e) {
            return Uni.createFrom().failure(e);
        }
        Message<CloudEvent> message = Message.of(event).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(row.getString("topic")).withKey(key).build());
        return events.sendMessage(message)
                .invoke(() -> publishLatency.record(Duration.between(created.toInstant(), clock.instant())));
    }
}
