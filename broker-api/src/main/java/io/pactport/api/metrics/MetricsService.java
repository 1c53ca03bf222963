package io.pactport.api.metrics;

import io.pactport.api.db.GenericPlans;
import io.pactport.api.http.Hal;
import io.pactport.api.http.Timestamps;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/** The Pact Broker's {@code /metrics} document: counts of what the broker holds, read in one transaction. */
@ApplicationScoped
public class MetricsService {

    /** The Pact Broker reports -1: the matrix's size means nothing and takes too long to count. */
    static final int MATRIX_COUNT = -1;

    private final Pool pool;
    private final MetricsRepository repository;

    MetricsService(Pool pool, MetricsRepository repository) {
        this.pool = pool;
        this.repository = repository;
    }

    public Uni<Map<String, Object>> metrics() {
        return GenericPlans.inTransaction(
                pool,
                c -> repository
                        .counts(c)
                        .flatMap(counts -> repository
                                .latestInteractions(c)
                                .flatMap(interactions -> repository
                                        .revisionsPerConsumerVersion(c)
                                        .flatMap(revisions -> repository
                                                .verificationsPerPactVersion(c)
                                                .map(verifications ->
                                                        document(counts, interactions, revisions, verifications))))));
    }

    private static Map<String, Object> document(
            Row n, Row interactions, Map<String, Long> revisions, Map<String, Long> verifications) {
        long interactionCount = interactions.getLong("interactions");
        long messageCount = interactions.getLong("messages");
        return Hal.object(
                "interactions",
                Hal.object(
                        "latestInteractionsCount", interactionCount,
                        "latestMessagesCount", messageCount,
                        "latestInteractionsAndMessagesCount", interactionCount + messageCount),
                "pacticipants",
                Hal.object(
                        "count", n.getLong("pacticipants"),
                        "withMainBranchSetCount", n.getLong("pacticipants_with_main_branch")),
                "integrations",
                Hal.object("count", n.getLong("integrations")),
                "pactPublications",
                Hal.object(
                        "count", n.getLong("pact_publications"),
                        "first", Timestamps.format(n.getLocalDateTime("first_pact_publication")),
                        "last", Timestamps.format(n.getLocalDateTime("last_pact_publication"))),
                "pactVersions",
                Hal.object("count", n.getLong("pact_versions")),
                "pactRevisionsPerConsumerVersion",
                Hal.object("distribution", revisions),
                "verificationResults",
                Hal.object(
                        "count", n.getLong("verifications"),
                        "successCount", n.getLong("successful_verifications"),
                        "failureCount", n.getLong("failed_verifications"),
                        "distinctCount", n.getLong("distinct_verifications"),
                        "first", Timestamps.format(n.getLocalDateTime("first_verification")),
                        "last", Timestamps.format(n.getLocalDateTime("last_verification"))),
                "verificationResultsPerPactVersion",
                Hal.object("distribution", verifications),
                "pacticipantVersions",
                Hal.object(
                        "count", n.getLong("versions"),
                        "withUserCreatedBranchCount", n.getLong("versions_with_user_created_branch"),
                        "withBranchCount", n.getLong("versions_with_branch"),
                        "withBranchSetCount", n.getLong("versions_with_branch")),
                "webhooks",
                Hal.object("count", n.getLong("webhooks")),
                "tags",
                Hal.object(
                        "count", n.getLong("tags"),
                        "distinctCount", n.getLong("distinct_tags"),
                        "distinctWithPacticipantCount", n.getLong("distinct_tags_with_pacticipant")),
                "triggeredWebhooks",
                Hal.object("count", n.getLong("triggered_webhooks")),
                "webhookExecutions",
                Hal.object("count", n.getLong("webhook_executions")),
                "matrix",
                Hal.object("count", MATRIX_COUNT),
                "environments",
                Hal.object("count", n.getLong("environments")),
                "deployedVersions",
                Hal.object(
                        "count", n.getLong("deployed_versions"),
                        "userCreatedCount", n.getLong("user_created_deployed_versions"),
                        "currentlyDeployedCount", n.getLong("currently_deployed_versions")),
                "releasedVersions",
                Hal.object(
                        "count", n.getLong("released_versions"),
                        "currentlySupportedCount", n.getLong("currently_supported_versions")));
    }
}
