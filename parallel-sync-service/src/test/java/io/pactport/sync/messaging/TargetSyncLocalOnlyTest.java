package io.pactport.sync.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.pactport.core.events.CloudEventSerializer;
import io.pactport.core.events.EventSamples;
import io.pactport.core.events.EventType;
import io.pactport.core.remote.RecordingBroker;
import io.pactport.sync.delivery.TargetStats;
import io.pactport.sync.model.EventKind;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A deleted verification result is not replayed on an old broker (its results are numbered by that broker), and that
 * is a decision, not a failure: the event is skipped and counted, nothing is written to the target and nothing is
 * dead-lettered. The dead-letter producer points at no Kafka, so an attempt to dead-letter would give up.
 */
class TargetSyncLocalOnlyTest {

    private final RecordingBroker broker = new RecordingBroker((method, path) -> new RecordingBroker.Answer(200, "{}"));
    private final DeadLetters deadLetters = new DeadLetters(
            Map.of(
                    "bootstrap.servers",
                    "127.0.0.1:1",
                    "max.block.ms",
                    200,
                    "delivery.timeout.ms",
                    300,
                    "request.timeout.ms",
                    200),
            Clock.systemUTC());
    private final TargetStats stats = new TargetStats("old", new SimpleMeterRegistry(), Clock.systemUTC());

    @AfterEach
    void stop() {
        deadLetters.close();
        broker.close();
    }

    @Test
    void aDeletedVerificationIsSkippedForATargetTakingEveryKindWithoutWritesOrDeadLetters() {
        TargetSync sync = new TargetSync(
                "old",
                EnumSet.allOf(EventKind.class),
                broker.writer(),
                deadLetters,
                stats,
                Duration.ofMillis(1),
                Duration.ofMillis(1));
        byte[] event = new CloudEventSerializer()
                .serialize("pactport.contracts.v1", EventSamples.cloudEvent(EventType.VERIFICATION_DELETED));

        TargetSync.Result result = sync.handle("pactport.contracts.v1", 0, 7, 0, event, failures -> false);

        assertThat(result).isEqualTo(TargetSync.Result.SKIPPED);
        assertThat(broker.writes()).isEmpty();
        assertThat(stats.skipped()).isEqualTo(1);
        assertThat(stats.deadLettered()).isZero();
    }

    @Test
    void onlyTheDeletedVerificationStaysInPactport() {
        assertThat(EnumSet.allOf(EventType.class).stream().filter(EventKind::localOnly))
                .containsExactly(EventType.VERIFICATION_DELETED);
    }
}
