package io.pactport.sync.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.pactport.core.testing.KafkaResource;
import io.pactport.core.testing.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The sync's Kafka client settings reach the clients under Kafka's own names, the dots of the quoted keys kept. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class SyncConfigTest {

    @Inject
    SyncConfig config;

    @Test
    void eachTargetsConsumerCommitsItselfStartsAtTheOldestEventAndFetchesInBatches() {
        assertThat(config.kafka().targetConsumer())
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "enable.auto.commit",
                        "false",
                        "auto.offset.reset",
                        "earliest",
                        "max.poll.interval.ms",
                        "2147483647",
                        "max.poll.records",
                        "500",
                        "fetch.min.bytes",
                        "16384",
                        "fetch.max.wait.ms",
                        "25"));
    }

    @Test
    void theRedriveCommitsItselfAndDeadLettersAreWrittenIdempotentlyToAllReplicas() {
        assertThat(config.kafka().redriveConsumer())
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of("enable.auto.commit", "false", "auto.offset.reset", "earliest"));
        assertThat(config.kafka().deadLetterProducer())
                .containsExactlyInAnyOrderEntriesOf(Map.of("acks", "all", "enable.idempotence", "true"));
    }
}
