package io.pactport.api.verifications;

import io.pactport.api.pacts.PactVersionRef;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * SQL on {@code verifications} and the helper tables a verification updates:
 * {@code latest_verification_id_for_pact_version_and_provider_version} (one row per content and provider version) and
 * {@code pact_version_provider_tag_successful_verifications} (the pending status of tag-based selectors).
 */
@ApplicationScoped
public class VerificationRepository {

    private static final String NEXT_NUMBER = "SELECT nextval('verification_number_sequence') AS number";
    private static final String FIND_PACT_VERSION = """
            SELECT pv.id, pv.consumer_id, c.name AS consumer_name, pv.provider_id, p.name AS provider_name, pv.sha,
                   (SELECT cv.number FROM latest_pact_publication_ids_for_consumer_versions lp
                    JOIN versions cv ON cv.id = lp.consumer_version_id
                    WHERE lp.pact_version_id = pv.id ORDER BY cv."order" DESC LIMIT 1) AS latest_consumer_version
            FROM pact_versions pv
            JOIN pacticipants c ON c.id = pv.consumer_id
            JOIN pacticipants p ON p.id = pv.provider_id
            WHERE p.name = $1 AND c.name = $2 AND pv.sha = $3
            """;
    private static final String VERSION_NUMBERS = "SELECT id, number FROM versions WHERE id = ANY($1)";
    // The verification, both helper tables, and tag_names (the provider version's tags now, as compact JSON) in one
    // statement: a verification publication is on the path every provider build waits on.
    private static final String INSERT = """
            WITH inserted AS (
              INSERT INTO verifications (number, success, build_url, pact_version_id, execution_date, created_at,
                                         provider_version_id, test_results, consumer_id, provider_id, wip,
                                         consumer_version_selector_hashes, tag_names, pact_pending,
                                         verified_by_implementation, verified_by_version,
                                         verified_by_client_implementation, verified_by_client_version,
                                         verified_by_client_test_framework)
              VALUES ($1, $2, $3, $4, now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC', $5, $6, $7, $8, $9, $10,
                      (SELECT COALESCE('[' || string_agg(to_json(t.name)::text, ',' ORDER BY t.created_at, t.name)
                                       || ']', '[]')
                       FROM tags t WHERE t.version_id = $5),
                      $11, $12, $13, $14, $15, $16)
              RETURNING *
            ), latest AS (
              INSERT INTO latest_verification_id_for_pact_version_and_provider_version
                     (consumer_id, pact_version_id, provider_id, provider_version_id, verification_id, created_at)
              SELECT consumer_id, pact_version_id, provider_id, provider_version_id, id, created_at FROM inserted
              ON CONFLICT (pact_version_id, provider_version_id)
              DO UPDATE SET verification_id = excluded.verification_id, created_at = excluded.created_at
            ), tagged AS (
              INSERT INTO pact_version_provider_tag_successful_verifications
                     (pact_version_id, provider_version_tag_name, wip, verification_id, execution_date)
              SELECT i.pact_version_id, t.name, i.wip, i.id, i.execution_date
              FROM inserted i JOIN tags t ON t.version_id = i.provider_version_id
              WHERE i.success
              ON CONFLICT (pact_version_id, provider_version_tag_name, wip) DO NOTHING
            )
            SELECT id, execution_date, tag_names FROM inserted
            """;
    private static final String COLUMNS = """
            SELECT v.id, v.number, c.name AS consumer_name, p.name AS provider_name, pv.sha,
                   prv.number AS provider_version_number, v.success, v.execution_date, v.build_url, v.test_results,
                   v.verified_by_implementation, v.verified_by_version, v.verified_by_client_implementation,
                   v.verified_by_client_version, v.verified_by_client_test_framework
            FROM verifications v
            JOIN pact_versions pv ON pv.id = v.pact_version_id
            JOIN pacticipants c ON c.id = pv.consumer_id
            JOIN pacticipants p ON p.id = pv.provider_id
            LEFT JOIN versions prv ON prv.id = v.provider_version_id
            """;
    private static final String SELECT = COLUMNS + " WHERE p.name = $1 AND c.name = $2 AND pv.sha = $3";
    private static final String FIND = SELECT + " AND v.number = $4";
    private static final String FIND_LATEST = SELECT + " ORDER BY v.id DESC LIMIT 1";
    private static final String CONSUMER_VERSION_ID = """
            SELECT cv.id FROM versions cv JOIN pacticipants c ON c.id = cv.pacticipant_id
            WHERE c.name = $1 AND cv.number = $2
            """;
    // the latest result of the content of each of the consumer version's pacts (their latest revisions)
    private static final String LATEST_FOR_CONSUMER_VERSION = COLUMNS + """
             WHERE v.id IN (
              SELECT max(lv.verification_id)
              FROM latest_pact_publication_ids_for_consumer_versions lp
              JOIN latest_verification_id_for_pact_version_and_provider_version lv
                ON lv.pact_version_id = lp.pact_version_id
              WHERE lp.consumer_version_id = $1
              GROUP BY lp.pact_version_id)
            ORDER BY lower(p.name), p.name
            """;
    private static final String PROVIDERS_OF_CONSUMER_VERSION = """
            SELECT p.name FROM latest_pact_publication_ids_for_consumer_versions lp
            JOIN pacticipants p ON p.id = lp.provider_id
            WHERE lp.consumer_version_id = $1
            ORDER BY lower(p.name), p.name
            """;
    // a result's triggered webhooks (and their executions) refer to it without cascading, as in the Pact Broker
    private static final String DELETE_WEBHOOK_EXECUTIONS = """
            DELETE FROM webhook_executions WHERE triggered_webhook_id IN (
              SELECT id FROM triggered_webhooks WHERE verification_id = $1)
            """;
    private static final String DELETE_TRIGGERED_WEBHOOKS = "DELETE FROM triggered_webhooks WHERE verification_id = $1";
    // latest_verification_id_for_pact_version_and_provider_version's row cascades away with the result, and
    // pact_version_provider_tag_successful_verifications keeps its row with a null verification_id (the content stays
    // "successfully verified by a provider version with that tag", as in the Pact Broker)
    private static final String DELETE = """
            DELETE FROM verifications WHERE id = $1 RETURNING pact_version_id, provider_version_id
            """;
    // the helper table holds the latest result of each pair of content and provider version: when the deleted result
    // was that pair's, the pair's previous result (if any) is its latest again, so the matrix still shows the pair
    private static final String RESTORE_LATEST = """
            INSERT INTO latest_verification_id_for_pact_version_and_provider_version
                   (consumer_id, pact_version_id, provider_id, provider_version_id, verification_id, created_at)
            SELECT consumer_id, pact_version_id, provider_id, provider_version_id, id, created_at
            FROM verifications WHERE pact_version_id = $1 AND provider_version_id = $2
            ORDER BY id DESC LIMIT 1
            ON CONFLICT (pact_version_id, provider_version_id) DO NOTHING
            """;

