package io.pactport.api.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.pactport.core.events.CloudEventJson;
import io.pactport.core.events.EventType;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Where every change records its event: in {@code pactport_outbox}, through the same {@link SqlClient} (the same
 * transaction) as the change itself, so that the change and its event are committed or lost together. The
 * {@link OutboxRelay} publishes them to Kafka.
 */
@ApplicationScoped
public class Outbox {

    // the payload travels as text: the client would send a Java String for a jsonb parameter as a JSON string value
    private static final String APPEND = """
            INSERT INTO pactport_outbox (topic, event_key, event_type, payload)
            VALUES ($1, $2, $3, $4::text::jsonb)
            """;

    /**
     * Records an event in the caller's transaction.
     *
     * @param key the aggregate whose events must stay in order (an integration {@code consumer/provider}, or a
     *        pacticipant name)
     * @param payload a record or map; written as JSON
     */
    public Uni<Void> append(SqlClient tx, EventType type, String key, Object payload) {
        String json;
        try {
            json = CloudEventJson.mapper().writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(new IllegalArgumentException("event payload of " + type
                    + " cannot be written as JSON", e));
        }
        return tx.preparedQuery(APPEND).execute(Tuple.of(type.topic(), key, type.type(), json)).replaceWithVoid();
    }
}
