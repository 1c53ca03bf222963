package io.pactport.sync.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.pactport.core.events.CloudEventJson;
import io.pactport.core.events.PactportEvent.PactDeleted;
import io.pactport.core.remote.RecordingBroker;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A deletion of pacts reaches an old broker on the Pact Broker's own paths: every version's through
 * {@code DELETE …/versions} (the Pact Broker has no DELETE on the integration's pact path), one consumer version's
 * through {@code DELETE …/version/{v}}.
 */
class PactDeletedDeliveryTest {

    private final RecordingBroker broker = new RecordingBroker((method, path) -> new RecordingBroker.Answer(204, ""));

    @AfterEach
    void stop() {
        broker.close();
    }

    private void deliver(PactDeleted deleted) {
        EventDelivery.deliver(
                broker.writer(),
                CloudEventJson.envelope(
                        "1",
                        "/pactport/broker-api",
                        OffsetDateTime.of(2026, 12, 7, 12, 0, 0, 0, ZoneOffset.UTC),
                        deleted));
    }

    @Test
    void everyVersionsPactsAreDeletedThroughTheVersionsList() {
        deliver(PactDeleted.allVersions("Foo", "Bar"));

        assertThat(broker.writes()).containsExactly("DELETE /pacts/provider/Bar/consumer/Foo/versions");
    }

    @Test
    void oneConsumerVersionsPactIsDeletedThroughItsOwnPath() {
        deliver(PactDeleted.consumerVersion("Foo", "Bar", "1.0.0+build/7"));

        assertThat(broker.writes())
                .containsExactly("DELETE /pacts/provider/Bar/consumer/Foo/version/1.0.0%2Bbuild%2F7");
    }
}
