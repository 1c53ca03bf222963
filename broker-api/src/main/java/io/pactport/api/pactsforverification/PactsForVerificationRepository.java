package io.pactport.api.pactsforverification;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The SQL of pacts for verification. Every statement is set-based and starts from small, indexed sets (the provider's
 * integrations, branch heads, tag heads, current deployments and releases), reaching pacts through the unique
 * {@code (provider_id, consumer_version_id)} key of {@code latest_pact_publication_ids_for_consumer_versions}, which
 * also leaves out overwritten revisions. All the selectors of a request are answered by one statement.
 */
@ApplicationScoped
public class PactsForVerificationRepository {

    /** The provider (null when unknown) and which of the named environments exist, in one round trip. */
    static final String PROVIDER_AND_ENVIRONMENTS = """
            SELECT (SELECT id FROM pacticipants WHERE name = $1) AS provider_id,
                   ARRAY(SELECT name FROM environments WHERE name = ANY($2)) AS environments
            """;

    /** What the default selectors depend on, per consumer of the provider. */
    static final String CONSUMERS = """
            SELECT c.name, c.main_branch, main_branch.head IS NOT NULL AS has_main_branch_version,
                   main_tag.tagged IS NOT NULL AS has_main_branch_tag
            FROM integrations i
            JOIN pacticipants c ON c.id = i.consumer_id
            LEFT JOIN LATERAL (SELECT bh.version_id AS head FROM branches b
                               JOIN branch_heads bh ON bh.branch_id = b.id
                               WHERE b.pacticipant_id = c.id AND b.name = c.main_branch LIMIT 1) main_branch ON true
            LEFT JOIN LATERAL (SELECT true AS tagged FROM tags t
                               WHERE t.pacticipant_id = c.id AND t.name = c.main_branch LIMIT 1) main_tag ON true
            WHERE i.provider_id = $1
            ORDER BY c.name
            """;

    /**
     * The pacts the selected consumer versions have with the provider. {@code %s} is a UNION ALL of one row source per
     * selector: {@code (sel, fallback, version_id, environment_id, target, head_branch)}. A selector's consumer is
     * checked on the rows afterwards ({@link #select}): as a join filter here it made the planner pair every source row
     * with every pacticipant before looking the pacts up (40 ms on a 50,000-version database).
     */
    private static final String SELECTED = """
            SELECT s.sel, s.fallback, lp.consumer_id, c.name AS consumer_name, c.main_branch,
                   cv.id AS consumer_version_id, cv.number AS consumer_version_number,
                   cv."order" AS consumer_version_order, lp.pact_version_id, pv.sha,
                   e.name AS environment_name, e.production, s.target, s.head_branch
            FROM (%s) s
            JOIN latest_pact_publication_ids_for_consumer_versions lp
              ON lp.provider_id = $1 AND lp.consumer_version_id = s.version_id
            JOIN pacticipants c ON c.id = lp.consumer_id
            JOIN versions cv ON cv.id = lp.consumer_version_id
            JOIN pact_versions pv ON pv.id = lp.pact_version_id
            LEFT JOIN environments e ON e.id = s.environment_id
            """;

