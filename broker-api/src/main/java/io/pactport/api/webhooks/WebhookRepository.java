package io.pactport.api.webhooks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * SQL on {@code webhooks} and {@code webhook_events}, written as the Pact Broker writes them, so the Ruby broker reads
 * Pactport's webhooks after a rollback: headers as a JSON object, a JSON body as its text with
 * {@code is_json_request_body}, and the password Base64-encoded (encoded, not encrypted: that is the Pact Broker's
 * format, and the value must be sent as is).
 */
@ApplicationScoped
public class WebhookRepository {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SELECT = """
            SELECT w.*, c.name AS consumer_name, p.name AS provider_name,
                   ARRAY(SELECT e.name FROM webhook_events e WHERE e.webhook_id = w.id ORDER BY e.id) AS event_names
            FROM webhooks w
            LEFT JOIN pacticipants c ON c.id = w.consumer_id
            LEFT JOIN pacticipants p ON p.id = w.provider_id
            """;
    private static final String FIND_BY_UUID = SELECT + "WHERE w.uuid = $1";
    private static final String FIND_BY_ID = SELECT + "WHERE w.id = $1";
    private static final String LIST = SELECT + "ORDER BY w.id";
    // the Pact Broker's find_by_consumer_and_provider: an absent side means "for any", not "whatever"
    private static final String LIST_FOR = SELECT + """
            WHERE w.consumer_id IS NOT DISTINCT FROM $1 AND w.provider_id IS NOT DISTINCT FROM $2 ORDER BY w.id
            """;
    private static final String INSERT = """
            INSERT INTO webhooks (uuid, method, url, body, is_json_request_body, consumer_id, provider_id,
                                  consumer_label, provider_label, username, password, enabled, description, headers,
                                  created_at, updated_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14,
                    now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC')
            RETURNING id
            """;
    private static final String UPDATE = """
            UPDATE webhooks SET method = $2, url = $3, body = $4, is_json_request_body = $5, consumer_id = $6,
                   provider_id = $7, consumer_label = $8, provider_label = $9, username = $10, password = $11,
                   enabled = $12, description = $13, headers = $14, updated_at = now() AT TIME ZONE 'UTC'
            WHERE id = $1
            """;
    private static final String SET_ENABLED =
            "UPDATE webhooks SET enabled = $2, updated_at = now() AT TIME ZONE 'UTC' WHERE id = $1";
    private static final String DELETE_EVENTS = "DELETE FROM webhook_events WHERE webhook_id = $1";
    private static final String INSERT_EVENTS = """
            INSERT INTO webhook_events (webhook_id, name, created_at, updated_at)
            SELECT $1, name, now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC' FROM unnest($2::text[]) AS name
            """;
    // as the Pact Broker deletes a webhook: its history stays, pointing at it only by uuid
    private static final String DETACH_TRIGGERED =
            "UPDATE triggered_webhooks SET webhook_id = NULL WHERE webhook_id = $1";
    private static final String DETACH_EXECUTIONS =
            "UPDATE webhook_executions SET webhook_id = NULL WHERE webhook_id = $1";
    private static final String DELETE_HEADERS = "DELETE FROM webhook_headers WHERE webhook_id = $1";
    private static final String DELETE = "DELETE FROM webhooks WHERE id = $1";
    // the Pact Broker's find_webhooks_to_trigger: enabled, subscribed to the event, and for this integration by id,
    // by label, or for any
    private static final String TO_TRIGGER = """
            SELECT w.id, w.uuid, w.description, e.name AS event_name
            FROM webhooks w JOIN webhook_events e ON e.webhook_id = w.id
            WHERE w.enabled AND e.name = ANY($3::text[])
              AND (w.consumer_id = $1 OR w.consumer_id IS NULL AND (w.consumer_label IS NULL
                   OR w.consumer_label IN (SELECT name FROM labels WHERE pacticipant_id = $1)))
              AND (w.provider_id = $2 OR w.provider_id IS NULL AND (w.provider_label IS NULL
                   OR w.provider_label IN (SELECT name FROM labels WHERE pacticipant_id = $2)))
            ORDER BY w.id, e.id
            """;

