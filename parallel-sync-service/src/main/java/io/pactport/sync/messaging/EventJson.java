package io.pactport.sync.messaging;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.pactport.core.events.CloudEvent;
import io.pactport.core.events.CloudEventJson;
import io.pactport.core.events.InvalidEventException;
import java.io.IOException;

/**
 * Reads events for writing them elsewhere: validated as CloudEvents by broker-core, then read again keeping decimals
 * exactly as written, so a pact's numbers (and so its content SHA on the target) do not change on the way.
 */
final class EventJson {

    static final ObjectMapper EXACT = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

    private EventJson() {}

    /** @throws InvalidEventException when the bytes are not a CloudEvents 1.0 JSON event */
    static CloudEvent read(byte[] bytes) {
        CloudEventJson.read(bytes);
        try {
            return EXACT.readValue(bytes, CloudEvent.class);
        } catch (IOException e) {
            throw new InvalidEventException("not a CloudEvents JSON event: " + e.getMessage(), e);
        }
    }

    static CloudEvent read(JsonNode tree) {
        try {
            return read(EXACT.writeValueAsBytes(tree));
        } catch (IOException e) {
            throw new InvalidEventException("not a CloudEvents JSON event: " + e.getMessage(), e);
        }
    }
}
