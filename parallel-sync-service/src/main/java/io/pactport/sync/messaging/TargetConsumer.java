package io.pactport.sync.messaging;

import io.pactport.core.events.Topics;
import io.pactport.sync.messaging.TargetSync.Result;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

/**
 * One target's own Kafka consumer (its own consumer group, its own thread), so a slow or dead target holds up nobody
 * else, writing to the target on {@code concurrency} lanes at once.
 * <ul>
 * <li>Order per key: the events of one pacticipant are written one after another in the order they were polled
 * ({@link KeyedLanes}), so the events of one key reach the target in partition order; different pacticipants are
 * written side by side by whichever lane is free. A key that is retrying (backoff on 5xx, timeout, no connection)
 * holds back its own events and one lane; the other keys go on.</li>
 * <li>At least once: per partition, the offset committed is the lowest one not yet delivered, skipped or
 * dead-lettered ({@link PartitionProgress}), never beyond. What is redelivered after a crash or a rebalance is written
 * again, which changes nothing on the target (every write is idempotent).</li>
 * <li>Backpressure: when more than {@code 64 × lanes} events are unfinished the consumer pauses its partitions, and
 * resumes them at half that.</li>
 * <li>Rebalance and stop: a revoked partition's queued events are abandoned and its event in flight is interrupted
 * (waited for, up to the request timeout), then what is finished is committed; the new owner starts at the lowest
 * unfinished offset.</li>
 * </ul>
 * Only this thread touches the Kafka consumer; the lanes report back through {@link PartitionProgress}.
 */
public final class TargetConsumer implements Runnable {

    private static final Logger LOG = Logger.getLogger(TargetConsumer.class);
    static final List<String> TOPICS = List.of(Topics.CONTRACTS, Topics.PACTICIPANTS);
    private static final int QUEUED_PER_LANE = 64;

    /**
     * A commit after every poll was tens a second under a steady stream, each a write to Kafka's offsets topic; a crash
     * replays at most this much more (writes are idempotent), and revocations and the stop still commit at once.
     */
    static final long COMMIT_EVERY_MILLIS = 500;

    private final TargetSync sync;
    private final KafkaConsumer<String, byte[]> consumer;
    private final KeyedLanes lanes;
    private final int maxUnfinished;
    private final long revokeWaitMillis;
    private final Map<TopicPartition, PartitionProgress> progress = new ConcurrentHashMap<>();
    private final AtomicInteger unfinished = new AtomicInteger();
    private volatile boolean running = true;
    private final Thread thread;
    /** When the poll loop last committed. */
    private long lastCommitMillis;

