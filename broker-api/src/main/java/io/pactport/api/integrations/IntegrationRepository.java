package io.pactport.api.integrations;

import io.pactport.api.http.Page;
import io.pactport.api.http.PageRequest;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * SQL on {@code integrations}, and the deletion of an integration's contract data. The foreign keys between the core
 * tables do not cascade, so the statements run in the Pact Broker's order: webhook history, publications, verifications,
 * content, webhooks, the integration.
 */
@ApplicationScoped
public class IntegrationRepository {

    private static final String LIST = """
            SELECT i.consumer_id, c.name AS consumer_name, i.provider_id, p.name AS provider_name
            FROM integrations i
            JOIN pacticipants c ON c.id = i.consumer_id
            JOIN pacticipants p ON p.id = i.provider_id
            ORDER BY lower(c.name), lower(p.name)
            """;
    private static final String PAGE = LIST + "LIMIT $1 OFFSET $2";
    private static final String COUNT = "SELECT count(*) FROM integrations";
    private static final String FIND = """
            SELECT i.consumer_id, c.name AS consumer_name, i.provider_id, p.name AS provider_name
            FROM integrations i
            JOIN pacticipants c ON c.id = i.consumer_id
            JOIN pacticipants p ON p.id = i.provider_id
            WHERE c.name = $1 AND p.name = $2
            """;

    /**
     * The UI's integrations page: each integration's latest pact, the newest verification of its content, the two
     * versions' branches, tags and current environments, and its webhooks' last run; filtered by a name pattern.
     */
    private static final String OVERVIEW = """
            SELECT c.name AS consumer_name, p.name AS provider_name,
                   cv.number AS consumer_version, pp.created_at AS pact_published_at,
                   %s AS consumer_branches, %s AS consumer_tags, %s AS consumer_environments,
                   pv.number AS provider_version, lv.success, lv.execution_date AS verified_at,
                   %s AS provider_branches, %s AS provider_tags, %s AS provider_environments,
                   (SELECT tw.status FROM triggered_webhooks tw
                    WHERE tw.consumer_id = i.consumer_id AND tw.provider_id = i.provider_id
                    ORDER BY tw.id DESC LIMIT 1) AS webhook_status,
                   EXISTS (SELECT 1 FROM webhooks w
                           WHERE (w.consumer_id = i.consumer_id OR w.consumer_id IS NULL)
                             AND (w.provider_id = i.provider_id OR w.provider_id IS NULL)) AS has_webhooks
            FROM integrations i
            JOIN pacticipants c ON c.id = i.consumer_id
            JOIN pacticipants p ON p.id = i.provider_id
            LEFT JOIN LATERAL (
              SELECT pp.consumer_version_id, pp.pact_version_id, pp.created_at FROM pact_publications pp
              WHERE pp.consumer_id = i.consumer_id AND pp.provider_id = i.provider_id
              ORDER BY pp.consumer_version_order DESC, pp.revision_number DESC LIMIT 1) pp ON true
            LEFT JOIN versions cv ON cv.id = pp.consumer_version_id
            LEFT JOIN LATERAL (
              SELECT v.success, v.execution_date, v.provider_version_id FROM verifications v
              WHERE v.pact_version_id = pp.pact_version_id
              ORDER BY v.id DESC LIMIT 1) lv ON true
            LEFT JOIN versions pv ON pv.id = lv.provider_version_id
            WHERE $1::text IS NULL OR c.name ILIKE $1 OR p.name ILIKE $1
            ORDER BY lower(c.name), lower(p.name)
            LIMIT $2 OFFSET $3
            """.formatted(
                    branches("cv"), tags("cv"), environments("cv"), branches("pv"), tags("pv"), environments("pv"));

    private static final String OVERVIEW_COUNT = """
            SELECT count(*) FROM integrations i
            JOIN pacticipants c ON c.id = i.consumer_id
            JOIN pacticipants p ON p.id = i.provider_id
            WHERE $1::text IS NULL OR c.name ILIKE $1 OR p.name ILIKE $1
            """;

    private static String branches(String version) {
        return "ARRAY(SELECT b.name FROM branch_versions bv JOIN branches b ON b.id = bv.branch_id"
                + " WHERE bv.version_id = " + version + ".id ORDER BY b.name)";
    }

    private static String tags(String version) {
        return "ARRAY(SELECT t.name FROM tags t WHERE t.version_id = " + version + ".id ORDER BY t.name)";
    }

    private static String environments(String version) {
        return "ARRAY(SELECT e.name FROM environments e WHERE e.id IN ("
                + "SELECT d.environment_id FROM deployed_versions d WHERE d.version_id = " + version + ".id"
                + " AND d.undeployed_at IS NULL UNION SELECT r.environment_id FROM released_versions r"
                + " WHERE r.version_id = " + version + ".id AND r.support_ended_at IS NULL) ORDER BY e.name)";
    }

    /** Everything recorded about the pacts' publications: webhook runs and triggers, then the publications. */
    private static final List<String> DELETE_PUBLICATIONS = List.of("""
            DELETE FROM webhook_executions
            WHERE triggered_webhook_id IN (SELECT id FROM triggered_webhooks WHERE consumer_id = $1 AND provider_id = $2)
               OR pact_publication_id IN (SELECT id FROM pact_publications WHERE consumer_id = $1 AND provider_id = $2)
            """, """
            DELETE FROM triggered_webhooks WHERE consumer_id = $1 AND provider_id = $2
               OR pact_publication_id IN (SELECT id FROM pact_publications WHERE consumer_id = $1 AND provider_id = $2)
            """, """
            DELETE FROM pact_publications WHERE consumer_id = $1 AND provider_id = $2
            """);

