package io.pactport.api.dashboard;

import io.pactport.api.http.PageRequest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * The dashboard's lines in one statement, as the Pact Broker chooses them for its API: the head pacts (the newest
 * revision of the newest consumer version of each integration, of each consumer version tag, and of each consumer
 * version deployed or released now), ordered by consumer name, newest consumer version, provider name, one page at a
 * time; with each the newest verification of its content and the tags and branches shown beside it. Each kind of
 * head is found from its own index (the integrations' newest publication by consumer version order, tags by
 * version, deployments and releases by version), and the lines' details are read for the page only.
 */
@ApplicationScoped
public class DashboardRepository {

    private static final String ITEMS = """
            WITH heads AS (
              SELECT latest.id AS pact_publication_id
              FROM integrations i
              CROSS JOIN LATERAL (
                SELECT pp.id FROM pact_publications pp
                WHERE pp.consumer_id = i.consumer_id AND pp.provider_id = i.provider_id
                ORDER BY pp.consumer_version_order DESC, pp.revision_number DESC LIMIT 1) latest
              WHERE ($1::bigint IS NULL OR i.consumer_id = $1) AND ($2::bigint IS NULL OR i.provider_id = $2)
              UNION
              (SELECT DISTINCT ON (lp.consumer_id, lp.provider_id, t.name) lp.pact_publication_id
               FROM tags t
               JOIN latest_pact_publication_ids_for_consumer_versions lp ON lp.consumer_version_id = t.version_id
               WHERE ($1::bigint IS NULL OR lp.consumer_id = $1) AND ($2::bigint IS NULL OR lp.provider_id = $2)
               ORDER BY lp.consumer_id, lp.provider_id, t.name, t.version_order DESC)
              UNION
              SELECT lp.pact_publication_id
              FROM latest_pact_publication_ids_for_consumer_versions lp
              WHERE lp.consumer_version_id IN (
                      SELECT version_id FROM deployed_versions WHERE undeployed_at IS NULL
                      UNION SELECT version_id FROM released_versions WHERE support_ended_at IS NULL)
                AND ($1::bigint IS NULL OR lp.consumer_id = $1) AND ($2::bigint IS NULL OR lp.provider_id = $2)
            )
            SELECT c.name AS consumer_name, p.name AS provider_name, cv.number AS consumer_version_number,
                   pp.created_at AS pact_created_at, pv.sha,
                   ARRAY(SELECT t.name FROM tags t
                         WHERE t.version_id = cv.id
                           AND NOT EXISTS (
                             SELECT 1 FROM tags t2
                             JOIN latest_pact_publication_ids_for_consumer_versions lp2
                               ON lp2.consumer_version_id = t2.version_id AND lp2.provider_id = pp.provider_id
                             WHERE t2.pacticipant_id = cv.pacticipant_id AND t2.name = t.name
                               AND t2.version_order > cv."order")
                         ORDER BY t.created_at, t.name) AS tag_names,
                   ARRAY(SELECT bh.branch_name FROM branch_heads bh WHERE bh.version_id = cv.id ORDER BY bh.branch_id)
                     AS consumer_branches,
                   lv.success, lv.execution_date AS verified_at, lv.pact_pending,
                   prv.number AS provider_version_number,
                   ARRAY(SELECT bh.branch_name FROM branch_heads bh WHERE bh.version_id = prv.id ORDER BY bh.branch_id)
                     AS provider_branches,
                   ARRAY(SELECT t.name FROM tags t
                         WHERE t.version_id = prv.id
                           AND NOT EXISTS (
                             SELECT 1 FROM tags t2
                             WHERE t2.pacticipant_id = prv.pacticipant_id AND t2.name = t.name
                               AND t2.version_order > prv."order")
                         ORDER BY t.name) AS provider_tags
            FROM heads h
            JOIN pact_publications pp ON pp.id = h.pact_publication_id
            JOIN pacticipants c ON c.id = pp.consumer_id
            JOIN pacticipants p ON p.id = pp.provider_id
            JOIN versions cv ON cv.id = pp.consumer_version_id
            JOIN pact_versions pv ON pv.id = pp.pact_version_id
            LEFT JOIN LATERAL (
              SELECT v.success, v.execution_date, v.pact_pending, v.provider_version_id
              FROM verifications v WHERE v.pact_version_id = pp.pact_version_id
              ORDER BY v.id DESC LIMIT 1) lv ON true
            LEFT JOIN versions prv ON prv.id = lv.provider_version_id
            ORDER BY lower(c.name), pp.consumer_version_order DESC, pp.revision_number DESC, lower(p.name)
            LIMIT $3 OFFSET $4
            """;

    /**
     * A page of the dashboard's lines.
     *
     * @param consumerId a consumer's id to keep only its pacts, or null
     * @param providerId a provider's id to keep only the pacts with it, or null
     */
    public Uni<List<DashboardItem>> items(SqlClient c, Long consumerId, Long providerId, PageRequest page) {
        return c.preparedQuery(ITEMS)
                .execute(Tuple.of(consumerId, providerId, page.size(), page.offset()))
                .map(rows -> {
                    List<DashboardItem> items = new ArrayList<>();
                    rows.forEach(row -> items.add(DashboardItem.from(row)));
                    return items;
                });
    }
}
