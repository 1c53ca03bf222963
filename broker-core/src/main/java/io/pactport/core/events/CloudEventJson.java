package io.pactport.core.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.time.OffsetDateTime;

/** The one JSON form of {@link CloudEvent}, used by every producer and consumer. */
public final class CloudEventJson {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            // extension attributes from other producers are allowed by the spec and ignored here
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    /** Reads payloads keeping decimals as written, so JSON a payload carries (a pact, a dead letter's event) is exact. */
    private static final ObjectMapper PAYLOAD_READER = MAPPER.copy()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

    private CloudEventJson() {}

    public static byte[] write(CloudEvent event) {
        try {
            return MAPPER.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event " + event.id() + " cannot be written as JSON", e);
        }
    }

    /** @throws InvalidEventException when the bytes are not JSON or lack a required CloudEvents attribute */
    public static CloudEvent read(byte[] bytes) {
        CloudEvent event;
        try {
            event = MAPPER.readValue(bytes, CloudEvent.class);
        } catch (IOException | RuntimeException e) {
            throw new InvalidEventException("not a CloudEvents JSON event: " + e.getMessage(), e);
        }
        if (event == null) {
            throw new InvalidEventException("not a CloudEvents JSON event: empty", null);
        }
        if (!CloudEvent.SPEC_VERSION.equals(event.specversion())) {
            throw new InvalidEventException("unsupported CloudEvents specversion " + event.specversion(), null);
        }
        return event;
    }

    /** The payload's JSON, as the outbox stores it in {@code pactport_outbox.payload}. */
    public static String payload(PactportEvent event) {
        try {
            return MAPPER.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event payload of " + event.type() + " cannot be written as JSON", e);
        }
    }

    /** The event as a CloudEvent, for a producer that writes to Kafka itself rather than through the outbox. */
    public static CloudEvent envelope(String id, String source, OffsetDateTime time, PactportEvent event) {
        return CloudEvent.of(id, source, event.type().type(), event.key(), time, MAPPER.valueToTree(event));
    }

    /**
     * The event's payload as its record.
     *
     * @throws InvalidEventException when the type is not Pactport's or the data is not that type's payload
     */
    public static PactportEvent payload(CloudEvent event) {
        EventType type = EventType.ofType(event.type())
                .orElseThrow(() -> new InvalidEventException("unknown event type " + event.type(), null));
        if (event.data() == null || !event.data().isObject()) {
            throw new InvalidEventException("event " + event.id() + " has no JSON object payload", null);
        }
        try {
            return PAYLOAD_READER.treeToValue(event.data(), type.payload());
        } catch (IOException | IllegalArgumentException e) {
            throw new InvalidEventException(
                    "event " + event.id() + " is not a " + event.type() + " payload: " + e.getMessage(), e);
        }
    }

    /** The mapper for building event payloads, configured like the envelope's. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
