package io.pactport.sync.messaging;

import io.pactport.core.events.CloudEvent;
import io.pactport.core.events.CloudEventJson;
import io.pactport.core.events.CloudEventSerializer;
import io.pactport.core.events.PactportEvent.SyncDeadLettered;
import io.pactport.core.events.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes what a target refused for good to {@code pactport.sync.dlq.v1}, keyed by target, with the original event and
 * the target's answer. The send is waited for: the offset of the refused event is committed only once its dead letter
 * is on Kafka, so nothing is dropped.
 */
public final class DeadLetters implements AutoCloseable {

    static final String SOURCE = "/pactport/parallel-sync-service";

    private final KafkaProducer<String, CloudEvent> producer;
    private final Clock clock;

    /** @param kafka the producer's settings ({@code pactflow.sync.kafka.dead-letter-producer} over {@code kafka.*}) */
    public DeadLetters(Map<String, Object> kafka, Clock clock) {
        this.producer = new KafkaProducer<>(kafka, new StringSerializer(), new CloudEventSerializer());
        this.clock = clock;
    }

    public void send(SyncDeadLettered letter) {
        CloudEvent event = CloudEventJson.envelope(
                letter.target() + "/" + letter.topic() + "/" + letter.partition() + "/" + letter.offset() + "/"
                        + clock.millis(),
                SOURCE,
                OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC),
                letter);
        try {
            producer.send(new ProducerRecord<>(letter.type().topic(), letter.key(), event))
                    .get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeadLetterWriteException("interrupted while writing a dead letter", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new DeadLetterWriteException("the dead letter could not be written to " + Topics.SYNC_DLQ, e);
        }
    }

    /** The raw bytes of an event that could not even be read, kept as text. */
    public static String raw(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        producer.close(java.time.Duration.ofSeconds(5));
    }
}
