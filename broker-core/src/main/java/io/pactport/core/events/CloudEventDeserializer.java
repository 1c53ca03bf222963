package io.pactport.core.events;

import org.apache.kafka.common.serialization.Deserializer;

/** Kafka deserializer for structured-mode CloudEvents; a record that is not one fails with {@link InvalidEventException}. */
public class CloudEventDeserializer implements Deserializer<CloudEvent> {

    @Override
    public CloudEvent deserialize(String topic, byte[] data) {
        return data == null ? null : CloudEventJson.read(data);
    }
}