    // the Pact Broker's search_for_latest_pact: the newest consumer version's pact, either side optional
    private static final String LATEST_PACT = """
            SELECT l.pact_publication_id FROM latest_pact_publication_ids_for_consumer_versions l
            JOIN versions v ON v.id = l.consumer_version_id
            WHERE ($1::integer IS NULL OR l.consumer_id = $1) AND ($2::integer IS NULL OR l.provider_id = $2)
            ORDER BY v."order" DESC, l.pact_publication_id DESC LIMIT 1
            """;
    /** A webhook to trigger for one event. */
    public record ToTrigger(long webhookId, String webhookUuid, String description, String eventName) {}

    /** The columns of a webhook to write. */
    public record Fields(
            String uuid,
            Long consumerId,
            Long providerId,
            String consumerLabel,
            String providerLabel,
            boolean enabled,
            String description,
            WebhookRequest request,
            List<String> events) {}

    public Uni<Optional<Webhook>> find(SqlClient sql, String uuid) {
        return sql.preparedQuery(FIND_BY_UUID)
                .execute(Tuple.of(uuid))
                .map(rows -> rows.size() == 0
                        ? Optional.empty()
                        : Optional.of(from(rows.iterator().next())));
    }

    public Uni<List<Webhook>> list(SqlClient sql) {
        return sql.preparedQuery(LIST)
                .execute()
                .map(rows -> rows.stream().map(WebhookRepository::from).toList());
    }

    /** The webhooks with exactly this consumer and provider (null: the webhooks for any). */
    public Uni<List<Webhook>> listFor(SqlClient sql, Long consumerId, Long providerId) {
        return sql.preparedQuery(LIST_FOR)
                .execute(Tuple.of(consumerId, providerId))
                .map(rows -> rows.stream().map(WebhookRepository::from).toList());
    }

    public Uni<Webhook> insert(SqlClient sql, Fields webhook) {
        return sql.preparedQuery(INSERT).execute(columns(null, webhook)).flatMap(rows -> {
            long id = rows.iterator().next().getLong("id");
            return replaceEvents(sql, id, webhook.events()).chain(() -> byId(sql, id));
        });
    }

    public Uni<Webhook> update(SqlClient sql, long id, Fields webhook) {
        return sql.preparedQuery(UPDATE)
                .execute(columns(id, webhook))
                .chain(() -> replaceEvents(sql, id, webhook.events()))
                .chain(() -> byId(sql, id));
    }

    /** Turns the webhook on or off, leaving the rest of it as it is. */
    public Uni<Webhook> setEnabled(SqlClient sql, long id, boolean enabled) {
        return sql.preparedQuery(SET_ENABLED).execute(Tuple.of(id, enabled)).chain(() -> byId(sql, id));
    }

    public Uni<Void> delete(SqlClient sql, long id) {
        Tuple key = Tuple.of(id);
        return sql.preparedQuery(DETACH_TRIGGERED)
                .execute(key)
                .chain(() -> sql.preparedQuery(DETACH_EXECUTIONS).execute(key))
                .chain(() -> sql.preparedQuery(DELETE_HEADERS).execute(key))
                .chain(() -> sql.preparedQuery(DELETE).execute(key))
                .replaceWithVoid();
    }

    /** The enabled webhooks for the integration subscribed to any of the events: one entry per webhook and event. */
    public Uni<List<ToTrigger>> toTrigger(SqlClient sql, long consumerId, long providerId, List<String> events) {
        return sql.preparedQuery(TO_TRIGGER)
                .execute(Tuple.of(consumerId, providerId, events.toArray(String[]::new)))
                .map(rows -> rows.stream()
                        .map(r -> new ToTrigger(
                                r.getLong("id"),
                                r.getString("uuid"),
                                r.getString("description"),
                                r.getString("event_name")))
                        .toList());
    }

