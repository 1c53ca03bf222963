package io.pactport.api.badges;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * A badge's pact and verification in one statement, without the pact's content (a badge is fetched often, by every
 * README view, and never shows it). "Latest" is the greatest consumer version order among the latest revisions, as in
 * the Pact Broker; which verification counts is the Pact Broker's choice for each kind of badge (see the queries).
 */
@ApplicationScoped
public class PactBadgeRepository {

    /** Which pacts between the two a pact badge looks at. */
    enum Scope {
        /** Every consumer version. */
        ALL,
        /** Consumer versions with the tag ($3). */
        TAGGED,
        /** Consumer versions with no tag at all. */
        UNTAGGED
    }

    // %1$s: the alias of the latest-revision row whose consumer version is filtered; the tag is $3
    private static final String TAGGED_FILTER =
            " AND EXISTS (SELECT 1 FROM tags t WHERE t.version_id = %1$s.consumer_version_id AND t.name = $3)";
    private static final String UNTAGGED_FILTER =
            " AND NOT EXISTS (SELECT 1 FROM tags t WHERE t.version_id = %1$s.consumer_version_id)";

    // %1$s: the scope's filter on lp, %2$s: the verification subquery (one row, or none)
    private static final String PACT_AND_VERIFICATION = """
            WITH pact AS (
              SELECT lp.consumer_id, lp.provider_id, lp.pact_version_id, c.name AS consumer_name,
                     p.name AS provider_name, cv.number AS consumer_version_number, pp.revision_number
              FROM latest_pact_publication_ids_for_consumer_versions lp
              JOIN pact_publications pp ON pp.id = lp.pact_publication_id
              JOIN versions cv ON cv.id = lp.consumer_version_id
              JOIN pacticipants c ON c.id = lp.consumer_id
              JOIN pacticipants p ON p.id = lp.provider_id
              WHERE p.name = $1 AND c.name = $2%1$s
              ORDER BY cv."order" DESC LIMIT 1)
            SELECT pact.*, v.success, v.pact_pending, v.pact_version_id AS verified_pact_version_id,
                   v.number AS verification_number, prv.number AS provider_version_number
            FROM pact
            LEFT JOIN LATERAL (%2$s) v ON true
            LEFT JOIN versions prv ON prv.id = v.provider_version_id
            """;

    // The Pact Broker's pact badge: of the consumer versions in scope, the latest one's pact that has been verified
    // at all, and that content's latest verification (by any provider version).
    private static final String LATEST_VERIFICATION = """
            SELECT ver.success, ver.pact_pending, ver.pact_version_id, ver.number, ver.provider_version_id
            FROM latest_pact_publication_ids_for_consumer_versions lv_lp
            JOIN versions lv_cv ON lv_cv.id = lv_lp.consumer_version_id
            CROSS JOIN LATERAL (
              SELECT max(lv.verification_id) AS id
              FROM latest_verification_id_for_pact_version_and_provider_version lv
              WHERE lv.pact_version_id = lv_lp.pact_version_id) latest
            JOIN verifications ver ON ver.id = latest.id
            WHERE lv_lp.consumer_id = pact.consumer_id AND lv_lp.provider_id = pact.provider_id%s
            ORDER BY lv_cv."order" DESC, ver.number DESC LIMIT 1
            """;

    // The Pact Broker's matrix badge: the latest verification, by a provider version tagged $4, of content published
    // by a consumer version tagged $3; latest by consumer version, then provider version, then execution date.
    private static final String LATEST_VERIFICATION_FOR_TAGS = """
            SELECT ver.success, ver.pact_pending, ver.pact_version_id, ver.number, ver.provider_version_id
            FROM verifications ver
            JOIN latest_verification_id_for_pact_version_and_provider_version lv ON lv.verification_id = ver.id
            JOIN versions lv_pv ON lv_pv.id = ver.provider_version_id
            JOIN latest_pact_publication_ids_for_consumer_versions lv_lp ON lv_lp.pact_version_id = ver.pact_version_id
            JOIN versions lv_cv ON lv_cv.id = lv_lp.consumer_version_id
            WHERE ver.consumer_id = pact.consumer_id AND ver.provider_id = pact.provider_id
              AND EXISTS (SELECT 1 FROM tags t WHERE t.version_id = lv_lp.consumer_version_id AND t.name = $3)
              AND EXISTS (SELECT 1 FROM tags t WHERE t.version_id = ver.provider_version_id AND t.name = $4)
            ORDER BY lv_cv."order" DESC, lv_pv."order" DESC, ver.execution_date DESC LIMIT 1
            """;

    private static final String LATEST = PACT_AND_VERIFICATION.formatted("", LATEST_VERIFICATION.formatted(""));
    private static final String LATEST_TAGGED = PACT_AND_VERIFICATION.formatted(
            TAGGED_FILTER.formatted("lp"), LATEST_VERIFICATION.formatted(TAGGED_FILTER.formatted("lv_lp")));
    private static final String LATEST_UNTAGGED = PACT_AND_VERIFICATION.formatted(
            UNTAGGED_FILTER.formatted("lp"), LATEST_VERIFICATION.formatted(UNTAGGED_FILTER.formatted("lv_lp")));
    private static final String LATEST_FOR_TAGS =
            PACT_AND_VERIFICATION.formatted(TAGGED_FILTER.formatted("lp"), LATEST_VERIFICATION_FOR_TAGS);

    /**
     * The latest pact between the two in {@code scope}, with the verification its badge shows.
     *
     * @param tag the consumer version tag for {@link Scope#TAGGED}, else ignored
     */
    public Uni<Optional<PactStatus>> latest(SqlClient c, String provider, String consumer, Scope scope, String tag) {
        Uni<RowSet<Row>> rows = switch (scope) {
            case ALL -> c.preparedQuery(LATEST).execute(Tuple.of(provider, consumer));
            case TAGGED -> c.preparedQuery(LATEST_TAGGED).execute(Tuple.of(provider, consumer, tag));
            case UNTAGGED -> c.preparedQuery(LATEST_UNTAGGED).execute(Tuple.of(provider, consumer));
        };
        return rows.map(PactBadgeRepository::first);
    }

    /** The latest pact of a consumer version tagged {@code consumerTag}, with the matrix badge's verification. */
    public Uni<Optional<PactStatus>> latestForTags(
            SqlClient c, String provider, String providerTag, String consumer, String consumerTag) {
        return c.preparedQuery(LATEST_FOR_TAGS)
                .execute(Tuple.of(provider, consumer, consumerTag, providerTag))
                .map(PactBadgeRepository::first);
    }

    private static Optional<PactStatus> first(RowSet<Row> rows) {
        var iterator = rows.iterator();
        return iterator.hasNext() ? Optional.of(PactStatus.from(iterator.next())) : Optional.empty();
    }
}