    /**
     * @param kafka the consumer's settings ({@code pactflow.sync.kafka.target-consumer} over {@code kafka.*})
     * @param concurrency how many of this target's events are written at once (lanes)
     * @param requestTimeout how long a revoked partition's event in flight is waited for
     */
    public TargetConsumer(
            TargetSync sync, Map<String, Object> kafka, String group, int concurrency, Duration requestTimeout) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("pactflow.sync.concurrency must be at least 1, not " + concurrency);
        }
        this.sync = sync;
        Map<String, Object> config = new HashMap<>(kafka);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        this.consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
        this.lanes = new KeyedLanes(concurrency, "sync-" + sync.target() + "-lane");
        this.maxUnfinished = QUEUED_PER_LANE * concurrency;
        this.revokeWaitMillis = requestTimeout.toMillis() + 1000;
        this.thread = new Thread(this, "sync-" + sync.target());
    }

    public void start() {
        thread.start();
    }

    @Override
    public void run() {
        try {
            consumer.subscribe(TOPICS, new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                    revoke(partitions);
                }

                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> partitions) {}
            });
            while (running) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    dispatch(record);
                }
                long now = System.currentTimeMillis();
                if (now - lastCommitMillis >= COMMIT_EVERY_MILLIS) {
                    commit(false);
                    lastCommitMillis = now;
                }
                backpressure();
                report();
            }
        } catch (WakeupException e) {
            // stopping
        } catch (RuntimeException e) {
            LOG.errorf(e, "target %s: the consumer stopped", sync.target());
        } finally {
            running = false;
            // queued events are abandoned, an event in backoff or in a request is interrupted: none is committed
            lanes.shutdownNow();
            awaitLanes();
            try {
                try {
                    commit(true);
                } catch (WakeupException e) {
                    // the stop's wakeup, still pending: it fires only once
                    commit(true);
                }
            } catch (RuntimeException e) {
                LOG.warnf(
                        "target %s: the last offsets could not be committed (those events will be written again,"
                                + " which changes nothing): %s",
                        sync.target(), e.getMessage());
            }
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private void dispatch(ConsumerRecord<String, byte[]> record) {
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        PartitionProgress p = progress.computeIfAbsent(partition, key -> new PartitionProgress());
        p.handedOut(record.offset(), record.timestamp());
        unfinished.incrementAndGet();
        lanes.execute(lane(record), () -> deliver(record, p));
    }

    /**
     * The key whose events are written one after another: the pacticipant, the record key's part before {@code /} (a
     * pacticipant's key on pacticipants.v1, {@code consumer/provider} on contracts.v1), so a consumer's version events
     * and its publications are never written side by side (both write its version: a version PUT racing a
     * publication could hide the publication's tags for a moment). No key (never sent by broker-api): the partition
     * is the unit of order.
     */
    private static String lane(ConsumerRecord<String, byte[]> record) {
        String key = record.key();
        if (key == null) {
            return "\u0000partition-" + record.topic() + "-" + record.partition();
        }
        int slash = key.indexOf('/');
        return slash < 0 ? key : key.substring(0, slash);
    }

    /** On a lane's thread. */
    private void deliver(ConsumerRecord<String, byte[]> record, PartitionProgress p) {
        Thread lane = Thread.currentThread();
        if (!running || !p.start(lane)) {
            return; // abandoned: stays unfinished, so never committed
        }
        Result result;
        try {
            result = sync.handle(
                    record.topic(),
                    record.partition(),
                    record.offset(),
                    record.timestamp(),
                    record.value(),
                    failures -> running && !p.revoked());
        } catch (RuntimeException e) {
            LOG.errorf(
                    e,
                    "target %s: event at %s/%d/%d failed",
                    sync.target(),
                    record.topic(),
                    record.partition(),
                    record.offset());
            result = Result.GAVE_UP;
        } finally {
            p.end(lane);
            // an interrupt meant for this event must not hit the lane's next one
            Thread.interrupted();
        }
        if (result != Result.GAVE_UP && p.finished(record.offset())) {
            unfinished.decrementAndGet();
        }
    }

    private void revoke(Collection<TopicPartition> partitions) {
        for (TopicPartition partition : partitions) {
            PartitionProgress p = progress.get(partition);
            if (p != null) {
                try {
                    p.revoke(revokeWaitMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        try {
            commit(true);
        } catch (RuntimeException e) {
            LOG.warnf(
                    "target %s: offsets of revoked partitions not committed (their events will be written again,"
                            + " which changes nothing): %s",
                    sync.target(), e.getMessage());
        }
        for (TopicPartition partition : partitions) {
            PartitionProgress p = progress.remove(partition);
            if (p != null) {
                unfinished.addAndGet(-p.abandon());
            }
        }
    }

    /** Async while running (a failed one is made good by the sync one at a revocation or the stop). */
    private void commit(boolean sync) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        progress.forEach(
                (partition, p) -> p.toCommit(sync).ifPresent(o -> offsets.put(partition, new OffsetAndMetadata(o))));
        if (offsets.isEmpty()) {
            return;
        }
        if (sync) {
            consumer.commitSync(offsets);
        } else {
            consumer.commitAsync(offsets, (done, e) -> {
                if (e != null) {
                    LOG.debugf(
                            "target %s: commit failed, a later one carries the offsets: %s",
                            this.sync.target(), e.getMessage());
                }
            });
        }
    }

    private void backpressure() {
        int count = unfinished.get();
        if (count >= maxUnfinished
                && consumer.paused().size() < consumer.assignment().size()) {
            consumer.pause(consumer.assignment());
        } else if (count <= maxUnfinished / 2 && !consumer.paused().isEmpty()) {
            consumer.resume(consumer.paused());
        }
    }

    /** Lag: what Kafka has beyond this consumer's position plus what the lanes have not finished. */
    private void report() {
        long backlog = unfinished.get();
        for (TopicPartition partition : consumer.assignment()) {
            backlog += consumer.currentLag(partition).orElse(0);
        }
        sync.stats().onLag(backlog);
        OptionalLong oldest = progress.values().stream()
                .map(PartitionProgress::oldest)
                .filter(OptionalLong::isPresent)
                .mapToLong(OptionalLong::getAsLong)
                .min();
        if (oldest.isPresent()) {
            sync.stats().onHandling(oldest.getAsLong());
        } else if (backlog == 0) {
            sync.stats().onCaughtUp();
        }
    }

    private void awaitLanes() {
        try {
            if (!lanes.awaitTermination(revokeWaitMillis)) {
                LOG.warnf("target %s: a lane did not stop in time", sync.target());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public void stop() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(revokeWaitMillis + 10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
