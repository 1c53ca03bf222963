package io.pactport.core.events;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serializer;

/** Kafka serializer for structured-mode CloudEvents; sets the {@code content-type} header consumers may check. */
public class CloudEventSerializer implements Serializer<CloudEvent> {

    @Override
    public byte[] serialize(String topic, CloudEvent event) {
        return event == null ? null : CloudEventJson.write(event);
    }

    @Override
    public byte[] serialize(String topic, Headers headers, CloudEvent event) {
        if (event != null) {
            headers.remove("content-type");
            headers.add("content-type", CloudEvent.STRUCTURED_CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
        }
        return serialize(topic, event);
    }
}