    /** The newest pact between the two (null: any), for a test execution. */
    public Uni<Optional<Long>> latestPact(SqlClient sql, Long consumerId, Long providerId) {
        return sql.preparedQuery(LATEST_PACT)
                .execute(Tuple.of(consumerId, providerId))
                .map(rows -> rows.size() == 0
                        ? Optional.empty()
                        : Optional.of(rows.iterator().next().getLong("pact_publication_id")));
    }

    private Uni<Webhook> byId(SqlClient sql, long id) {
        return sql.preparedQuery(FIND_BY_ID)
                .execute(Tuple.of(id))
                .map(rows -> from(rows.iterator().next()));
    }

    private Uni<Void> replaceEvents(SqlClient sql, long id, List<String> events) {
        return sql.preparedQuery(DELETE_EVENTS)
                .execute(Tuple.of(id))
                .chain(() -> sql.preparedQuery(INSERT_EVENTS).execute(Tuple.of(id, events.toArray(String[]::new))))
                .replaceWithVoid();
    }

    private static Tuple columns(Long id, Fields w) {
        WebhookRequest r = w.request();
        String headers;
        try {
            headers = JSON.writeValueAsString(r.headers());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        Object[] values = {
            w.uuid(),
            r.method(),
            r.url(),
            r.body(),
            r.jsonBody(),
            w.consumerId(),
            w.providerId(),
            w.consumerLabel(),
            w.providerLabel(),
            r.username(),
            encodePassword(r.password()),
            w.enabled(),
            w.description(),
            headers
        };
        if (id != null) {
            values[0] = id;
        }
        return Tuple.from(Arrays.asList(values));
    }

    /** The Pact Broker's storage of a webhook password: strict Base64 of the plain text. */
    static String encodePassword(String password) {
        return password == null ? null : Base64.getEncoder().encodeToString(password.getBytes(StandardCharsets.UTF_8));
    }

    static String decodePassword(String stored) {
        if (stored == null) {
            return null;
        }
        try {
            return new String(Base64.getDecoder().decode(stored), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return stored; // written by hand in plain text: send what is there
        }
    }

    static Webhook from(io.vertx.mutiny.sqlclient.Row row) {
        Map<String, String> headers = new LinkedHashMap<>();
        String headersJson = row.getString("headers");
        if (headersJson != null && !headersJson.isBlank()) {
            try {
                headers.putAll(JSON.readValue(headersJson, new TypeReference<Map<String, String>>() {}));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("webhook " + row.getString("uuid") + " has unreadable headers", e);
            }
        }
        Boolean jsonBody = row.getBoolean("is_json_request_body");
        WebhookRequest request = new WebhookRequest(
                row.getString("method"),
                row.getString("url"),
                headers,
                row.getString("body"),
                Boolean.TRUE.equals(jsonBody),
                row.getString("username"),
                decodePassword(row.getString("password")));
        Long consumerId = row.getLong("consumer_id");
        Long providerId = row.getLong("provider_id");
        String consumerLabel = row.getString("consumer_label");
        String providerLabel = row.getString("provider_label");
        WebhookPacticipant consumer = consumerId != null
                ? WebhookPacticipant.named(consumerId, row.getString("consumer_name"))
                : consumerLabel != null ? WebhookPacticipant.labelled(consumerLabel) : null;
        WebhookPacticipant provider = providerId != null
                ? WebhookPacticipant.named(providerId, row.getString("provider_name"))
                : providerLabel != null ? WebhookPacticipant.labelled(providerLabel) : null;
        return new Webhook(
                row.getLong("id"),
                row.getString("uuid"),
                row.getString("description"),
                consumer,
                provider,
                !Boolean.FALSE.equals(row.getBoolean("enabled")),
                request,
                List.of(row.getArrayOfStrings("event_names")),
                row.getLocalDateTime("created_at"),
                row.getLocalDateTime("updated_at"));
    }
}
