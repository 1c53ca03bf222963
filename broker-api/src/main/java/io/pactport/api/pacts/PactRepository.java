package io.pactport.api.pacts;

import io.pactport.api.db.Upserted;
import io.pactport.api.versions.Version;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * SQL on {@code pact_versions}, {@code pact_publications} and the helper table
 * {@code latest_pact_publication_ids_for_consumer_versions}. Every read of "the pact of a consumer version" goes
 * through the helper table, so overwritten revisions are never served; "latest" means the greatest consumer version
 * order, as in the Pact Broker.
 */
@ApplicationScoped
public class PactRepository {

    private static final String COLUMNS = """
            SELECT pp.id, pp.consumer_id, c.name AS consumer_name, pp.provider_id, p.name AS provider_name,
                   pp.consumer_version_id, cv.number AS consumer_version_number,
                   cv."order" AS consumer_version_order, pp.revision_number, pp.pact_version_id, pv.sha,
                   %s AS content, pp.created_at
            """;
    private static final String FROM_LATEST_REVISIONS = """
            FROM latest_pact_publication_ids_for_consumer_versions lp
            JOIN pact_publications pp ON pp.id = lp.pact_publication_id
            JOIN pact_versions pv ON pv.id = lp.pact_version_id
            JOIN versions cv ON cv.id = lp.consumer_version_id
            JOIN pacticipants c ON c.id = lp.consumer_id
            JOIN pacticipants p ON p.id = lp.provider_id
            """;
    private static final String WITH_CONTENT = COLUMNS.formatted("pv.content") + FROM_LATEST_REVISIONS;
    private static final String WITHOUT_CONTENT = COLUMNS.formatted("NULL::text") + FROM_LATEST_REVISIONS;

    private static final String FIND_FOR_CONSUMER_VERSION = WITH_CONTENT + """
            WHERE p.name = $1 AND c.name = $2 AND cv.number = $3
            """;
    private static final String FIND_LATEST = WITH_CONTENT + """
            WHERE p.name = $1 AND c.name = $2
            ORDER BY cv."order" DESC LIMIT 1
            """;
    private static final String FIND_LATEST_TAGGED = WITH_CONTENT + """
            JOIN tags t ON t.version_id = lp.consumer_version_id AND t.name = $3
            WHERE p.name = $1 AND c.name = $2
            ORDER BY cv."order" DESC LIMIT 1
            """;
    private static final String FIND_LATEST_ON_BRANCH = WITH_CONTENT + """
            JOIN branch_versions bv ON bv.version_id = lp.consumer_version_id AND bv.branch_name = $3
            WHERE p.name = $1 AND c.name = $2
            ORDER BY cv."order" DESC LIMIT 1
            """;
    // A consumer version named in the verification URL's metadata is preferred; else the latest with this content.
    private static final String FIND_BY_SHA = WITH_CONTENT + """
            WHERE p.name = $1 AND c.name = $2 AND pv.sha = $3
            ORDER BY (cv.number = $4) DESC, cv."order" DESC LIMIT 1
            """;
    private static final String LATEST_PER_INTEGRATION = "SELECT DISTINCT ON (lp.consumer_id, lp.provider_id) "
            + WITHOUT_CONTENT.substring("SELECT ".length()) + """
            ORDER BY lp.consumer_id, lp.provider_id, cv."order" DESC
            """;
    private static final String LATEST_FOR_PROVIDER =
            "SELECT * FROM (SELECT DISTINCT ON (lp.consumer_id) " + WITHOUT_CONTENT.substring("SELECT ".length()) + """
            WHERE p.name = $1
            ORDER BY lp.consumer_id, cv."order" DESC
            ) latest ORDER BY consumer_name
            """;
    private static final String LATEST_TAGGED_FOR_PROVIDER =
            "SELECT * FROM (SELECT DISTINCT ON (lp.consumer_id) " + WITHOUT_CONTENT.substring("SELECT ".length()) + """
            JOIN tags t ON t.version_id = lp.consumer_version_id AND t.name = $2
            WHERE p.name = $1
            ORDER BY lp.consumer_id, cv."order" DESC
            ) latest ORDER BY consumer_name
            """;
    private static final String ALL_FOR_PROVIDER = WITHOUT_CONTENT + """
            WHERE p.name = $1
            ORDER BY c.name, cv."order" DESC
            """;
    private static final String ALL_TAGGED_FOR_PROVIDER = WITHOUT_CONTENT + """
            JOIN tags t ON t.version_id = lp.consumer_version_id AND t.name = $2
            WHERE p.name = $1
            ORDER BY c.name, cv."order" DESC
            """;
    private static final String ALL_FOR_INTEGRATION = WITHOUT_CONTENT + """
            WHERE p.name = $1 AND c.name = $2
            ORDER BY cv."order" DESC
            """;

