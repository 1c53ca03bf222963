package io.pactport.api.metrics;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The counts behind {@code GET /metrics}, by the Pact Broker's definitions. Every figure is exact, as the Pact Broker's
 * are, and each is a plain count PostgreSQL answers from an index or one scan; the figures the Pact Broker reads in
 * one request come from one statement, so they agree with each other.
 */
@ApplicationScoped
public class MetricsRepository {

    private static final String COUNTS = """
            SELECT
              (SELECT count(*) FROM pacticipants) AS pacticipants,
              (SELECT count(*) FROM pacticipants WHERE main_branch IS NOT NULL) AS pacticipants_with_main_branch,
              (SELECT count(*) FROM integrations i
               WHERE EXISTS (SELECT 1 FROM pact_publications pp
                             WHERE pp.consumer_id = i.consumer_id AND pp.provider_id = i.provider_id))
                AS integrations,
              (SELECT count(*) FROM pact_publications) AS pact_publications,
              (SELECT created_at FROM pact_publications ORDER BY id LIMIT 1) AS first_pact_publication,
              (SELECT created_at FROM pact_publications ORDER BY id DESC LIMIT 1) AS last_pact_publication,
              (SELECT count(*) FROM pact_versions) AS pact_versions,
              (SELECT count(*) FROM verifications) AS verifications,
              (SELECT count(*) FROM verifications WHERE success) AS successful_verifications,
              (SELECT count(*) FROM verifications WHERE NOT success) AS failed_verifications,
              (SELECT count(*) FROM (SELECT DISTINCT provider_version_id, pact_version_id, success FROM verifications) d)
                AS distinct_verifications,
              (SELECT created_at FROM verifications ORDER BY id LIMIT 1) AS first_verification,
              (SELECT created_at FROM verifications ORDER BY id DESC LIMIT 1) AS last_verification,
              (SELECT count(*) FROM versions) AS versions,
              (SELECT count(*) FROM versions v
               WHERE EXISTS (SELECT 1 FROM branch_versions bv WHERE bv.version_id = v.id AND NOT bv.auto_created))
                AS versions_with_user_created_branch,
              (SELECT count(*) FROM versions v WHERE EXISTS (SELECT 1 FROM branch_versions bv WHERE bv.version_id = v.id))
                AS versions_with_branch,
              (SELECT count(*) FROM webhooks) AS webhooks,
              (SELECT count(*) FROM tags) AS tags,
              (SELECT count(DISTINCT name) FROM tags) AS distinct_tags,
              (SELECT count(*) FROM (SELECT DISTINCT t.name, v.pacticipant_id
                                     FROM tags t JOIN versions v ON v.id = t.version_id) d)
                AS distinct_tags_with_pacticipant,
              (SELECT count(*) FROM triggered_webhooks) AS triggered_webhooks,
              (SELECT count(*) FROM webhook_executions) AS webhook_executions,
              (SELECT count(*) FROM environments) AS environments,
              (SELECT count(*) FROM deployed_versions) AS deployed_versions,
              (SELECT count(*) FROM deployed_versions WHERE NOT auto_created) AS user_created_deployed_versions,
              (SELECT count(*) FROM deployed_versions WHERE undeployed_at IS NULL) AS currently_deployed_versions,
              (SELECT count(*) FROM released_versions) AS released_versions,
              (SELECT count(*) FROM released_versions WHERE support_ended_at IS NULL) AS currently_supported_versions
            """;

    /**
     * The interactions and messages of each integration's newest pact (its newest consumer version's last revision).
     * Pact versions written by a Pact Broker too old to store the counts are counted from their content.
     */
    private static final String LATEST_INTERACTIONS =
            """
            SELECT coalesce(sum(coalesce(pv.interactions_count, %1$s)), 0) AS interactions,
                   coalesce(sum(coalesce(pv.messages_count, %2$s)), 0) AS messages
            FROM integrations i
            CROSS JOIN LATERAL (
              SELECT pp.pact_version_id FROM pact_publications pp
              WHERE pp.consumer_id = i.consumer_id AND pp.provider_id = i.provider_id
              ORDER BY pp.consumer_version_order DESC, pp.revision_number DESC
              LIMIT 1) latest
            JOIN pact_versions pv ON pv.id = latest.pact_version_id
            """.formatted(arrayLength("interactions"), arrayLength("messages"));

    private static final String REVISIONS_PER_CONSUMER_VERSION = """
            SELECT revisions AS n, count(*) AS c
            FROM (SELECT count(*) AS revisions FROM pact_publications GROUP BY consumer_version_id, provider_id) r
            GROUP BY revisions ORDER BY 1
            """;
    private static final String VERIFICATIONS_PER_PACT_VERSION = """
            SELECT verifications AS n, count(*) AS c
            FROM (SELECT count(*) AS verifications FROM verifications GROUP BY pact_version_id) r
            GROUP BY verifications ORDER BY 1
            """;

    private static String arrayLength(String key) {
        return "CASE WHEN jsonb_typeof(pv.content::jsonb -> '%1$s') = 'array'".formatted(key)
                + " THEN jsonb_array_length(pv.content::jsonb -> '%1$s') ELSE 0 END".formatted(key);
    }

    public Uni<Row> counts(SqlClient c) {
        return c.query(COUNTS).execute().map(rows -> rows.iterator().next());
    }

    public Uni<Row> latestInteractions(SqlClient c) {
        return c.query(LATEST_INTERACTIONS)
                .execute()
                .map(rows -> rows.iterator().next());
    }

    public Uni<Map<String, Long>> revisionsPerConsumerVersion(SqlClient c) {
        return distribution(c, REVISIONS_PER_CONSUMER_VERSION);
    }

    public Uni<Map<String, Long>> verificationsPerPactVersion(SqlClient c) {
        return distribution(c, VERIFICATIONS_PER_PACT_VERSION);
    }

    /** How many things have each number of something: {@code {"1": 40, "2": 3}}. */
    private static Uni<Map<String, Long>> distribution(SqlClient c, String sql) {
        return c.query(sql).execute().map(rows -> {
            Map<String, Long> distribution = new LinkedHashMap<>();
            rows.forEach(row -> distribution.put(String.valueOf(row.getLong("n")), row.getLong("c")));
            return distribution;
        });
    }
}
