package io.pactport.core.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The event contracts: one record per type, each pinned by its golden sample ({@code events/<name>.json}), and the
 * docs/events.md's event table generated from the records.
 */
class PactportEventTest {

    @Test
    void everyEventTypeHasItsOwnRecordAndEveryRecordIsATypesPayload() {
        List<Class<?>> records = new ArrayList<>();
        collectRecords(PactportEvent.class, records);

        assertThat(Arrays.stream(EventType.values())
                        .<Class<?>>map(EventType::payload)
                        .toList())
                .doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(records);
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void theRecordWritesItsGoldenSample(EventType type) {
        PactportEvent record = EventSamples.record(type);

        assertThat(record.type()).isEqualTo(type);
        assertThat(exact(CloudEventJson.payload(record))).isEqualTo(EventSamples.json(type));
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void theGoldenSampleReadsBackToTheRecordAndWritesUnchanged(EventType type) {
        PactportEvent read = CloudEventJson.payload(EventSamples.cloudEvent(type));

        assertThat(read).isEqualTo(EventSamples.record(type));
        assertThat(exact(CloudEventJson.payload(read))).isEqualTo(EventSamples.json(type));
    }

    @Test
    void aPactsDecimalsSurviveTheRoundTripToTheLetter() {
        var read =
                (PactportEvent.PactPublished) CloudEventJson.payload(EventSamples.cloudEvent(EventType.PACT_PUBLISHED));

        assertThat(read.content()).contains("\"price\":1.10", "\"big\":12345678901234567890.5");
    }

    @Test
    void theEnvelopeCarriesTheRecordsTypeAndKey() {
        PactportEvent record = EventSamples.record(EventType.VERIFICATION_PUBLISHED);

        CloudEvent event = CloudEventJson.envelope("1", "/test", null, record);

        assertThat(event.type()).isEqualTo("io.pactport.verification.published.v1");
        assertThat(event.subject()).isEqualTo("Foo/Bar");
        assertThat(record.type().topic()).isEqualTo(Topics.CONTRACTS);
    }

    @Test
    void aPayloadOfAnotherShapeOrAnUnknownTypeIsRefused() {
        CloudEvent tag = EventSamples.cloudEvent(EventType.TAG_ADDED);
        ObjectNode listForAName = CloudEventJson.mapper().createObjectNode();
        listForAName.putArray("pacticipant").add(1).add(2);
        CloudEvent wrongShape = CloudEvent.of("1", "/test", tag.type(), "Foo", null, listForAName);
        CloudEvent unknown = CloudEvent.of("2", "/test", "io.pactport.tag.renamed.v1", "Foo", null, tag.data());

        assertThatThrownBy(() -> CloudEventJson.payload(wrongShape))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("is not a io.pactport.tag.added.v1 payload");
        assertThatThrownBy(() -> CloudEventJson.payload(unknown))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("unknown event type io.pactport.tag.renamed.v1");
    }

    @Test
    void theReadmesEventTableListsEveryTypeWithItsTopicKeyAndFields() throws IOException {
        String readme = Files.readString(Path.of("../docs/events.md"));

        assertThat(readme)
                .as("docs/events.md's event table, generated from the records")
                .contains(table());
    }

    /** The events table: a row per type, its key named by the fields it is made of. */
    static String table() {
        StringBuilder table = new StringBuilder(
                "| event type (`io.pactport.<name>.v1`) | topic | key | payload |\n" + "|---|---|---|---|\n");
        for (EventType type : EventType.values()) {
            String fields = Arrays.stream(type.payload().getRecordComponents())
                    .map(RecordComponent::getName)
                    .collect(Collectors.joining(", "));
            table.append("| `")
                    .append(EventSamples.name(type))
                    .append("` | `")
                    .append(type.topic())
                    .append("` | ")
                    .append(keyDescription(EventSamples.record(type)))
                    .append(" | ")
                    .append(fields)
                    .append(" |\n");
        }
        return table.toString();
    }

    /** The field, or the two fields joined by {@code /}, the key is made of; else the constant key itself. */
    private static String keyDescription(PactportEvent event) {
        RecordComponent[] components = event.getClass().getRecordComponents();
        for (RecordComponent a : components) {
            if (Objects.equals(event.key(), value(a, event))) {
                return a.getName();
            }
            for (RecordComponent b : components) {
                if (event.key().equals(value(a, event) + "/" + value(b, event))) {
                    return a.getName() + "/" + b.getName();
                }
            }
        }
        return "`" + event.key() + "`";
    }

    private static Object value(RecordComponent component, PactportEvent event) {
        try {
            return component.getAccessor().invoke(event);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void collectRecords(Class<?> sealed, List<Class<?>> records) {
        for (Class<?> permitted : sealed.getPermittedSubclasses()) {
            if (permitted.isRecord()) {
                records.add(permitted);
            } else {
                collectRecords(permitted, records);
            }
        }
    }

    private static JsonNode exact(String json) {
        try {
            return EventSamples.EXACT.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
