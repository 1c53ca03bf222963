package io.pactport.api.pacts;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Deleting pact publications between a consumer and a provider, every revision of the consumer versions chosen, as the
 * Pact Broker deletes them: the webhook runs and triggers that name them first (the foreign keys do not cascade), then
 * the publications; the helper table's rows cascade. The content and its verifications stay.
 */
@ApplicationScoped
public class PactDeletionRepository {

    /** Which of the integration's consumer versions lose their pact. */
    /** Which of an integration's publications a delete takes: all of them when every part is empty. */
    public record Selection(String tag, String branch, boolean mainBranch, String consumerVersionNumber) {

        public static Selection all() {
            return new Selection(null, null, false, null);
        }

        public static Selection tagged(String tag) {
            return new Selection(tag, null, false, null);
        }

        public static Selection onBranch(String branch) {
            return new Selection(null, branch, false, null);
        }

        /** The consumer's main branch, whatever it is named; nothing when it has none. */
        public static Selection onMainBranch() {
            return new Selection(null, null, true, null);
        }

        public static Selection consumerVersion(String number) {
            return new Selection(null, null, false, number);
        }
    }

    // Locked, so a concurrent delete of the same publications waits and then finds them gone.
    private static final String SELECT = """
            SELECT pp.id, cv.number
            FROM pact_publications pp
            JOIN versions cv ON cv.id = pp.consumer_version_id
            WHERE pp.consumer_id = $1 AND pp.provider_id = $2
              AND ($3::text IS NULL OR EXISTS (SELECT 1 FROM tags t
                                               WHERE t.version_id = pp.consumer_version_id AND t.name = $3))
              AND (($4::text IS NULL AND NOT $6::boolean)
                   OR EXISTS (SELECT 1 FROM branch_versions bv
                              WHERE bv.version_id = pp.consumer_version_id
                                AND bv.branch_name = COALESCE($4, (SELECT main_branch FROM pacticipants WHERE id = $1))))
              AND ($5::text IS NULL OR cv.number = $5)
            ORDER BY cv."order", pp.revision_number
            FOR UPDATE OF pp
            """;
    // The webhook runs' triggers are locked first: the executor records a run against its trigger while it runs, and
    // a run recorded between the two deletes would keep the trigger (and so the publication) from going.
    private static final List<String> DELETE = List.of("""
            SELECT id FROM triggered_webhooks WHERE pact_publication_id = ANY($1) ORDER BY id FOR UPDATE
            """, """
            DELETE FROM webhook_executions
            WHERE triggered_webhook_id IN (SELECT id FROM triggered_webhooks WHERE pact_publication_id = ANY($1))
               OR pact_publication_id = ANY($1)
            """, """
            DELETE FROM triggered_webhooks WHERE pact_publication_id = ANY($1)
            """, """
            DELETE FROM pact_publications WHERE id = ANY($1)
            """);

    /**
     * Deletes the selected publications.
     *
     * @return the consumer version numbers whose pact went, oldest first; empty when none matched
     */
    public Uni<List<String>> delete(SqlClient c, long consumerId, long providerId, Selection selection) {
        Tuple select = Tuple.of(
                consumerId,
                providerId,
                selection.tag(),
                selection.branch(),
                selection.consumerVersionNumber(),
                selection.mainBranch());
        return c.preparedQuery(SELECT).execute(select).flatMap(rows -> {
            List<Long> ids = new ArrayList<>();
            Set<String> numbers = new LinkedHashSet<>();
            rows.forEach(row -> {
                ids.add(row.getLong("id"));
                numbers.add(row.getString("number"));
            });
            if (ids.isEmpty()) {
                return Uni.createFrom().item(List.<String>of());
            }
            Tuple idArray = Tuple.tuple().addArrayOfLong(ids.toArray(Long[]::new));
            return Multi.createFrom()
                    .iterable(DELETE)
                    .onItem()
                    .transformToUniAndConcatenate(sql -> c.preparedQuery(sql).execute(idArray))
                    .collect()
                    .last()
                    .replaceWith(List.copyOf(numbers));
        });
    }
}
