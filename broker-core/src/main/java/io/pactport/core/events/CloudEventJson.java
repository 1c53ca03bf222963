package io.pactport.core.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;

/** The one JSON form of {@link CloudEvent}, used by every producer and consumer. */
public final class CloudEventJson {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            // extension attributes from other producers are allowed by the spec and ignored here
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private CloudEventJson() {
    }

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

    /** The mapper for building event payloads, configured like the envelope's. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
