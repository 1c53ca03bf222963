package io.pactport.core.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class CloudEventJsonTest {

    private static CloudEvent sample() {
        ObjectNode data = CloudEventJson.mapper()
                .createObjectNode()
                .put("consumer", "Foo")
                .put("provider", "Bär");
        return CloudEvent.of(
                "42",
                "/pactport/broker-api",
                "io.pactport.pact.published.v1",
                "Foo/Bär",
                OffsetDateTime.of(2026, 11, 22, 12, 0, 0, 123_000_000, ZoneOffset.UTC),
                data);
    }

    @Test
    void roundTripsEveryAttribute() {
        CloudEvent event = sample();
        assertThat(CloudEventJson.read(CloudEventJson.write(event))).isEqualTo(event);
    }

    @Test
    void writesTheStructuredCloudEventsForm() {
        String json = new String(CloudEventJson.write(sample()), StandardCharsets.UTF_8);
        assertThat(json)
                .contains(
                        "\"specversion\":\"1.0\"",
                        "\"id\":\"42\"",
                        "\"datacontenttype\":\"application/json\"",
                        "\"time\":\"2026-11-22T12:00:00.123Z\"",
                        "\"data\":{\"consumer\":\"Foo\",\"provider\":\"Bär\"}");
    }

    @Test
    void readsEventsWithExtensionsAndRejectsWhatIsNotAnEvent() {
        CloudEvent event =
                CloudEventJson.read(("{\"specversion\":\"1.0\",\"id\":\"1\",\"source\":\"/x\",\"type\":\"t\","
                                + "\"traceparent\":\"00-abc\"}")
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(event.type()).isEqualTo("t");
        assertThatThrownBy(() -> CloudEventJson.read("not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidEventException.class);
        assertThatThrownBy(() -> CloudEventJson.read(
                        "{\"specversion\":\"1.0\",\"source\":\"/x\",\"type\":\"t\"}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("id");
        assertThatThrownBy(() ->
                        CloudEventJson.read("{\"specversion\":\"0.3\",\"id\":\"1\",\"source\":\"/x\",\"type\":\"t\"}"
                                .getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("specversion 0.3");
    }

    @Test
    void kafkaSerdeSetsTheContentTypeHeader() {
        RecordHeaders headers = new RecordHeaders();
        byte[] bytes = new CloudEventSerializer().serialize("t", headers, sample());
        assertThat(new String(headers.lastHeader("content-type").value(), StandardCharsets.UTF_8))
                .startsWith("application/cloudevents+json");
        assertThat(new CloudEventDeserializer().deserialize("t", bytes)).isEqualTo(sample());
        assertThat(new CloudEventDeserializer().deserialize("t", null)).isNull();
    }
}
