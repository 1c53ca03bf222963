package io.pactport.api.webhooks;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/**
 * The questions the Pact Broker asks when an event fires: has the pact's content changed, which provider versions still
 * have to verify it, which verification to report with, which pact a verification's webhook is for.
 */
@ApplicationScoped
public class WebhookTriggerRepository {

    // the Pact Broker's rule: compared with the previous consumer version's pact per tag of this version (or among
    // untagged versions when it has none), new content or no previous pact means changed; one row per tag, in the
    // order the version was tagged, or one untagged row (tag null)
    private static final String CONTENT_CHANGES = """
            WITH pub AS (
                SELECT pp.consumer_id, pp.provider_id, pp.consumer_version_id, pp.pact_version_id, v."order" AS ord
                FROM pact_publications pp JOIN versions v ON v.id = pp.consumer_version_id WHERE pp.id = $1),
            scopes AS (
                SELECT t.name AS tag, t.created_at FROM tags t JOIN pub ON t.version_id = pub.consumer_version_id
                UNION ALL
                SELECT NULL, NULL WHERE NOT EXISTS (SELECT 1 FROM tags t JOIN pub ON t.version_id = pub.consumer_version_id))
            SELECT s.tag, prev.pact_version_id IS NOT NULL AS had_previous,
                   prev.pact_version_id IS DISTINCT FROM pub.pact_version_id AS changed
            FROM pub CROSS JOIN scopes s
            LEFT JOIN LATERAL (
                SELECT l.pact_version_id FROM latest_pact_publication_ids_for_consumer_versions l
                JOIN versions v ON v.id = l.consumer_version_id
                WHERE l.consumer_id = pub.consumer_id AND l.provider_id = pub.provider_id AND v."order" < pub.ord
                  AND CASE WHEN s.tag IS NULL THEN NOT EXISTS (SELECT 1 FROM tags t WHERE t.version_id = v.id)
                           ELSE EXISTS (SELECT 1 FROM tags t WHERE t.version_id = v.id AND t.name = s.tag) END
                ORDER BY v."order" DESC LIMIT 1) prev ON true
            ORDER BY s.created_at, s.tag
            """;
    private static final String MAIN_BRANCH_VERIFICATION = """
            SELECT v.id FROM verifications v
            JOIN pacticipants p ON p.id = v.provider_id
            JOIN branch_versions bv ON bv.version_id = v.provider_version_id AND bv.branch_name = p.main_branch
            WHERE v.pact_version_id = $1 ORDER BY v.id DESC LIMIT 1
            """;
    // the Pact Broker's calculate_required_verifications_for_pact: the provider's main branch head, and its versions
    // deployed or released and supported, that have not verified this content; one row per provider version
    private static final String REQUIRED_VERIFICATIONS = """
            WITH candidates AS (
                SELECT v.id, v.number, v."order", b.name AS main_branch, 'latest from main branch' AS description,
                       1 AS kind
                FROM pacticipants p
                JOIN branches b ON b.pacticipant_id = p.id AND b.name = p.main_branch
                JOIN branch_heads bh ON bh.branch_id = b.id
                JOIN versions v ON v.id = bh.version_id
                WHERE p.id = $1
                UNION ALL
                SELECT v.id, v.number, v."order", NULL, 'deployed in ' || e.name, 2
                FROM currently_deployed_version_ids c
                JOIN versions v ON v.id = c.version_id JOIN environments e ON e.id = c.environment_id
                WHERE c.pacticipant_id = $1
                UNION ALL
                SELECT v.id, v.number, v."order", NULL, 'released in ' || e.name, 3
                FROM released_versions r
                JOIN versions v ON v.id = r.version_id JOIN environments e ON e.id = r.environment_id
                WHERE r.pacticipant_id = $1 AND r.support_ended_at IS NULL)
            SELECT c.number,
                   coalesce(max(c.main_branch), (SELECT bv.branch_name FROM branch_versions bv
                                                 WHERE bv.version_id = c.id ORDER BY bv.id DESC LIMIT 1)) AS branch,
                   array_agg(DISTINCT c.description) AS descriptions
            FROM candidates c
            WHERE NOT EXISTS (SELECT 1 FROM verifications x WHERE x.pact_version_id = $2 AND x.provider_version_id = c.id)
            GROUP BY c.id, c.number, c."order"
            ORDER BY c."order"
            """;
    private static final String VERIFICATION = """
            SELECT v.id, v.success, v.pact_version_id, v.consumer_id, v.provider_id, v.consumer_version_selector_hashes,
                   ARRAY(SELECT t.name FROM tags t WHERE t.version_id = v.provider_version_id
                         ORDER BY t.created_at, t.name) AS provider_version_tags,
                   (SELECT l.pact_publication_id FROM latest_pact_publication_ids_for_consumer_versions l
                    JOIN versions cv ON cv.id = l.consumer_version_id
                    WHERE l.pact_version_id = v.pact_version_id ORDER BY cv."order" DESC LIMIT 1) AS pact_publication_id
            FROM verifications v WHERE v.id = $1
            """;
    private static final String PACT_FOR_CONSUMER_VERSION = """
            SELECT l.pact_publication_id FROM latest_pact_publication_ids_for_consumer_versions l
            JOIN versions v ON v.id = l.consumer_version_id
            WHERE l.consumer_id = $1 AND l.provider_id = $2 AND v.number = $3
            """;
    private static final String BUILD_URL = "SELECT build_url FROM versions WHERE id = $1";
    private static final String TAGS = "SELECT name FROM tags WHERE version_id = $1 ORDER BY created_at, name";
    private static final String NAMES = """
            SELECT (SELECT name FROM pacticipants WHERE id = $1) AS consumer,
                   (SELECT name FROM pacticipants WHERE id = $2) AS provider
            """;