    /** The content being verified, and the latest consumer version that published it. */
    public record PactVersionToVerify(PactVersionRef pactVersion, String latestConsumerVersion) {}

    /** What a verification row holds beyond its keys. */
    public record NewVerification(
            int number,
            boolean success,
            String buildUrl,
            long pactVersionId,
            long providerVersionId,
            String testResults,
            long consumerId,
            long providerId,
            boolean wip,
            String consumerVersionSelectorHashes,
            Boolean pactPending,
            String implementation,
            String version,
            String clientImplementation,
            String clientVersion,
            String clientTestFramework) {}

    /** An inserted verification's generated values. */
    public record Inserted(long id, LocalDateTime executionDate, String tagNames) {}

    /** Taken before the insert, because the new result's URL, answered in Location, contains it. */
    public Uni<Integer> nextNumber(SqlClient c) {
        return c.query(NEXT_NUMBER)
                .execute()
                .map(rows -> rows.iterator().next().getLong("number").intValue());
    }

    public Uni<Optional<PactVersionToVerify>> findPactVersion(
            SqlClient c, String provider, String consumer, String sha) {
        return c.preparedQuery(FIND_PACT_VERSION)
                .execute(Tuple.of(provider, consumer, sha))
                .map(rows -> {
                    var it = rows.iterator();
                    if (!it.hasNext()) {
                        return Optional.empty();
                    }
                    Row row = it.next();
                    return Optional.of(new PactVersionToVerify(
                            PactVersionRef.from(row), row.getString("latest_consumer_version")));
                });
    }