    private static final String SOURCE = "SELECT %d AS sel, %b AS fallback, r.* FROM (SELECT %s)"
            + " r(version_id, environment_id, target, head_branch)";
    private static final String MAIN_BRANCH_HEADS = """
            bh.version_id, NULL::int, NULL::text, NULL::text
            FROM integrations i
            JOIN pacticipants mc ON mc.id = i.consumer_id
            JOIN branches b ON b.pacticipant_id = mc.id AND b.name = mc.main_branch
            JOIN branch_heads bh ON bh.branch_id = b.id
            WHERE i.provider_id = $1""";
    private static final String BRANCH_HEADS = """
            bh.version_id, NULL::int, NULL::text, NULL::text
            FROM branch_heads bh
            WHERE bh.branch_name = %s""";
    private static final String EACH_BRANCH_HEAD = """
            bh.version_id, NULL::int, NULL::text, bh.branch_name
            FROM integrations i
            JOIN branch_heads bh ON bh.pacticipant_id = i.consumer_id
            WHERE i.provider_id = $1""";
    // the latest version with the tag, per consumer: the (pacticipant_id, name, version_order DESC) index answers it
    private static final String LATEST_TAGGED = """
            tv.id, NULL::int, NULL::text, NULL::text
            FROM integrations i
            CROSS JOIN LATERAL (SELECT max(t.version_order) AS version_order FROM tags t
                                WHERE t.pacticipant_id = i.consumer_id AND t.name = %s) head
            JOIN versions tv ON tv.pacticipant_id = i.consumer_id AND tv."order" = head.version_order
            WHERE i.provider_id = $1""";
    private static final String ALL_TAGGED = """
            t.version_id, NULL::int, NULL::text, NULL::text
            FROM integrations i
            JOIN tags t ON t.pacticipant_id = i.consumer_id AND t.name = %s
            WHERE i.provider_id = $1""";
    // the consumer's latest version with a pact for this provider: pact_publications (consumer_id, provider_id,
    // consumer_version_order) read backwards, one row per consumer
    private static final String OVERALL_LATEST = """
            latest.consumer_version_id, NULL::int, NULL::text, NULL::text
            FROM integrations i
            CROSS JOIN LATERAL (SELECT pp.consumer_version_id FROM pact_publications pp
                                WHERE pp.consumer_id = i.consumer_id AND pp.provider_id = $1
                                ORDER BY pp.consumer_version_order DESC LIMIT 1) latest
            WHERE i.provider_id = $1""";
    // deployments and supported releases of the provider's consumers only, each looked up by the consumer's id
    // (currently_deployed_version_ids' unique index; V9's partial index of supported releases)
    private static final String CURRENTLY_DEPLOYED = """
            cdv.version_id, cdv.environment_id, dv.target, NULL::text
            FROM integrations di
            JOIN currently_deployed_version_ids cdv ON cdv.pacticipant_id = di.consumer_id
            JOIN deployed_versions dv ON dv.id = cdv.deployed_version_id
            JOIN environments de ON de.id = cdv.environment_id
            WHERE di.provider_id = $1 AND (%s IS NULL OR de.name = %<s)""";
    private static final String CURRENTLY_SUPPORTED = """
            rv.version_id, rv.environment_id, NULL::text, NULL::text
            FROM integrations ri
            JOIN released_versions rv ON rv.pacticipant_id = ri.consumer_id AND rv.support_ended_at IS NULL
            JOIN environments re ON re.id = rv.environment_id
            WHERE ri.provider_id = $1 AND (%s IS NULL OR re.name = %<s)""";

    /** Pending by provider branch: verified successfully from the branch, or from another before the branch existed. */
    static final String PENDING_FOR_BRANCH = """
            SELECT pv.id AS pact_version_id,
                   NOT (EXISTS (SELECT 1 FROM verifications v
                                JOIN branch_versions bv ON bv.version_id = v.provider_version_id
                                                       AND bv.branch_name = $3
                                WHERE v.pact_version_id = pv.id AND v.success)
                        OR EXISTS (SELECT 1 FROM verifications v
                                   JOIN branch_versions bv ON bv.version_id = v.provider_version_id
                                                          AND bv.branch_name <> $3
                                   WHERE v.pact_version_id = pv.id AND v.success
                                     AND (b.created_at IS NULL OR v.created_at < b.created_at))) AS pending,
                   ARRAY[]::text[] AS pending_tags
            FROM unnest($1::int[]) AS pv(id)
            LEFT JOIN branches b ON b.pacticipant_id = $2 AND b.name = $3
            """;
    /** Pending by provider tag: per tag, verified successfully with it, or with another before the tag's first use. */
    static final String PENDING_FOR_TAGS = """
            SELECT pv.id AS pact_version_id, NULL::boolean AS pending,
                   ARRAY(SELECT pt.tag FROM unnest($3::text[]) WITH ORDINALITY AS pt(tag, n)
                         LEFT JOIN LATERAL (SELECT min(ft.created_at) AS created_at FROM tags ft
                                            WHERE ft.pacticipant_id = $2 AND ft.name = pt.tag) first_tag ON true
                         WHERE NOT EXISTS (SELECT 1 FROM verifications v
                                           JOIN tags vt ON vt.version_id = v.provider_version_id AND vt.name = pt.tag
                                           WHERE v.pact_version_id = pv.id AND v.success)
                           AND NOT EXISTS (SELECT 1 FROM verifications v
                                           JOIN tags vt ON vt.version_id = v.provider_version_id AND vt.name <> pt.tag
                                           WHERE v.pact_version_id = pv.id AND v.success
                                             AND (first_tag.created_at IS NULL
                                                  OR v.created_at < first_tag.created_at))
                         ORDER BY pt.n) AS pending_tags
            FROM unnest($1::int[]) AS pv(id)
            """;
    /** Pending without branch or tags: never verified successfully at all. */
    static final String PENDING_FOR_ANY = """
            SELECT pv.id AS pact_version_id,
                   NOT EXISTS (SELECT 1 FROM verifications v WHERE v.pact_version_id = pv.id AND v.success) AS pending,
                   ARRAY[]::text[] AS pending_tags
            FROM unnest($1::int[]) AS pv(id)
            """;