    /** A provider version that has to verify the pact, with why ({@code latest from main branch}, …). */
    public record RequiredVerification(String providerVersionNumber, String branch, List<String> descriptions) {}

    /** A published verification, as its webhooks need it. */
    public record PublishedVerification(
            long id,
            boolean success,
            long consumerId,
            long providerId,
            String selectorHashes,
            List<String> providerVersionTags,
            long pactPublicationId) {}

    /** How a new publication compares with the previous pact in each of its scopes (a tag, or untagged: null). */
    public record ScopeChange(String tag, boolean hadPrevious, boolean changed) {}

    public Uni<List<ScopeChange>> contentChanges(SqlClient sql, long pactPublicationId) {
        return sql.preparedQuery(CONTENT_CHANGES)
                .execute(Tuple.of(pactPublicationId))
                .map(rows -> rows.stream()
                        .map(r -> new ScopeChange(
                                r.getString("tag"), r.getBoolean("had_previous"), r.getBoolean("changed")))
                        .toList());
    }

    public Uni<Optional<Long>> mainBranchVerification(SqlClient sql, long pactVersionId) {
        return sql.preparedQuery(MAIN_BRANCH_VERIFICATION)
                .execute(Tuple.of(pactVersionId))
                .map(rows -> rows.size() == 0
                        ? Optional.empty()
                        : Optional.of(rows.iterator().next().getLong("id")));
    }

    public Uni<List<RequiredVerification>> requiredVerifications(SqlClient sql, long providerId, long pactVersionId) {
        return sql.preparedQuery(REQUIRED_VERIFICATIONS)
                .execute(Tuple.of(providerId, pactVersionId))
                .map(rows -> rows.stream()
                        .map(r -> new RequiredVerification(
                                r.getString("number"),
                                r.getString("branch"),
                                List.of(r.getArrayOfStrings("descriptions"))))
                        .toList());
    }

    public Uni<PublishedVerification> verification(SqlClient sql, long verificationId) {
        return sql.preparedQuery(VERIFICATION).execute(Tuple.of(verificationId)).map(rows -> {
            Row r = rows.iterator().next();
            return new PublishedVerification(
                    r.getLong("id"),
                    r.getBoolean("success"),
                    r.getLong("consumer_id"),
                    r.getLong("provider_id"),
                    r.getString("consumer_version_selector_hashes"),
                    List.of(r.getArrayOfStrings("provider_version_tags")),
                    r.getLong("pact_publication_id"));
        });
    }

    public Uni<Optional<Long>> pactForConsumerVersion(
            SqlClient sql, long consumerId, long providerId, String consumerVersionNumber) {
        return sql.preparedQuery(PACT_FOR_CONSUMER_VERSION)
                .execute(Tuple.of(consumerId, providerId, consumerVersionNumber))
                .map(rows -> rows.size() == 0
                        ? Optional.empty()
                        : Optional.of(rows.iterator().next().getLong("pact_publication_id")));
    }

    public Uni<Optional<String>> buildUrl(SqlClient sql, long versionId) {
        return sql.preparedQuery(BUILD_URL)
                .execute(Tuple.of(versionId))
                .map(rows -> rows.size() == 0
                        ? Optional.empty()
                        : Optional.ofNullable(rows.iterator().next().getString("build_url")));
    }

    public Uni<List<String>> tags(SqlClient sql, long versionId) {
        return sql.preparedQuery(TAGS)
                .execute(Tuple.of(versionId))
                .map(rows -> rows.stream().map(r -> r.getString("name")).toList());
    }

    /** The two pacticipants' names (null for a null id). */
    public Uni<List<String>> names(SqlClient sql, Long consumerId, Long providerId) {
        return sql.preparedQuery(NAMES)
                .execute(Tuple.of(consumerId, providerId))
                .map(rows -> {
                    Row r = rows.iterator().next();
                    return java.util.Arrays.asList(r.getString("consumer"), r.getString("provider"));
                });
    }
}