    /** Version numbers by id (the verification metadata names consumer versions by id). */
    public Uni<Map<Long, String>> versionNumbers(SqlClient c, List<Long> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return c.preparedQuery(VERSION_NUMBERS)
                .execute(Tuple.of(ids.toArray(Long[]::new)))
                .map(rows -> {
                    Map<Long, String> numbers = new HashMap<>();
                    rows.forEach(row -> numbers.put(row.getLong("id"), row.getString("number")));
                    return numbers;
                });
    }

    public Uni<Inserted> insert(SqlClient c, NewVerification v) {
        Tuple params = Tuple.tuple()
                .addInteger(v.number())
                .addBoolean(v.success())
                .addString(v.buildUrl())
                .addLong(v.pactVersionId())
                .addLong(v.providerVersionId())
                .addString(v.testResults())
                .addLong(v.consumerId())
                .addLong(v.providerId())
                .addBoolean(v.wip())
                .addString(v.consumerVersionSelectorHashes())
                .addBoolean(v.pactPending())
                .addString(v.implementation())
                .addString(v.version())
                .addString(v.clientImplementation())
                .addString(v.clientVersion())
                .addString(v.clientTestFramework());
        return c.preparedQuery(INSERT).execute(params).map(rows -> {
            Row row = rows.iterator().next();
            return new Inserted(row.getLong("id"), row.getLocalDateTime("execution_date"), row.getString("tag_names"));
        });
    }

    public Uni<Optional<VerificationResult>> find(
            SqlClient c, String provider, String consumer, String sha, int number) {
        return c.preparedQuery(FIND)
                .execute(Tuple.of(provider, consumer, sha, number))
                .map(VerificationRepository::first);
    }

    public Uni<Optional<VerificationResult>> findLatest(SqlClient c, String provider, String consumer, String sha) {
        return c.preparedQuery(FIND_LATEST)
                .execute(Tuple.of(provider, consumer, sha))
                .map(VerificationRepository::first);
    }

    /** The id of the consumer's version, if there is one. */
    public Uni<Optional<Long>> consumerVersionId(SqlClient c, String consumer, String number) {
        return c.preparedQuery(CONSUMER_VERSION_ID)
                .execute(Tuple.of(consumer, number))
                .map(rows -> {
                    var it = rows.iterator();
                    return it.hasNext() ? Optional.of(it.next().getLong("id")) : Optional.empty();
                });
    }

    /** The latest result of each of the consumer version's pacts, by provider name. */
    public Uni<List<VerificationResult>> latestForConsumerVersion(SqlClient c, long consumerVersionId) {
        return c.preparedQuery(LATEST_FOR_CONSUMER_VERSION)
                .execute(Tuple.of(consumerVersionId))
                .map(rows -> {
                    List<VerificationResult> results = new ArrayList<>();
                    rows.forEach(row -> results.add(VerificationResult.from(row)));
                    return results;
                });
    }

    /** The providers the consumer version has a pact with, by name. */
    public Uni<List<String>> providersOfConsumerVersion(SqlClient c, long consumerVersionId) {
        return c.preparedQuery(PROVIDERS_OF_CONSUMER_VERSION)
                .execute(Tuple.of(consumerVersionId))
                .map(rows -> {
                    List<String> names = new ArrayList<>();
                    rows.forEach(row -> names.add(row.getString("name")));
                    return names;
                });
    }

    /** Deletes the result with its triggered webhooks, keeping the helper tables' invariants. */
    public Uni<Void> delete(SqlClient c, long verificationId) {
        Tuple id = Tuple.of(verificationId);
        return c.preparedQuery(DELETE_WEBHOOK_EXECUTIONS)
                .execute(id)
                .call(() -> c.preparedQuery(DELETE_TRIGGERED_WEBHOOKS).execute(id))
                .flatMap(ignored -> c.preparedQuery(DELETE).execute(id))
                .flatMap(rows -> {
                    Row deleted = rows.iterator().next();
                    Long providerVersionId = deleted.getLong("provider_version_id");
                    return providerVersionId == null
                            ? Uni.createFrom().voidItem()
                            : c.preparedQuery(RESTORE_LATEST)
                                    .execute(Tuple.of(deleted.getLong("pact_version_id"), providerVersionId))
                                    .replaceWithVoid();
                });
    }

    private static Optional<VerificationResult> first(RowSet<Row> rows) {
        var it = rows.iterator();
        return it.hasNext() ? Optional.of(VerificationResult.from(it.next())) : Optional.empty();
    }
}
