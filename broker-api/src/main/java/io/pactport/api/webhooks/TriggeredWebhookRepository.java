package io.pactport.api.webhooks;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * SQL on {@code triggered_webhooks} and {@code webhook_executions} (the Pact Broker's tables, written as it writes
 * them), and on {@code pactport_webhook_attempts}, the executor's schedule: claiming an attempt is one UPDATE that
 * counts it and moves the next attempt time past it, so an attempt is never sent twice and a crash loses no retry.
 */
@ApplicationScoped
public class TriggeredWebhookRepository {

    private static final String INSERT = """
            WITH t AS (
                INSERT INTO triggered_webhooks (uuid, trigger_uuid, trigger_type, pact_publication_id, webhook_id,
                                                webhook_uuid, consumer_id, provider_id, status, created_at,
                                                updated_at, verification_id, event_name, event_context)
                VALUES ($1, $1, 'resource_creation', $2, $3, $4, $5, $6, 'not_run', now() AT TIME ZONE 'UTC',
                        now() AT TIME ZONE 'UTC', $7, $8, $9)
                RETURNING id)
            INSERT INTO pactport_webhook_attempts (triggered_webhook_id, next_attempt_at)
            SELECT id, now() + make_interval(secs => $10) FROM t
            """;
    private static final String SELECT = """
            SELECT t.id, t.uuid, t.webhook_id, t.webhook_uuid, t.status, t.trigger_type, t.event_name, t.created_at,
                   c.name AS consumer_name, p.name AS provider_name, w.method, w.url,
                   (SELECT count(*) FROM webhook_executions x WHERE x.triggered_webhook_id = t.id) AS attempts_made
            FROM triggered_webhooks t
            JOIN pacticipants c ON c.id = t.consumer_id
            JOIN pacticipants p ON p.id = t.provider_id
            LEFT JOIN webhooks w ON w.id = t.webhook_id
            """;
    private static final String FIND = SELECT + "WHERE t.uuid = $1";
    private static final String FIND_BY_ID = SELECT + "WHERE t.id = $1";
    // the latest revision of the consumer version's pact, as the Pact Broker's pact resource names one
    private static final String FOR_PACT = SELECT + """
            WHERE t.pact_publication_id = (
                SELECT l.pact_publication_id FROM latest_pact_publication_ids_for_consumer_versions l
                JOIN versions v ON v.id = l.consumer_version_id
                WHERE l.consumer_id = c.id AND l.provider_id = p.id AND v.number = $3)
              AND c.name = $1 AND p.name = $2
            ORDER BY t.id
            """;
    private static final String FOR_VERIFICATION = SELECT + """
            WHERE t.verification_id = (
                SELECT v.id FROM verifications v JOIN pact_versions pv ON pv.id = v.pact_version_id
                WHERE pv.consumer_id = c.id AND pv.provider_id = p.id AND pv.sha = $3 AND v.number = $4)
              AND c.name = $1 AND p.name = $2
            ORDER BY t.id
            """;
    // the Pact Broker's latest_triggered_webhooks: the newest per webhook and event for the integration
    private static final String LATEST_FOR_INTEGRATION = SELECT + """
            WHERE t.id IN (SELECT max(l.id) FROM triggered_webhooks l
                           WHERE l.consumer_id = $1 AND l.provider_id = $2
                           GROUP BY l.webhook_uuid, l.event_name)
            ORDER BY t.id
            """;
    // a webhook's history on its page, newest first; by uuid, as the rows keep it
    private static final String RECENT_FOR_WEBHOOK = SELECT + "WHERE t.webhook_uuid = $1 ORDER BY t.id DESC LIMIT $2";
    // the newest run of each webhook, for the list of webhooks: one index look-up per webhook
    private static final String LATEST_PER_WEBHOOK = SELECT + """
            WHERE t.id IN (SELECT (SELECT l.id FROM triggered_webhooks l WHERE l.webhook_id = w2.id
                                   ORDER BY l.id DESC LIMIT 1) FROM webhooks w2)
            """;
    private static final String EXECUTIONS_OF = """
            SELECT triggered_webhook_id, success, logs, created_at FROM webhook_executions
            WHERE triggered_webhook_id = ANY($1) ORDER BY id DESC
            """;
    private static final String EXECUTIONS = """
            SELECT success, logs, created_at FROM webhook_executions WHERE triggered_webhook_id = $1 ORDER BY id
            """;
    private static final String TRIGGER = """
            SELECT t.id, t.uuid, t.webhook_id, t.webhook_uuid, t.event_name, t.event_context, t.pact_publication_id,
                   t.verification_id, t.consumer_id, t.provider_id
            FROM triggered_webhooks t WHERE t.id = $1
            """;
    private static final String FACTS = """
            SELECT c.name AS consumer_name, p.name AS provider_name, cv.number AS consumer_version_number, pv.sha,
                   ARRAY(SELECT tg.name FROM tags tg WHERE tg.version_id = cv.id ORDER BY tg.created_at, tg.name)
                       AS consumer_version_tags,
                   (SELECT bv.branch_name FROM branch_versions bv WHERE bv.version_id = cv.id ORDER BY bv.id DESC
                    LIMIT 1) AS consumer_version_branch,
                   ARRAY(SELECT l.name FROM labels l WHERE l.pacticipant_id = c.id ORDER BY l.name) AS consumer_labels,
                   ARRAY(SELECT l.name FROM labels l WHERE l.pacticipant_id = p.id ORDER BY l.name) AS provider_labels,
                   ver.number AS verification_number, ver.success AS verification_success,
                   prv.number AS provider_version_number,
                   ARRAY(SELECT tg.name FROM tags tg WHERE tg.version_id = prv.id ORDER BY tg.created_at, tg.name)
                       AS provider_version_tags,
                   (SELECT bv.branch_name FROM branch_versions bv WHERE bv.version_id = prv.id ORDER BY bv.id DESC
                    LIMIT 1) AS provider_version_branch
            FROM pact_publications pp
            JOIN pacticipants c ON c.id = pp.consumer_id
            JOIN pacticipants p ON p.id = pp.provider_id
            JOIN versions cv ON cv.id = pp.consumer_version_id
            JOIN pact_versions pv ON pv.id = pp.pact_version_id
            LEFT JOIN LATERAL (
                SELECT v.number, v.success, v.provider_version_id FROM verifications v
                WHERE CASE WHEN $2::integer IS NULL THEN v.pact_version_id = pp.pact_version_id ELSE v.id = $2 END
                ORDER BY v.id DESC LIMIT 1) ver ON true
            LEFT JOIN versions prv ON prv.id = ver.provider_version_id
            WHERE pp.id = $1
            """;
    // claiming counts the attempt and puts the next one past this attempt's time limit, so that the next retry is
    // already scheduled should this replica die while sending; the result then moves it to the retry delay
    private static final String CLAIM_SET = """
            SET attempts_claimed = a.attempts_claimed + 1,
                next_attempt_at = $1 + make_interval(secs => $3 + COALESCE(($2::int[])[a.attempts_claimed + 1], 0))
            """;
    private static final String CLAIM_FIRST = "UPDATE pactport_webhook_attempts a " + CLAIM_SET + """
            FROM triggered_webhooks t
            WHERE t.uuid = $4 AND a.triggered_webhook_id = t.id AND a.attempts_claimed = 0
            RETURNING a.triggered_webhook_id, a.attempts_claimed
            """;
    private static final String CLAIM_DUE = "UPDATE pactport_webhook_attempts a " + CLAIM_SET + """
            FROM (SELECT triggered_webhook_id FROM pactport_webhook_attempts
                  WHERE next_attempt_at <= $1 AND attempts_claimed <= cardinality($2::int[])
                  ORDER BY next_attempt_at LIMIT $4 FOR UPDATE SKIP LOCKED) due
            WHERE a.triggered_webhook_id = due.triggered_webhook_id
            RETURNING a.triggered_webhook_id, a.attempts_claimed
            """;
    // every attempt was claimed and the last one's time limit passed without a result: its replica died sending it
    private static final String ABANDON = """
            WITH gone AS (
                DELETE FROM pactport_webhook_attempts a
                WHERE a.triggered_webhook_id IN (
                    SELECT triggered_webhook_id FROM pactport_webhook_attempts
                    WHERE next_attempt_at <= $1 AND attempts_claimed > cardinality($2::int[])
                    FOR UPDATE SKIP LOCKED)
                RETURNING triggered_webhook_id)
            UPDATE triggered_webhooks SET status = 'failure', updated_at = now() AT TIME ZONE 'UTC'
            WHERE id IN (SELECT triggered_webhook_id FROM gone)
            """;
    private static final String INSERT_EXECUTION = """
            INSERT INTO webhook_executions (triggered_webhook_id, success, logs, created_at)
            VALUES ($1, $2, $3, now() AT TIME ZONE 'UTC')
            """;
    private static final String SET_STATUS = """
            UPDATE triggered_webhooks SET status = $2, updated_at = now() AT TIME ZONE 'UTC' WHERE id = $1
            """;
    private static final String RESCHEDULE = """
            UPDATE pactport_webhook_attempts SET next_attempt_at = now() + make_interval(secs => $3)
            WHERE triggered_webhook_id = $1 AND attempts_claimed = $2
            """;
    private static final String FINISH = """
            DELETE FROM pactport_webhook_attempts WHERE triggered_webhook_id = $1 AND attempts_claimed = $2
            """;