    /**
     * WIP candidates: the heads of the provider's consumers (each branch's latest version, each tag's latest version)
     * whose latest pact for the provider was published since $2. Driven by the heads, a few per consumer, each looked up
     * by index ({@code branch_heads(pacticipant_id)}, {@code tags(pacticipant_id, name, version_order DESC)}, then the
     * pact by {@code (provider_id, consumer_version_id)}); driven by the pacts published since $2, it read every pact of
     * the provider and every tag when the date is long ago, as pact-jvm's usual setting is. A consumer's tag names are
     * found by skipping through that index from one name to the next (one probe per name, not one row per tagged
     * version: 0.4 ms instead of 3 ms for two consumers with 570 tags each on the benchmark database).
     */
    private static final String WIP_HEADS = """
            WITH heads AS (
              SELECT bh.pacticipant_id AS consumer_id, bh.version_id AS consumer_version_id, bh.branch_name,
                     NULL::text AS tag_name
              FROM integrations i JOIN branch_heads bh ON bh.pacticipant_id = i.consumer_id
              WHERE i.provider_id = $1
              UNION ALL
              SELECT i.consumer_id, th.version_id, NULL::text, tn.name
              FROM integrations i
              CROSS JOIN LATERAL (
                WITH RECURSIVE names(name) AS (
                  (SELECT t.name FROM tags t WHERE t.pacticipant_id = i.consumer_id ORDER BY t.name LIMIT 1)
                  UNION ALL
                  SELECT (SELECT t.name FROM tags t WHERE t.pacticipant_id = i.consumer_id AND t.name > n.name
                          ORDER BY t.name LIMIT 1)
                  FROM names n WHERE n.name IS NOT NULL)
                SELECT name FROM names WHERE name IS NOT NULL) tn
              CROSS JOIN LATERAL (SELECT t.version_id FROM tags t WHERE t.pacticipant_id = i.consumer_id
                                  AND t.name = tn.name ORDER BY t.version_order DESC LIMIT 1) th
              WHERE i.provider_id = $1
            ), candidates AS (
              SELECT h.*, lp.pact_version_id
              FROM heads h
              JOIN latest_pact_publication_ids_for_consumer_versions lp
                ON lp.provider_id = $1 AND lp.consumer_version_id = h.consumer_version_id
              JOIN pact_publications pp ON pp.id = lp.pact_publication_id
              WHERE pp.created_at > $2
            )
            """;

