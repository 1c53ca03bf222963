package io.pactport.sync.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import io.pactport.core.events.CloudEventJson;
import io.pactport.core.events.InvalidEventException;
import io.pactport.core.events.PactportEvent.SyncDeadLettered;
import io.pactport.core.events.Topics;
import io.pactport.sync.messaging.TargetSync.Result;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Tries a target's dead letters again, in their order, once each: from where its last re-drive stopped (its own
 * consumer group) to the end of the DLQ as it is when the re-drive starts. A letter the target still refuses is
 * dead-lettered again (after that end, so the same re-drive does not see it twice) with the new answer.
 */
public final class DeadLetterRedrive {

    private static final int TRIES = 3;

    /** What a re-drive did. */
    public record Summary(String target, int delivered, int deadLetteredAgain, int skipped, int notTried) {}

    private DeadLetterRedrive() {}

    /** @throws DeadLetterQueueUnavailableException when Kafka does not answer; what was re-driven stays done */
    public static Summary run(TargetSync sync, Map<String, Object> kafka, String group) {
        try {
            return redrive(sync, kafka, group);
        } catch (KafkaException e) {
            throw new DeadLetterQueueUnavailableException(
                    "the dead letters of " + sync.target() + " could not be" + " re-driven: Kafka did not answer ("
                            + e.getMessage() + "); run the re-drive again",
                    e);
        }
    }

    private static Summary redrive(TargetSync sync, Map<String, Object> kafka, String group) {
        Map<String, Object> config = new HashMap<>(kafka);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        int delivered = 0;
        int again = 0;
        int skipped = 0;
        int notTried = 0;
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.SYNC_DLQ, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition()))
                    .toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(10));
            Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
            long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p, Duration.ofSeconds(10)) < end.get(p))
                    && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    if (record.offset() >= end.get(partition)) {
                        continue;
                    }
                    if (sync.target().equals(record.key())) {
                        SyncDeadLettered letter = letter(record.value());
                        // a letter that cannot be read is itself what the target is tried with (and refuses again)
                        byte[] original = letter == null
                                ? record.value()
                                : letter.event() != null && !letter.event().isNull()
                                        ? bytes(letter.event())
                                        : letter.raw() != null
                                                ? letter.raw().getBytes(StandardCharsets.UTF_8)
                                                : record.value();
                        Result result = sync.handle(
                                letter == null ? record.topic() : letter.topic(),
                                letter == null ? 0 : letter.partition(),
                                letter == null ? record.offset() : letter.offset(),
                                record.timestamp(),
                                original,
                                failures -> failures < TRIES);
                        switch (result) {
                            case DELIVERED -> delivered++;
                            case DEAD_LETTERED -> again++;
                            case SKIPPED -> skipped++;
                            case GAVE_UP -> notTried++;
                        }
                        if (result == Result.GAVE_UP) {
                            // the target is down again: stop here, the next re-drive starts with this letter
                            consumer.commitSync(done);
                            return new Summary(sync.target(), delivered, again, skipped, notTried);
                        }
                    }
                    done.put(partition, new OffsetAndMetadata(record.offset() + 1));
                }
                consumer.commitSync(done);
            }
            consumer.commitSync(done);
        }
        return new Summary(sync.target(), delivered, again, skipped, notTried);
    }

    /**
     * How many of the target's dead letters wait for a re-drive: those keyed to it from where its last re-drive stopped
     * to the end of the DLQ. Empty when Kafka does not answer within {@code timeout}.
     */
    public static OptionalLong waiting(String target, Map<String, Object> kafka, String group, Duration timeout) {
        Map<String, Object> config = new HashMap<>(kafka);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        long deadline = System.nanoTime() + timeout.toNanos();
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.SYNC_DLQ, timeout).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition()))
                    .toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
            // only reads the group's place: nothing is committed, so the re-drive still starts there
            consumer.committed(new HashSet<>(partitions), timeout).forEach((partition, committed) -> {
                if (committed != null) {
                    consumer.seek(partition, committed.offset());
                }
            });
            long count = 0;
            while (partitions.stream().anyMatch(p -> consumer.position(p, timeout) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    return OptionalLong.empty();
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))
                            && target.equals(record.key())) {
                        count++;
                    }
                }
            }
            return OptionalLong.of(count);
        } catch (KafkaException e) {
            return OptionalLong.empty();
        }
    }

    /** The dead letter in the record, null when it is not one. */
    private static SyncDeadLettered letter(byte[] value) {
        try {
            return CloudEventJson.payload(EventJson.read(value)) instanceof SyncDeadLettered letter ? letter : null;
        } catch (InvalidEventException e) {
            return null;
        }
    }

    private static byte[] bytes(JsonNode event) {
        try {
            return EventJson.EXACT.writeValueAsBytes(event);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
