package io.pactport.retention.messaging;

import io.pactport.core.events.CloudEventJson;
import io.pactport.core.events.PactportEvent;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

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

    /** Records the event in the connection's transaction, on its type's topic and under its key. */
    public void append(Connection tx, PactportEvent event) throws SQLException {
        String json = CloudEventJson.payload(event);
        try (PreparedStatement s = tx.prepareStatement(APPEND)) {
            s.setString(1, event.type().topic());
            s.setString(2, event.key());
            s.setString(3, event.type().type());
            s.setString(4, json);
            s.executeUpdate();
        }
    }
}