    private static final List<String> DELETE_REST = List.of("""
            DELETE FROM verifications
            WHERE pact_version_id IN (SELECT id FROM pact_versions WHERE consumer_id = $1 AND provider_id = $2)
            """, """
            DELETE FROM pact_versions WHERE consumer_id = $1 AND provider_id = $2
            """, """
            DELETE FROM webhook_headers
            WHERE webhook_id IN (SELECT id FROM webhooks WHERE consumer_id = $1 AND provider_id = $2)
            """, """
            DELETE FROM webhook_executions
            WHERE webhook_id IN (SELECT id FROM webhooks WHERE consumer_id = $1 AND provider_id = $2)
            """, """
            UPDATE triggered_webhooks SET webhook_id = NULL
            WHERE webhook_id IN (SELECT id FROM webhooks WHERE consumer_id = $1 AND provider_id = $2)
            """, """
            DELETE FROM webhooks WHERE consumer_id = $1 AND provider_id = $2
            """, """
            DELETE FROM integrations WHERE consumer_id = $1 AND provider_id = $2
            """);

    /**
     * The Pact Broker's delete of everything (its integration models, on PostgreSQL): every pacticipant with its
     * versions, branches, tags, labels, pacts, verifications, deployments, releases and webhooks; environments stay.
     * TRUNCATE ... CASCADE, as the Pact Broker runs it, also empties the tables that refer to these (integrations,
     * the matrix helpers, webhook attempts).
     */
    private static final String DELETE_ALL = """
            TRUNCATE webhook_executions, triggered_webhooks, webhook_headers, webhooks,
              latest_pact_publication_ids_for_consumer_versions,
              latest_verification_id_for_pact_version_and_provider_version, verifications, pact_publications,
              pact_versions, tags, deployed_versions, released_versions, branch_heads, branch_versions, branches,
              versions, labels, pacticipants
            CASCADE
            """;

    /**
     * A page of the UI's integrations, with the number of all that match.
     *
     * @param search a part of either pacticipant's name, or null for every integration
     */
    public Uni<Page<IntegrationOverview>> overview(SqlClient client, String search, PageRequest page) {
        String pattern = search == null || search.isBlank() ? null : "%" + likeEscaped(search.trim()) + "%";
        return client.preparedQuery(OVERVIEW_COUNT)
                .execute(Tuple.of(pattern))
                .flatMap(count -> client.preparedQuery(OVERVIEW)
                        .execute(Tuple.of(pattern, page.size(), page.offset()))
                        .map(rows -> {
                            List<IntegrationOverview> items = new ArrayList<>();
                            rows.forEach(row -> items.add(IntegrationOverview.from(row)));
                            return page.of(items, count.iterator().next().getLong(0));
                        }));
    }

    /** A user's text as a LIKE pattern that matches it literally. */
    private static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    public Uni<List<Integration>> list(SqlClient c) {
        return c.query(LIST).execute().map(IntegrationRepository::integrations);
    }

    /** One page of the list, with the number of integrations. */
    public Uni<Page<Integration>> page(SqlClient c, PageRequest page) {
        return c.preparedQuery(PAGE)
                .execute(Tuple.of(page.size(), page.offset()))
                .map(IntegrationRepository::integrations)
                .flatMap(items -> c.query(COUNT)
                        .execute()
                        .map(count -> page.of(items, count.iterator().next().getLong(0))));
    }

    private static List<Integration> integrations(RowSet<Row> rows) {
        List<Integration> integrations = new ArrayList<>();
        rows.forEach(row -> integrations.add(Integration.from(row)));
        return integrations;
    }

    /** The integration between the two, when there is one. */
    public Uni<Optional<Integration>> find(SqlClient c, String consumer, String provider) {
        return c.preparedQuery(FIND)
                .execute(Tuple.of(consumer, provider))
                .map(rows -> rows.iterator().hasNext()
                        ? Optional.of(Integration.from(rows.iterator().next()))
                        : Optional.empty());
    }

    /** Deletes every pact publication between the two (their content and verifications stay). */
    public Uni<Void> deletePublications(SqlClient c, Integration integration) {
        return run(c, DELETE_PUBLICATIONS, integration);
    }

    /** Deletes the integration and all its contract data. */
    public Uni<Void> delete(SqlClient c, Integration integration) {
        return run(c, DELETE_PUBLICATIONS, integration).call(() -> run(c, DELETE_REST, integration));
    }

    /** Deletes every integration and every pacticipant with all they own (see {@link #DELETE_ALL}). */
    public Uni<Void> deleteAll(SqlClient c) {
        return c.query(DELETE_ALL).execute().replaceWithVoid();
    }

    private static Uni<Void> run(SqlClient c, List<String> statements, Integration integration) {
        Tuple ids = Tuple.of(integration.consumerId(), integration.providerId());
        return Multi.createFrom()
                .iterable(statements)
                .onItem()
                .transformToUniAndConcatenate(sql -> c.preparedQuery(sql).execute(ids))
                .collect()
                .last()
                .replaceWithVoid();
    }
}
