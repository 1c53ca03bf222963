package io.pactport.retention.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.pactport.core.events.CloudEventJson;
import io.pactport.core.events.EventType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Records retention events in {@code pactport_outbox} on the connection (and so in the transaction) of the deletes they
 * describe: a batch's deletes and its event are committed or lost together. broker-api's outbox relay publishes every
 * row of that table to Kafka, on the topic the row names, so this service needs no producer of its own.
 */
@ApplicationScoped
public class RetentionOutbox {

    private static final String APPEND = """
            INSERT INTO pactport_outbox (topic, event_key, event_type, payload) VALUES (?, ?, ?, ?::jsonb)
            """;

    public void append(Connection tx, EventType type, String key, Object payload) throws SQLException {
        String json;
        try {
            json = CloudEventJson.mapper().writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event payload of " + type + " cannot be written as JSON", e);
        }
        try (PreparedStatement s = tx.prepareStatement(APPEND)) {
            s.setString(1, type.topic());
            s.setString(2, key);
            s.setString(3, type.type());
            s.setString(4, json);
            s.executeUpdate();
        }
    }
}
