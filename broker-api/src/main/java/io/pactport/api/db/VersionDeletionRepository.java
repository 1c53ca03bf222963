package io.pactport.api.db;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Deletes versions with everything that depends on them, in the Pact Broker's order (its version dataset's
 * {@code delete}, which the clean uses too): deployments, releases, the verifications the versions made, the pacts they
 * published (each after its triggered webhooks and their executions), tags, then the versions. The foreign keys of the
 * Pact Broker's schema do not cascade between these tables, so the order is what makes the delete possible; the
 * helper tables ({@code branch_versions}, {@code branch_heads}, the latest-id tables) cascade by themselves.
 */
@ApplicationScoped
public class VersionDeletionRepository {

    private static final String ONE_VERSION = "(SELECT $1::integer)";
    private static final String VERSIONS_OF_PACTICIPANT = "(SELECT id FROM versions WHERE pacticipant_id = $1)";
    private static final List<String> STEPS = List.of(
            "DELETE FROM deployed_versions WHERE version_id IN %s",
            "DELETE FROM released_versions WHERE version_id IN %s",
            """
            DELETE FROM webhook_executions WHERE triggered_webhook_id IN (
              SELECT id FROM triggered_webhooks WHERE verification_id IN (
                SELECT id FROM verifications WHERE provider_version_id IN %s))
            """,
            """
            DELETE FROM triggered_webhooks WHERE verification_id IN (
              SELECT id FROM verifications WHERE provider_version_id IN %s)
            """,
            "DELETE FROM verifications WHERE provider_version_id IN %s",
            // executions written before triggered webhooks existed point at the publication directly
            """
            DELETE FROM webhook_executions
            WHERE triggered_webhook_id IN (
                    SELECT id FROM triggered_webhooks WHERE pact_publication_id IN (
                      SELECT id FROM pact_publications WHERE consumer_version_id IN %1$s))
               OR pact_publication_id IN (SELECT id FROM pact_publications WHERE consumer_version_id IN %1$s)
            """,
            """
            DELETE FROM triggered_webhooks WHERE pact_publication_id IN (
              SELECT id FROM pact_publications WHERE consumer_version_id IN %s)
            """,
            "DELETE FROM pact_publications WHERE consumer_version_id IN %s",
            "DELETE FROM tags WHERE version_id IN %s",
            "DELETE FROM versions WHERE id IN %s");
    private static final List<String> DELETE_VERSION =
            STEPS.stream().map(s -> s.formatted(ONE_VERSION)).toList();
    private static final List<String> DELETE_VERSIONS_OF_PACTICIPANT =
            STEPS.stream().map(s -> s.formatted(VERSIONS_OF_PACTICIPANT)).toList();

    /** Deletes the version {@code versionId} and what depends on it (branch heads are the caller's business). */
    public Uni<Void> deleteVersion(SqlClient c, long versionId) {
        return run(c, DELETE_VERSION, versionId);
    }

    /** Deletes every version of the pacticipant and what depends on them. */
    public Uni<Void> deleteVersionsOf(SqlClient c, long pacticipantId) {
        return run(c, DELETE_VERSIONS_OF_PACTICIPANT, pacticipantId);
    }

    public static Uni<Void> run(SqlClient c, List<String> statements, long id) {
        return Multi.createFrom()
                .iterable(statements)
                .onItem()
                .transformToUniAndConcatenate(sql -> c.preparedQuery(sql).execute(Tuple.of(id)))
                .collect()
                .last()
                .replaceWithVoid();
    }
}