    private static final String NEWEST_FOR_INTEGRATION = ALL_FOR_INTEGRATION + "LIMIT $3";

    private static final String ALL_TAGGED_FOR_INTEGRATION = WITHOUT_CONTENT + """
            JOIN tags t ON t.version_id = lp.consumer_version_id AND t.name = $3
            WHERE p.name = $1 AND c.name = $2
            ORDER BY cv."order" DESC
            """;
    // A branch's versions (branch_versions) or its head (branch_heads); no branch named means each consumer's main
    // branch. Ordered as the Pact Broker sorts publications: consumer, provider, consumer version order.
    private static final String ON_BRANCH = WITHOUT_CONTENT + """
            JOIN %s b ON b.version_id = lp.consumer_version_id AND b.branch_name = COALESCE($3::text, c.main_branch)
            WHERE p.name = $1 AND ($2::text IS NULL OR c.name = $2)
            ORDER BY lower(c.name), lower(p.name), cv."order"
            """;
    private static final String ALL_ON_BRANCH = ON_BRANCH.formatted("branch_versions");
    private static final String HEADS_OF_BRANCH = ON_BRANCH.formatted("branch_heads");
    private static final String FIND_LATEST_UNTAGGED = WITH_CONTENT + """
            WHERE p.name = $1 AND c.name = $2
              AND NOT EXISTS (SELECT 1 FROM tags t WHERE t.version_id = lp.consumer_version_id)
            ORDER BY cv."order" DESC LIMIT 1
            """;
    private static final String FIND_PREVIOUS_DISTINCT = WITH_CONTENT + """
            WHERE p.name = $1 AND c.name = $2 AND cv."order" < $3 AND pv.sha <> $4
            ORDER BY cv."order" DESC LIMIT 1
            """;
    private static final String FIND_NEXT = WITHOUT_CONTENT + """
            WHERE p.name = $1 AND c.name = $2 AND cv."order" > $3
            ORDER BY cv."order" LIMIT 1
            """;
    // The provider's pacts that provider states are listed from: each consumer's head of the main branch, or of the
    // branch named, or every version currently deployed or supported in the environment (by uuid, or by name as the
    // Pact Broker 2.120 looks it up).
    private static final String HEADS_WITH_CONTENT = WITH_CONTENT + """
            JOIN branch_heads bh ON bh.version_id = lp.consumer_version_id
                                AND bh.branch_name = COALESCE($2::text, c.main_branch)
            WHERE p.name = $1
            ORDER BY lower(c.name), cv."order"
            """;
    private static final String IN_ENVIRONMENT_WITH_CONTENT = WITH_CONTENT + """
            WHERE p.name = $1 AND lp.consumer_version_id IN (
              SELECT cdv.version_id FROM currently_deployed_version_ids cdv
              JOIN environments e ON e.id = cdv.environment_id WHERE e.uuid = $2 OR e.name = $2
              UNION
              SELECT rv.version_id FROM released_versions rv
              JOIN environments e ON e.id = rv.environment_id
              WHERE rv.support_ended_at IS NULL AND (e.uuid = $2 OR e.name = $2))
            ORDER BY lower(c.name), cv."order"
            """;

