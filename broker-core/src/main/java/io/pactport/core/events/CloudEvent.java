package io.pactport.core.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * A CloudEvents 1.0 event in structured JSON form, the envelope of every Pactport event on Kafka.
 *
 * @param id the outbox row id: unique per source, the consumers' deduplication key
 * @param source the service that produced it, e.g. {@code /pactport/broker-api}
 * @param type e.g. {@code io.pactport.pact.published.v1}
 * @param subject the aggregate, e.g. {@code Foo/Bar} for an integration; also the Kafka key
 * @param data the self-contained payload
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CloudEvent(
        String specversion,
        String id,
        String source,
        String type,
        String subject,
        OffsetDateTime time,
        String datacontenttype,
        JsonNode data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String DATA_CONTENT_TYPE = "application/json";
    /** The Kafka {@code content-type} header value of structured-mode CloudEvents. */
    public static final String STRUCTURED_CONTENT_TYPE = "application/cloudevents+json; charset=UTF-8";

    public CloudEvent {
        Objects.requireNonNull(specversion, "specversion");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(type, "type");
    }

    public static CloudEvent of(
            String id, String source, String type, String subject, OffsetDateTime time, JsonNode data) {
        return new CloudEvent(SPEC_VERSION, id, source, type, subject, time, DATA_CONTENT_TYPE, data);
    }
}