    private static final String WIP_COLUMNS = """
            SELECT h.consumer_id, c.name AS consumer_name, c.main_branch, h.consumer_version_id,
                   cv.number AS consumer_version_number, cv."order" AS consumer_version_order, h.pact_version_id,
                   pv.sha, h.branch_name, h.tag_name
            """;
    private static final String WIP_JOINS = """
            JOIN pacticipants c ON c.id = h.consumer_id
            JOIN versions cv ON cv.id = h.consumer_version_id
            JOIN pact_versions pv ON pv.id = h.pact_version_id
            """;
    // Not WIP for the branch: verified successfully (not as WIP, since the look-back $4) from the branch, or from
    // another branch before the branch's first version was created.
    static final String WIP_FOR_BRANCH =
            WIP_HEADS + WIP_COLUMNS + ", NULL::text AS provider_tag FROM candidates h\n" + WIP_JOINS + """
            WHERE NOT EXISTS (SELECT 1 FROM verifications v
                              JOIN branch_versions bv ON bv.version_id = v.provider_version_id
                                   AND bv.pacticipant_id = $1 AND bv.branch_name = $3
                              WHERE v.pact_version_id = h.pact_version_id AND v.provider_id = $1 AND v.success
                                AND NOT v.wip AND v.execution_date >= $4)
              AND NOT EXISTS (SELECT 1 FROM verifications v
                              JOIN branch_versions bv ON bv.version_id = v.provider_version_id
                                   AND bv.pacticipant_id = $1 AND bv.branch_name <> $3
                              WHERE v.pact_version_id = h.pact_version_id AND v.provider_id = $1 AND v.success
                                AND NOT v.wip AND v.execution_date >= $4
                                AND v.execution_date < COALESCE(
                                    (SELECT fv.created_at FROM versions fv WHERE fv.id =
                                        (SELECT fbv.version_id FROM branch_versions fbv
                                         WHERE fbv.pacticipant_id = $1 AND fbv.branch_name = $3
                                         ORDER BY fbv.created_at LIMIT 1)),
                                    'infinity'::timestamp))
            """;
    // Not WIP for a tag: verified successfully (not as WIP) with the tag, or with another tag before the tag was
    // first used; the facts come from pact_version_provider_tag_successful_verifications.
    static final String WIP_FOR_TAGS =
            WIP_HEADS + WIP_COLUMNS + ", pt.tag AS provider_tag FROM candidates h\n" + WIP_JOINS + """
            CROSS JOIN unnest($3::text[]) AS pt(tag)
            LEFT JOIN LATERAL (SELECT min(ft.created_at) AS created_at FROM tags ft
                               WHERE ft.pacticipant_id = $1 AND ft.name = pt.tag) first_tag ON true
            WHERE NOT EXISTS (SELECT 1 FROM pact_version_provider_tag_successful_verifications sv
                              WHERE sv.pact_version_id = h.pact_version_id AND sv.provider_version_tag_name = pt.tag
                                AND NOT sv.wip)
              AND NOT EXISTS (SELECT 1 FROM pact_version_provider_tag_successful_verifications sv
                              WHERE sv.pact_version_id = h.pact_version_id AND sv.provider_version_tag_name <> pt.tag
                                AND NOT sv.wip
                                AND (first_tag.created_at IS NULL OR sv.execution_date < first_tag.created_at))
            """;

    /** The provider's id (null when unknown) and the subset of the environment names that exist. */
    public record ProviderAndEnvironments(Long providerId, Set<String> environments) {}

    /** A consumer of the provider, with what decides its default selector. */
    public record ConsumerOfProvider(
            String name, String mainBranch, boolean hasMainBranchVersion, boolean hasMainBranchTag) {}

    /** A pact one selector (by index; {@code fallback} when through its fallback) chose. */
    public record SelectedRow(
            int selector,
            boolean fallback,
            long consumerId,
            String consumerName,
            String consumerMainBranch,
            long consumerVersionId,
            String consumerVersionNumber,
            long consumerVersionOrder,
            long pactVersionId,
            String sha,
            String environmentName,
            boolean production,
            String target,
            String headBranch) {

        static SelectedRow from(Row row) {
            Boolean production = row.getBoolean("production");
            return new SelectedRow(
                    row.getInteger("sel"),
                    row.getBoolean("fallback"),
                    row.getLong("consumer_id"),
                    row.getString("consumer_name"),
                    row.getString("main_branch"),
                    row.getLong("consumer_version_id"),
                    row.getString("consumer_version_number"),
                    row.getLong("consumer_version_order"),
                    row.getLong("pact_version_id"),
                    row.getString("sha"),
                    row.getString("environment_name"),
                    Boolean.TRUE.equals(production),
                    row.getString("target"),
                    row.getString("head_branch"));
        }
    }