    /** The latest revision for a consumer version and provider, read from the publications themselves (for writes). */
    private static final String LATEST_REVISION = COLUMNS.formatted("pv.content") + """
            FROM pact_publications pp
            JOIN pact_versions pv ON pv.id = pp.pact_version_id
            JOIN versions cv ON cv.id = pp.consumer_version_id
            JOIN pacticipants c ON c.id = cv.pacticipant_id
            JOIN pacticipants p ON p.id = pp.provider_id
            WHERE pp.consumer_version_id = $1 AND pp.provider_id = $2
            ORDER BY pp.revision_number DESC LIMIT 1
            """;
    // The select sees the snapshot from before the insert, so exactly one branch answers: the new row or the old one.
    private static final String FIND_OR_CREATE_PACT_VERSION = """
            WITH created AS (
              INSERT INTO pact_versions (consumer_id, provider_id, sha, content, created_at, messages_count,
                                         interactions_count, has_messages)
              VALUES ($1, $2, $3, $4, now() AT TIME ZONE 'UTC', $5, $6, $7)
              ON CONFLICT (consumer_id, provider_id, sha) DO NOTHING
              RETURNING id
            )
            SELECT id, true AS created FROM created
            UNION ALL
            SELECT id, false AS created FROM pact_versions WHERE consumer_id = $1 AND provider_id = $2 AND sha = $3
            """;
    private static final String FIND_PACT_VERSION = """
            SELECT id FROM pact_versions WHERE consumer_id = $1 AND provider_id = $2 AND sha = $3
            """;
    // The publication and the "latest revision" helper row in one statement. A concurrent publication of the same
    // revision makes the insert do nothing, and the caller answers 409.
    private static final String INSERT_PUBLICATION = """
            WITH publication AS (
              INSERT INTO pact_publications (consumer_version_id, provider_id, revision_number, pact_version_id,
                                             created_at, consumer_id, consumer_version_order)
              VALUES ($1, $2, $3, $4, now() AT TIME ZONE 'UTC', $5, $6)
              ON CONFLICT (consumer_version_id, provider_id, revision_number) DO NOTHING
              RETURNING id, created_at
            ), latest AS (
              INSERT INTO latest_pact_publication_ids_for_consumer_versions
                     (consumer_id, consumer_version_id, provider_id, pact_publication_id, pact_version_id, created_at)
              SELECT $5, $1, $2, publication.id, $4, $7::timestamp FROM publication
              ON CONFLICT (provider_id, consumer_version_id)
              DO UPDATE SET pact_publication_id = excluded.pact_publication_id,
                            pact_version_id = excluded.pact_version_id
            )
            SELECT id, created_at FROM publication
            """;
    private static final String UPSERT_INTEGRATION = """
            INSERT INTO integrations (consumer_id, provider_id, created_at, contract_data_updated_at)
            VALUES ($1, $2, now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC')
            ON CONFLICT (consumer_id, provider_id)
            DO UPDATE SET contract_data_updated_at = excluded.contract_data_updated_at
            """;
    private static final String VERSION_LABELS = """
            SELECT v.build_url,
                   ARRAY(SELECT bv.branch_name FROM branch_versions bv WHERE bv.version_id = v.id ORDER BY bv.id) AS branches,
                   ARRAY(SELECT t.name FROM tags t WHERE t.version_id = v.id ORDER BY t.created_at, t.name) AS tags
            FROM versions v WHERE v.id = $1
            """;
    /** What {@code pact_versions} keeps beside the content. */
    public record NewPactVersion(
            long consumerId,
            long providerId,
            String sha,
            String content,
            int messagesCount,
            int interactionsCount,
            boolean hasMessages) {}

    public Uni<Optional<PactPublication>> findForConsumerVersion(
            SqlClient c, String provider, String consumer, String consumerVersionNumber) {
        return c.preparedQuery(FIND_FOR_CONSUMER_VERSION)
                .execute(Tuple.of(provider, consumer, consumerVersionNumber))
                .map(PactRepository::first);
    }

    public Uni<Optional<PactPublication>> findLatest(SqlClient c, String provider, String consumer) {
        return c.preparedQuery(FIND_LATEST)
                .execute(Tuple.of(provider, consumer))
                .map(PactRepository::first);
    }

    public Uni<Optional<PactPublication>> findLatestTagged(SqlClient c, String provider, String consumer, String tag) {
        return c.preparedQuery(FIND_LATEST_TAGGED)
                .execute(Tuple.of(provider, consumer, tag))
                .map(PactRepository::first);
    }

    public Uni<Optional<PactPublication>> findLatestOnBranch(
            SqlClient c, String provider, String consumer, String branch) {
        return c.preparedQuery(FIND_LATEST_ON_BRANCH)
                .execute(Tuple.of(provider, consumer, branch))
                .map(PactRepository::first);
    }

    /** The pact with this content, for the consumer version {@code preferredVersion} if it has it, else the latest. */
    public Uni<Optional<PactPublication>> findBySha(
            SqlClient c, String provider, String consumer, String sha, String preferredVersion) {
        return c.preparedQuery(FIND_BY_SHA)
                .execute(Tuple.of(provider, consumer, sha, preferredVersion))
                .map(PactRepository::first);
    }

