package io.pactport.sync.messaging;

import io.pactport.core.events.Topics;
import io.pactport.sync.messaging.TargetSync.Result;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

/**
 * One target's own Kafka consumer (its own consumer group, its own thread), so a slow or dead target holds up nobody
 * else. Events are handled one at a time in partition order, which keeps the order per key; an event that keeps
 * failing is tried until the target heals, and only handled events' offsets are committed.
 */
public final class TargetConsumer implements Runnable {

    private static final Logger LOG = Logger.getLogger(TargetConsumer.class);
    static final List<String> TOPICS = List.of(Topics.CONTRACTS, Topics.PACTICIPANTS);

    private final TargetSync sync;
    private final KafkaConsumer<String, byte[]> consumer;
    private final Map<TopicPartition, OffsetAndMetadata> handled = new HashMap<>();
    private volatile boolean running = true;
    private final Thread thread;

    public TargetConsumer(TargetSync sync, Map<String, Object> kafka, String group) {
        this.sync = sync;
        Map<String, Object> config = new HashMap<>(kafka);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // a new target starts from the oldest event Kafka still has; what is older comes by import or backfill
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // the wait for a target that is down happens between polls: it must not cost the member its partitions
        config.put(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, Integer.MAX_VALUE);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 200);
        this.consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
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
                    commit();
                }

                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                }
            });
            while (running) {
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(200));
                long remaining = records.count();
                for (ConsumerRecord<String, byte[]> record : records) {
                    sync.stats().onLag(backlog() + remaining);
                    Result result = sync.handle(record.topic(), record.partition(), record.offset(),
                            record.timestamp(), record.value(), failures -> running);
                    if (result == Result.GAVE_UP) {
                        break;
                    }
                    handled.put(new TopicPartition(record.topic(), record.partition()),
                            new OffsetAndMetadata(record.offset() + 1));
                    remaining--;
                }
                commit();
                long backlog = backlog();
                sync.stats().onLag(backlog);
                if (backlog == 0) {
                    sync.stats().onCaughtUp();
                }
            }
        } catch (WakeupException e) {
            // stopping
        } catch (RuntimeException e) {
            LOG.errorf(e, "target %s: the consumer stopped", sync.target());
        } finally {
            // the interrupt that ended a backoff pause must not also abort the commit and the close
            Thread.interrupted();
            try {
                try {
                    commit();
                } catch (WakeupException e) {
                    // the stop's wakeup, pending because the thread was writing to the target: it fires only once
                    commit();
                }
            } catch (RuntimeException e) {
                LOG.warnf("target %s: the last offsets could not be committed (those events will be written again,"
                        + " which changes nothing): %s", sync.target(), e.getMessage());
            }
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private void commit() {
        if (!handled.isEmpty()) {
            consumer.commitSync(handled);
            handled.clear();
        }
    }

    /** What Kafka has beyond this consumer's position, as far as its last fetch knows. */
    private long backlog() {
        long lag = 0;
        for (TopicPartition partition : consumer.assignment()) {
            lag += consumer.currentLag(partition).orElse(0);
        }
        return lag;
    }

    public void stop() {
        running = false;
        consumer.wakeup();
        // ends a backoff pause or a request to a target that hangs
        thread.interrupt();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
