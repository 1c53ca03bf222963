package io.pactport.sync.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.pactport.core.events.EventSamples;
import io.pactport.core.events.EventType;
import io.pactport.core.remote.RecordingBroker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every event the sync writes, as broker-core's golden sample carries it, becomes the writes its fields name on the
 * target: a field renamed in the contract fails here, not silently in production. The target is a small broker that
 * records what it is asked to write and answers every read with an empty document.
 */
class EventDeliverySamplesTest {

    private final RecordingBroker broker = new RecordingBroker((method, path) -> switch (method) {
        case "GET" -> new RecordingBroker.Answer(200, "{}");
        case "POST" -> new RecordingBroker.Answer(201, "{\"uuid\":\"env-1\"}");
        default -> new RecordingBroker.Answer(201, "{}");
    });

    @AfterEach
    void stop() {
        broker.close();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            PACTICIPANT_CREATED    | PATCH /pacticipants/Foo
            PACTICIPANT_UPDATED    | PATCH /pacticipants/Foo
            PACTICIPANT_DELETED    | DELETE /pacticipants/Foo
            LABEL_ADDED            | PUT /pacticipants/Foo/labels/payments
            LABEL_REMOVED          | DELETE /pacticipants/Foo/labels/payments
            VERSION_CREATED        | PATCH /pacticipants/Foo/versions/1.0.0, PUT /pacticipants/Foo/versions/1.0.0/tags/dev
            VERSION_UPDATED        | PATCH /pacticipants/Foo/versions/1.0.0, PUT /pacticipants/Foo/branches/main/versions/1.0.0, PUT /pacticipants/Foo/versions/1.0.0/tags/dev
            VERSION_DELETED        | DELETE /pacticipants/Foo/versions/1.0.0
            BRANCH_VERSION_ADDED   | PUT /pacticipants/Foo/branches/main/versions/1.0.0
            BRANCH_VERSION_REMOVED | DELETE /pacticipants/Foo/branches/main/versions/1.0.0
            BRANCH_DELETED         | DELETE /pacticipants/Foo/branches/feat%2Fx
            TAG_ADDED              | PUT /pacticipants/Foo/versions/1.0.0/tags/dev
            TAG_REMOVED            | DELETE /pacticipants/Foo/versions/1.0.0/tags/dev
            ENVIRONMENT_CREATED    | POST /environments
            DEPLOYMENT_RECORDED    | POST /environments, PATCH /pacticipants/Foo/versions/1.0.0, POST /pacticipants/Foo/versions/1.0.0/deployed-versions/environment/env-1
            RELEASE_RECORDED       | POST /environments, PATCH /pacticipants/Foo/versions/1.0.0, POST /pacticipants/Foo/versions/1.0.0/released-versions/environment/env-1
            PACT_DELETED           | DELETE /pacts/provider/Bar/consumer/Foo/version/1.0.0
            INTEGRATION_DELETED    | DELETE /integrations/provider/Bar/consumer/Foo
            """)
    void theSampleIsWrittenWhereItsFieldsSay(EventType type, String expected) {
        EventDelivery.deliver(broker.writer(), EventSamples.cloudEvent(type));

        assertThat(broker.writes()).containsExactly(expected.split(", "));
    }

    @Test
    void aPublishedPactIsWrittenAsTheSampleCarriesItToTheLetter() {
        EventDelivery.deliver(broker.writer(), EventSamples.cloudEvent(EventType.PACT_PUBLISHED));

        assertThat(broker.writes()).startsWith("PUT /pacts/provider/Bar/consumer/Foo/version/1.0.0");
        assertThat(broker.bodies().get(0))
                .isEqualTo(EventSamples.json(EventType.PACT_PUBLISHED)
                        .get("content")
                        .toString())
                .contains("\"price\":1.10", "\"big\":12345678901234567890.5");
        assertThat(broker.writes())
                .contains(
                        "PUT /pacticipants/Foo/branches/main/versions/1.0.0",
                        "PUT /pacticipants/Foo/versions/1.0.0/tags/dev");
    }
}