    /** The latest pact of every integration, without content. */
    public Uni<List<PactPublication>> latestPerIntegration(SqlClient c) {
        return c.query(LATEST_PER_INTEGRATION).execute().map(PactRepository::all);
    }

    /** The latest pact from each consumer of {@code provider} (whose consumer version has {@code tag}, if given). */
    public Uni<List<PactPublication>> latestForProvider(SqlClient c, String provider, Optional<String> tag) {
        return tag.map(t -> c.preparedQuery(LATEST_TAGGED_FOR_PROVIDER).execute(Tuple.of(provider, t)))
                .orElseGet(() -> c.preparedQuery(LATEST_FOR_PROVIDER).execute(Tuple.of(provider)))
                .map(PactRepository::all);
    }

    /** Every consumer version's pact with {@code provider} (tagged {@code tag}, if given). */
    public Uni<List<PactPublication>> allForProvider(SqlClient c, String provider, Optional<String> tag) {
        return tag.map(t -> c.preparedQuery(ALL_TAGGED_FOR_PROVIDER).execute(Tuple.of(provider, t)))
                .orElseGet(() -> c.preparedQuery(ALL_FOR_PROVIDER).execute(Tuple.of(provider)))
                .map(PactRepository::all);
    }

    /** Every consumer version's pact between the two, latest first. */
    public Uni<List<PactPublication>> allForIntegration(SqlClient c, String provider, String consumer) {
        return c.preparedQuery(ALL_FOR_INTEGRATION)
                .execute(Tuple.of(provider, consumer))
                .map(PactRepository::all);
    }

    /** The newest {@code limit} consumer versions' pacts between the two, latest first. */
    public Uni<List<PactPublication>> newestForIntegration(SqlClient c, String provider, String consumer, int limit) {
        return c.preparedQuery(NEWEST_FOR_INTEGRATION)
                .execute(Tuple.of(provider, consumer, limit))
                .map(PactRepository::all);
    }

    /** Every consumer version's pact between the two whose consumer version has {@code tag}, latest first. */
    public Uni<List<PactPublication>> allTaggedForIntegration(
            SqlClient c, String provider, String consumer, String tag) {
        return c.preparedQuery(ALL_TAGGED_FOR_INTEGRATION)
                .execute(Tuple.of(provider, consumer, tag))
                .map(PactRepository::all);
    }

    /**
     * The provider's pacts (from {@code consumer} only, if given) whose consumer version is on {@code branch}, or on
     * each consumer's main branch when {@code branch} is null; only the branch heads' when {@code latest}.
     */
    public Uni<List<PactPublication>> onBranch(
            SqlClient c, String provider, String consumer, String branch, boolean latest) {
        return c.preparedQuery(latest ? HEADS_OF_BRANCH : ALL_ON_BRANCH)
                .execute(Tuple.of(provider, consumer, branch))
                .map(PactRepository::all);
    }

    /** The latest pact between the two whose consumer version has no tag. */
    public Uni<Optional<PactPublication>> findLatestUntagged(SqlClient c, String provider, String consumer) {
        return c.preparedQuery(FIND_LATEST_UNTAGGED)
                .execute(Tuple.of(provider, consumer))
                .map(PactRepository::first);
    }

    /** The latest pact before {@code pact} (by consumer version order) with other content. */
    public Uni<Optional<PactPublication>> findPreviousDistinct(SqlClient c, PactPublication pact) {
        return c.preparedQuery(FIND_PREVIOUS_DISTINCT)
                .execute(Tuple.of(pact.providerName(), pact.consumerName(), pact.consumerVersionOrder(), pact.sha()))
                .map(PactRepository::first);
    }

    /** The first pact after {@code pact} by consumer version order, without content. */
    public Uni<Optional<PactPublication>> findNext(SqlClient c, PactPublication pact) {
        return c.preparedQuery(FIND_NEXT)
                .execute(Tuple.of(pact.providerName(), pact.consumerName(), pact.consumerVersionOrder()))
                .map(PactRepository::first);
    }

    /** The provider's pacts at each consumer's head of {@code branch} (the main branch when null), with content. */
    public Uni<List<PactPublication>> branchHeadsWithContent(SqlClient c, String provider, String branch) {
        return c.preparedQuery(HEADS_WITH_CONTENT)
                .execute(Tuple.of(provider, branch))
                .map(PactRepository::all);
    }

