package io.pactport.api.pacticipants;

import io.pactport.api.db.VersionDeletionRepository;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Deletes a pacticipant and everything it owns, in the Pact Broker's order (its pacticipant's {@code before_destroy}
 * after deleting its webhooks): webhooks naming it with their history, the pacts it is provider of, the verifications
 * it took part in, its versions with their dependants, its pact contents, its labels, then the row; branches,
 * integrations and the helper tables cascade. Two steps go beyond the Pact Broker's, deleting rows only very old
 * brokers wrote (executions from before triggered webhooks, verifications without consumer id), so that such rows
 * cannot make the delete fail on a foreign key.
 */
@ApplicationScoped
public class PacticipantDeletionRepository {

    private static final String WEBHOOKS = "(SELECT id FROM webhooks WHERE consumer_id = $1 OR provider_id = $1)";
    private static final String TRIGGERED = """
            (SELECT id FROM triggered_webhooks
             WHERE consumer_id = $1 OR provider_id = $1 OR webhook_id IN %s)
            """.formatted(WEBHOOKS);
    private static final String VERIFICATIONS = """
            (SELECT id FROM verifications
             WHERE consumer_id = $1 OR provider_id = $1
                OR pact_version_id IN (SELECT id FROM pact_versions WHERE consumer_id = $1 OR provider_id = $1))
            """;
    private static final List<String> BEFORE_VERSIONS = List.of(
            "DELETE FROM webhook_executions WHERE triggered_webhook_id IN " + TRIGGERED,
            "DELETE FROM triggered_webhooks WHERE id IN " + TRIGGERED,
            """
            DELETE FROM webhook_executions
            WHERE webhook_id IN %s OR consumer_id = $1 OR provider_id = $1
               OR pact_publication_id IN (SELECT id FROM pact_publications WHERE provider_id = $1)
            """.formatted(WEBHOOKS),
            "DELETE FROM webhook_headers WHERE webhook_id IN " + WEBHOOKS,
            "DELETE FROM webhooks WHERE consumer_id = $1 OR provider_id = $1",
            "DELETE FROM pact_publications WHERE provider_id = $1",
            """
            DELETE FROM webhook_executions WHERE triggered_webhook_id IN (
              SELECT id FROM triggered_webhooks WHERE verification_id IN %s)
            """.formatted(VERIFICATIONS),
            "DELETE FROM triggered_webhooks WHERE verification_id IN " + VERIFICATIONS,
            "DELETE FROM verifications WHERE id IN " + VERIFICATIONS);
    private static final List<String> AFTER_VERSIONS = List.of(
            "DELETE FROM pact_versions WHERE consumer_id = $1 OR provider_id = $1",
            "DELETE FROM labels WHERE pacticipant_id = $1",
            "DELETE FROM pacticipants WHERE id = $1");

    private final VersionDeletionRepository versions;

    PacticipantDeletionRepository(VersionDeletionRepository versions) {
        this.versions = versions;
    }

    public Uni<Void> delete(SqlClient c, long pacticipantId) {
        return VersionDeletionRepository.run(c, BEFORE_VERSIONS, pacticipantId)
                .call(() -> versions.deleteVersionsOf(c, pacticipantId))
                .call(() -> VersionDeletionRepository.run(c, AFTER_VERSIONS, pacticipantId));
    }
}