    /** Whether a content is pending (branch or no branch and tags), or the provider tags it is pending for. */
    public record PendingFact(long pactVersionId, Boolean pending, List<String> pendingTags) {}

    /** A WIP pact: the head of a consumer branch or tag, pending for the provider branch or one provider tag. */
    public record WipRow(
            long consumerId,
            String consumerName,
            String consumerMainBranch,
            long consumerVersionId,
            String consumerVersionNumber,
            long consumerVersionOrder,
            long pactVersionId,
            String sha,
            String branchName,
            String tagName,
            String providerTag) {

        static WipRow from(Row row) {
            return new WipRow(
                    row.getLong("consumer_id"),
                    row.getString("consumer_name"),
                    row.getString("main_branch"),
                    row.getLong("consumer_version_id"),
                    row.getString("consumer_version_number"),
                    row.getLong("consumer_version_order"),
                    row.getLong("pact_version_id"),
                    row.getString("sha"),
                    row.getString("branch_name"),
                    row.getString("tag_name"),
                    row.getString("provider_tag"));
        }
    }

    public Uni<ProviderAndEnvironments> providerAndEnvironments(
            SqlClient c, String provider, Set<String> environments) {
        return c.preparedQuery(PROVIDER_AND_ENVIRONMENTS)
                .execute(Tuple.of(provider, environments.toArray(String[]::new)))
                .map(rows -> {
                    Row row = rows.iterator().next();
                    return new ProviderAndEnvironments(
                            row.getLong("provider_id"), Set.of(row.getArrayOfStrings("environments")));
                });
    }

    public Uni<List<ConsumerOfProvider>> consumers(SqlClient c, long providerId) {
        return c.preparedQuery(CONSUMERS).execute(Tuple.of(providerId)).map(rows -> {
            List<ConsumerOfProvider> consumers = new ArrayList<>();
            rows.forEach(row -> consumers.add(new ConsumerOfProvider(
                    row.getString("name"),
                    row.getString("main_branch"),
                    row.getBoolean("has_main_branch_version"),
                    row.getBoolean("has_main_branch_tag"))));
            return consumers;
        });
    }

    /**
     * The pacts every selector chose, in one statement; a selector with a fallback also brings the pacts its fallback
     * would choose, flagged, for the caller to use when the selector itself found none.
     */
    public Uni<List<SelectedRow>> select(SqlClient c, long providerId, List<ConsumerVersionSelector> selectors) {
        Statement statement = selection(providerId, selectors);
        return c.preparedQuery(statement.sql())
                .execute(Tuple.from(statement.parameters()))
                .map(rows -> {
                    List<SelectedRow> selected = new ArrayList<>();
                    for (Row row : rows) {
                        SelectedRow pact = SelectedRow.from(row);
                        String consumer = selectors.get(pact.selector()).consumer();
                        if (consumer == null || consumer.equals(pact.consumerName())) {
                            selected.add(pact);
                        }
                    }
                    return selected;
                });
    }

    /** A statement with its parameters, in order. */
    public record Statement(String sql, List<Object> parameters) {}

    /** The one statement that answers all the selectors (a row source each, and one more per fallback). */
    public static Statement selection(long providerId, List<ConsumerVersionSelector> selectors) {
        List<Object> parameters = new ArrayList<>(List.of(providerId));
        List<String> sources = new ArrayList<>();
        for (int i = 0; i < selectors.size(); i++) {
            ConsumerVersionSelector selector = selectors.get(i);
            for (String rows : rowSources(selector, parameters)) {
                sources.add(SOURCE.formatted(i, false, rows));
            }
            if (selector.fallbackTag() != null && selector.latestForTag()) {
                sources.add(SOURCE.formatted(
                        i, true, LATEST_TAGGED.formatted(parameter(parameters, selector.fallbackTag()))));
            }
            if (selector.fallbackBranch() != null && selector.latestForBranch()) {
                sources.add(SOURCE.formatted(
                        i, true, BRANCH_HEADS.formatted(parameter(parameters, selector.fallbackBranch()))));
            }
        }
        return new Statement(SELECTED.formatted(String.join("\nUNION ALL\n", sources)), parameters);
    }

