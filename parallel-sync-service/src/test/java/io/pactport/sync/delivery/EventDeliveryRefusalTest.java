package io.pactport.sync.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pactport.core.events.CloudEvent;
import io.pactport.core.events.CloudEventJson;
import io.pactport.core.events.PactportEvent.PactPublished;
import io.pactport.core.remote.RecordingBroker;
import io.pactport.core.remote.RemoteBrokerException;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A publication event the target refuses (it holds other content for the consumer version: 409) writes nothing there:
 * not the version's build URL, branch or tags either. The target is a small broker that holds that pact and refuses
 * any other; ParallelSyncIT has the same refusal from a real broker-api.
 */
class EventDeliveryRefusalTest {

    private static final String PACT = "/pacts/provider/Bar/consumer/Foo/version/1";

    /** Holds that pact and refuses any other: a GET finds it, a PUT of other content is a 409. */
    private final RecordingBroker broker = new RecordingBroker((method, path) -> path.equals(PACT)
            ? new RecordingBroker.Answer(
                    method.equals("GET") ? 200 : 409,
                    "{\"consumer\":{\"name\":\"Foo\"},\"provider\":{\"name\":\"Bar\"},\"_links\":{}}")
            : new RecordingBroker.Answer(method.equals("GET") ? 200 : 201, "{}"));

    @AfterEach
    void stop() {
        broker.close();
    }

    @Test
    void aRefusedPactLeavesTheVersionsBuildUrlBranchAndTagsUnwritten() {
        CloudEvent event = CloudEventJson.envelope(
                "event-1",
                "/pactport/broker-api",
                OffsetDateTime.now(),
                new PactPublished(
                        "Foo",
                        "Bar",
                        "1",
                        "feat/x",
                        List.of("feat/x"),
                        List.of("dev"),
                        "http://ci/foo/1",
                        "abc",
                        1,
                        "created",
                        true,
                        "{\"consumer\":{\"name\":\"Foo\"},\"provider\":{\"name\":\"Bar\"},\"interactions\":[]}"));

        assertThatThrownBy(() -> EventDelivery.deliver(broker.writer(), event))
                .isInstanceOfSatisfying(
                        RemoteBrokerException.class, e -> assertThat(e.status()).isEqualTo(409));
        assertThat(broker.writes()).containsExactly("PUT " + PACT);
    }
}
