package io.pactport.api.events;

import io.pactport.core.events.CloudEventJson;
import io.pactport.core.events.PactportEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

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

    /** Records the event in the caller's transaction, on its type's topic and under its key. */
    public Uni<Void> append(SqlClient tx, PactportEvent event) {
        String json;
        try {
            json = CloudEventJson.payload(event);
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().failure(e);
        }
        return tx.preparedQuery(APPEND)
                .execute(
                        Tuple.of(event.type().topic(), event.key(), event.type().type(), json))
                .replaceWithVoid();
    }

    /** Records the events in the caller's transaction, in this order, in one round trip. */
    public Uni<Void> appendAll(SqlClient tx, List<? extends PactportEvent> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Tuple> rows = new ArrayList<>();
        try {
            for (PactportEvent event : events) {
                rows.add(Tuple.of(
                        event.type().topic(), event.key(), event.type().type(), CloudEventJson.payload(event)));
            }
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().failure(e);
        }
        return tx.preparedQuery(APPEND).executeBatch(rows).replaceWithVoid();
    }
}