    /** The row sources of one selector, in the Pact Broker's order of precedence of its kinds. */
    private static List<String> rowSources(ConsumerVersionSelector selector, List<Object> parameters) {
        if (selector.deployed()) {
            return List.of(CURRENTLY_DEPLOYED.formatted(parameter(parameters, selector.environment())));
        }
        if (selector.released()) {
            return List.of(CURRENTLY_SUPPORTED.formatted(parameter(parameters, selector.environment())));
        }
        if (selector.inEnvironment()) {
            String environment = parameter(parameters, selector.environment());
            return List.of(CURRENTLY_DEPLOYED.formatted(environment), CURRENTLY_SUPPORTED.formatted(environment));
        }
        if (selector.allForTag()) {
            return List.of(ALL_TAGGED.formatted(parameter(parameters, selector.tag())));
        }
        if (selector.mainBranch()) {
            return List.of(MAIN_BRANCH_HEADS);
        }
        if (selector.latestForEachBranch()) {
            return List.of(EACH_BRANCH_HEAD);
        }
        if (selector.latestForBranch()) {
            return List.of(BRANCH_HEADS.formatted(parameter(parameters, selector.branch())));
        }
        if (selector.latestForTag()) {
            return List.of(LATEST_TAGGED.formatted(parameter(parameters, selector.tag())));
        }
        if (selector.overallLatestSelector()) {
            return List.of(OVERALL_LATEST);
        }
        // a selector naming only a consumer chooses nothing, as in the Pact Broker (its rules refuse it anyway)
        return List.of();
    }

    /** Adds a text parameter and answers its placeholder, typed so that a null is still text. */
    private static String parameter(List<Object> parameters, String value) {
        parameters.add(value);
        return "$" + parameters.size() + "::text";
    }

    /**
     * The pending facts of these contents for the provider: by its branch when given, else by its tags when given,
     * else whether anything verified them successfully at all.
     */
    public Uni<List<PendingFact>> pending(
            SqlClient c, long providerId, List<Long> pactVersionIds, String providerBranch, List<String> providerTags) {
        Integer[] ids = pactVersionIds.stream().map(Long::intValue).toArray(Integer[]::new);
        String sql;
        Tuple parameters;
        if (providerBranch != null) {
            sql = PENDING_FOR_BRANCH;
            parameters = Tuple.of(ids, providerId, providerBranch);
        } else if (!providerTags.isEmpty()) {
            sql = PENDING_FOR_TAGS;
            parameters = Tuple.of(ids, providerId, providerTags.toArray(String[]::new));
        } else {
            sql = PENDING_FOR_ANY;
            parameters = Tuple.of(ids);
        }
        return c.preparedQuery(sql).execute(parameters).map(rows -> {
            List<PendingFact> facts = new ArrayList<>();
            rows.forEach(row -> facts.add(new PendingFact(
                    row.getLong("pact_version_id"),
                    row.getBoolean("pending"),
                    Arrays.asList(row.getArrayOfStrings("pending_tags")))));
            return facts;
        });
    }

    /**
     * The WIP pacts for the provider branch, or (without a branch) for each of the provider tags.
     *
     * @param since pacts published after this (UTC)
     * @param verifiedSince for a branch, verifications before this are not looked at (the Pact Broker's look-back);
     *        tags have no look-back
     */
    public Uni<List<WipRow>> wip(
            SqlClient c,
            long providerId,
            LocalDateTime since,
            String providerBranch,
            List<String> providerTags,
            LocalDateTime verifiedSince) {
        Tuple parameters = providerBranch != null
                ? Tuple.of(providerId, since, providerBranch, verifiedSince)
                : Tuple.of(providerId, since, providerTags.toArray(String[]::new));
        return c.preparedQuery(providerBranch != null ? WIP_FOR_BRANCH : WIP_FOR_TAGS)
                .execute(parameters)
                .map(rows -> {
                    List<WipRow> wip = new ArrayList<>();
                    rows.forEach(row -> wip.add(WipRow.from(row)));
                    return wip;
                });
    }
}