    /** A new triggered webhook, as the Pact Broker's trigger service creates it. */
    public record NewTrigger(
            String uuid,
            long pactPublicationId,
            long webhookId,
            String webhookUuid,
            long consumerId,
            long providerId,
            Long verificationId,
            String eventName,
            String eventContext) {}

    /** A triggered webhook as the executor needs it. */
    public record Trigger(
            long id,
            String uuid,
            Long webhookId,
            String webhookUuid,
            String eventName,
            String eventContext,
            long pactPublicationId,
            Long verificationId) {}

    /** An attempt this replica claimed: the {@code attempt}-th (from 1) of the triggered webhook. */
    public record Claim(long triggeredWebhookId, int attempt) {}

    /**
     * Records the trigger and schedules it: the Kafka event normally starts it at once; if not, the poll does after
     * {@code unclaimedAfterSeconds}.
     */
    public Uni<Void> insert(SqlClient sql, NewTrigger t, double unclaimedAfterSeconds) {
        return sql.preparedQuery(INSERT)
                .execute(Tuple.from(Arrays.asList(
                        t.uuid(),
                        t.pactPublicationId(),
                        t.webhookId(),
                        t.webhookUuid(),
                        t.consumerId(),
                        t.providerId(),
                        t.verificationId(),
                        t.eventName(),
                        t.eventContext(),
                        unclaimedAfterSeconds)))
                .replaceWithVoid();
    }