    /** The provider's pacts of consumer versions currently deployed or supported in the environment, with content. */
    public Uni<List<PactPublication>> inEnvironmentWithContent(SqlClient c, String provider, String environment) {
        return c.preparedQuery(IN_ENVIRONMENT_WITH_CONTENT)
                .execute(Tuple.of(provider, environment))
                .map(PactRepository::all);
    }

    /** The latest revision published for this consumer version and provider, if any. */
    public Uni<Optional<PactPublication>> latestRevision(SqlClient c, long consumerVersionId, long providerId) {
        return c.preparedQuery(LATEST_REVISION)
                .execute(Tuple.of(consumerVersionId, providerId))
                .map(PactRepository::first);
    }

    /** The id of the {@code pact_versions} row holding this content, created if absent. */
    public Uni<Upserted<Long>> findOrCreatePactVersion(SqlClient c, NewPactVersion pact) {
        Tuple params = Tuple.from(List.of(
                pact.consumerId(),
                pact.providerId(),
                pact.sha(),
                pact.content(),
                pact.messagesCount(),
                pact.interactionsCount(),
                pact.hasMessages()));
        return c.preparedQuery(FIND_OR_CREATE_PACT_VERSION).execute(params).flatMap(rows -> {
            if (rows.iterator().hasNext()) {
                Row row = rows.iterator().next();
                return Uni.createFrom().item(new Upserted<>(row.getLong("id"), row.getBoolean("created")));
            }
            // created by a concurrent transaction that committed after this statement's snapshot was taken
            return c.preparedQuery(FIND_PACT_VERSION)
                    .execute(Tuple.of(pact.consumerId(), pact.providerId(), pact.sha()))
                    .map(again -> new Upserted<>(again.iterator().next().getLong("id"), false));
        });
    }

    /** A publication just inserted. */
    public record Inserted(long id, LocalDateTime createdAt) {}

    /**
     * Inserts a revision and points the helper table at it.
     *
     * @return the new publication; empty when a concurrent request published the same revision first
     */
    public Uni<Optional<Inserted>> insertPublication(
            SqlClient c, Version consumerVersion, long providerId, int revision, long pactVersionId) {
        Tuple params = Tuple.tuple()
                .addLong(consumerVersion.id())
                .addLong(providerId)
                .addInteger(revision)
                .addLong(pactVersionId)
                .addLong(consumerVersion.pacticipantId())
                .addInteger(consumerVersion.order())
                .addLocalDateTime(consumerVersion.createdAt());
        return c.preparedQuery(INSERT_PUBLICATION).execute(params).map(rows -> {
            var it = rows.iterator();
            if (!it.hasNext()) {
                return Optional.empty();
            }
            Row row = it.next();
            return Optional.of(new Inserted(row.getLong("id"), row.getLocalDateTime("created_at")));
        });
    }

    /** The consumer version's branches and tags, oldest first, for the events that describe a publication. */
    public record VersionLabels(List<String> branches, List<String> tags, String buildUrl) {}

    public Uni<VersionLabels> labelsOf(SqlClient c, long versionId) {
        return c.preparedQuery(VERSION_LABELS).execute(Tuple.of(versionId)).map(rows -> {
            Row row = rows.iterator().next();
            return new VersionLabels(
                    strings(row.getArrayOfStrings("branches")),
                    strings(row.getArrayOfStrings("tags")),
                    row.getString("build_url"));
        });
    }

    private static List<String> strings(String[] values) {
        return values == null ? List.of() : List.of(values);
    }

    /** Records that contract data between the two changed, creating the integration if it is new. */
    public Uni<Void> touchIntegration(SqlClient c, long consumerId, long providerId) {
        return c.preparedQuery(UPSERT_INTEGRATION)
                .execute(Tuple.of(consumerId, providerId))
                .replaceWithVoid();
    }

    private static Optional<PactPublication> first(RowSet<Row> rows) {
        var it = rows.iterator();
        return it.hasNext() ? Optional.of(PactPublication.from(it.next())) : Optional.empty();
    }

    private static List<PactPublication> all(RowSet<Row> rows) {
        List<PactPublication> pacts = new ArrayList<>(rows.size());
        rows.forEach(row -> pacts.add(PactPublication.from(row)));
        return pacts;
    }
}