    public Uni<Optional<TriggeredWebhook>> find(SqlClient sql, String uuid) {
        return sql.preparedQuery(FIND)
                .execute(Tuple.of(uuid))
                .map(rows -> rows.size() == 0
                        ? Optional.empty()
                        : Optional.of(from(rows.iterator().next())));
    }

    public Uni<TriggeredWebhook> find(SqlClient sql, long id) {
        return sql.preparedQuery(FIND_BY_ID)
                .execute(Tuple.of(id))
                .map(rows -> from(rows.iterator().next()));
    }

    public Uni<List<TriggeredWebhook>> forPact(SqlClient sql, String consumer, String provider, String version) {
        return list(sql, FOR_PACT, Tuple.of(consumer, provider, version));
    }

    public Uni<List<TriggeredWebhook>> forVerification(
            SqlClient sql, String consumer, String provider, String sha, int number) {
        return list(sql, FOR_VERIFICATION, Tuple.of(consumer, provider, sha, number));
    }

    public Uni<List<TriggeredWebhook>> latestForIntegration(SqlClient sql, long consumerId, long providerId) {
        return list(sql, LATEST_FOR_INTEGRATION, Tuple.of(consumerId, providerId));
    }

    public Uni<List<WebhookExecution>> executions(SqlClient sql, long triggeredWebhookId) {
        return sql.preparedQuery(EXECUTIONS)
                .execute(Tuple.of(triggeredWebhookId))
                .map(rows -> rows.stream()
                        .map(r -> new WebhookExecution(
                                r.getBoolean("success"), r.getString("logs"), r.getLocalDateTime("created_at")))
                        .toList());
    }

    /** The webhook's newest triggered runs, newest first. */
    public Uni<List<TriggeredWebhook>> recentForWebhook(SqlClient sql, String webhookUuid, int limit) {
        return list(sql, RECENT_FOR_WEBHOOK, Tuple.of(webhookUuid, limit));
    }

    /** The newest triggered run of every webhook that has run, by webhook id. */
    public Uni<Map<Long, TriggeredWebhook>> latestPerWebhook(SqlClient sql) {
        return list(sql, LATEST_PER_WEBHOOK, Tuple.tuple())
                .map(runs -> runs.stream().collect(Collectors.toMap(TriggeredWebhook::webhookId, t -> t)));
    }

    /** The attempts of these triggered webhooks, newest first, by triggered webhook id. */
    public Uni<Map<Long, List<WebhookExecution>>> executionsOf(SqlClient sql, List<Long> triggeredWebhookIds) {
        return sql.preparedQuery(EXECUTIONS_OF)
                .execute(Tuple.of(triggeredWebhookIds.toArray(Long[]::new)))
                .map(rows -> {
                    Map<Long, List<WebhookExecution>> byId = new HashMap<>();
                    rows.forEach(r -> byId.computeIfAbsent(r.getLong("triggered_webhook_id"), id -> new ArrayList<>())
                            .add(new WebhookExecution(
                                    r.getBoolean("success"), r.getString("logs"), r.getLocalDateTime("created_at"))));
                    return byId;
                });
    }

    public Uni<Trigger> trigger(SqlClient sql, long id) {
        return sql.preparedQuery(TRIGGER).execute(Tuple.of(id)).map(rows -> {
            Row r = rows.iterator().next();
            return new Trigger(
                    r.getLong("id"),
                    r.getString("uuid"),
                    r.getLong("webhook_id"),
                    r.getString("webhook_uuid"),
                    r.getString("event_name"),
                    r.getString("event_context"),
                    r.getLong("pact_publication_id"),
                    r.getLong("verification_id"));
        });
    }

    /** The template facts for a pact publication, with this verification or (null) the content's latest. */
    public Uni<WebhookFacts> facts(SqlClient sql, long pactPublicationId, Long verificationId) {
        return sql.preparedQuery(FACTS)
                .execute(Tuple.of(pactPublicationId, verificationId))
                .map(rows -> {
                    Row r = rows.iterator().next();
                    return new WebhookFacts(
                            r.getString("consumer_name"),
                            r.getString("provider_name"),
                            r.getString("consumer_version_number"),
                            List.of(r.getArrayOfStrings("consumer_version_tags")),
                            r.getString("consumer_version_branch"),
                            r.getString("sha"),
                            List.of(r.getArrayOfStrings("consumer_labels")),
                            List.of(r.getArrayOfStrings("provider_labels")),
                            r.getInteger("verification_number"),
                            r.getBoolean("verification_success"),
                            r.getString("provider_version_number"),
                            List.of(r.getArrayOfStrings("provider_version_tags")),
                            r.getString("provider_version_branch"));
                });
    }

    /** Claims the first attempt of the triggered webhook; empty when it was claimed before (a redelivered event). */
    public Uni<Optional<Claim>> claimFirst(
            SqlClient sql, String uuid, Instant now, int[] schedule, double leaseSeconds) {
        return sql.preparedQuery(CLAIM_FIRST)
                .execute(Tuple.of(utc(now), boxed(schedule), leaseSeconds, uuid))
                .map(rows ->
                        rows.stream().map(TriggeredWebhookRepository::claim).findFirst());
    }

    /** Claims up to {@code limit} due attempts; another replica's claims are skipped, never waited for. */
    public Uni<List<Claim>> claimDue(SqlClient sql, Instant now, int[] schedule, double leaseSeconds, int limit) {
        return sql.preparedQuery(CLAIM_DUE)
                .execute(Tuple.of(utc(now), boxed(schedule), leaseSeconds, limit))
                .map(rows ->
                        rows.stream().map(TriggeredWebhookRepository::claim).toList());
    }

    /** Fails the triggered webhooks whose last attempt was claimed but never finished; how many. */
    public Uni<Integer> abandonInterrupted(SqlClient sql, Instant now, int[] schedule) {
        return sql.preparedQuery(ABANDON)
                .execute(Tuple.of(utc(now), boxed(schedule)))
                .map(rows -> rows.rowCount());
    }

    /**
     * Records a claimed attempt's result: its execution row, the status, and the next attempt (after
     * {@code retryDelaySeconds}) or none when {@code status} is final.
     */
    public Uni<Void> record(
            SqlClient sql, Claim claim, boolean success, String logs, String status, Integer retryDelaySeconds) {
        Uni<?> schedule = retryDelaySeconds == null
                ? sql.preparedQuery(FINISH).execute(Tuple.of(claim.triggeredWebhookId(), claim.attempt()))
                : sql.preparedQuery(RESCHEDULE)
                        .execute(Tuple.of(claim.triggeredWebhookId(), claim.attempt(), (double) retryDelaySeconds));
        return sql.preparedQuery(INSERT_EXECUTION)
                .execute(Tuple.of(claim.triggeredWebhookId(), success, logs))
                .chain(() -> sql.preparedQuery(SET_STATUS).execute(Tuple.of(claim.triggeredWebhookId(), status)))
                .chain(() -> schedule)
                .replaceWithVoid();
    }

    /** Ends a triggered webhook that cannot run (its webhook was deleted) without an execution, as the Pact Broker does. */
    public Uni<Void> fail(SqlClient sql, Claim claim) {
        return sql.preparedQuery(SET_STATUS)
                .execute(Tuple.of(claim.triggeredWebhookId(), TriggeredWebhook.FAILURE))
                .chain(() -> sql.preparedQuery(FINISH).execute(Tuple.of(claim.triggeredWebhookId(), claim.attempt())))
                .replaceWithVoid();
    }

    private Uni<List<TriggeredWebhook>> list(SqlClient sql, String query, Tuple params) {
        return sql.preparedQuery(query)
                .execute(params)
                .map(rows -> rows.stream().map(TriggeredWebhookRepository::from).toList());
    }

    private static Claim claim(Row r) {
        return new Claim(r.getLong("triggered_webhook_id"), r.getInteger("attempts_claimed"));
    }

    private static OffsetDateTime utc(Instant now) {
        return now.atOffset(ZoneOffset.UTC);
    }

    private static Integer[] boxed(int[] values) {
        return Arrays.stream(values).boxed().toArray(Integer[]::new);
    }

    private static TriggeredWebhook from(Row r) {
        String method = r.getString("method");
        String description = method == null ? null : WebhookRequest.description(method, r.getString("url"));
        return new TriggeredWebhook(
                r.getLong("id"),
                r.getString("uuid"),
                r.getLong("webhook_id"),
                r.getString("webhook_uuid"),
                r.getString("status"),
                r.getString("trigger_type"),
                r.getString("event_name"),
                r.getString("consumer_name"),
                r.getString("provider_name"),
                description,
                r.getLong("attempts_made").intValue(),
                r.getLocalDateTime("created_at"));
    }
}
