package io.pactport.api.contracts;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** The few statements {@code POST /contracts/publish} needs beyond publishing each pact. */
@ApplicationScoped
public class ContractsPublishRepository {

    private static final String SET_BUILD_URL = """
            UPDATE versions SET build_url = $2, updated_at = now() AT TIME ZONE 'UTC'
            WHERE id = $1 AND build_url IS DISTINCT FROM $2
            """;
    private static final String PUBLISHED_PACT = """
            SELECT pv.sha, pv.content FROM pact_publications pp
            JOIN pacticipants p ON p.id = pp.provider_id
            JOIN pact_versions pv ON pv.id = pp.pact_version_id
            WHERE pp.consumer_version_id = $1 AND p.name = $2
            ORDER BY pp.revision_number DESC LIMIT 1
            """;
    private static final String SETUP_STATE = """
            SELECT EXISTS (SELECT 1 FROM verifications WHERE consumer_id = $1 AND provider_id = $2) AS verified,
                   EXISTS (SELECT 1 FROM webhooks WHERE (consumer_id = $1 OR consumer_id IS NULL)
                                                    AND (provider_id = $2 OR provider_id IS NULL)) AS webhooks
            """;

    /** A published pact's content as stored, and its SHA. */
    public record PublishedPact(String sha, String content) {}

    /** The consumer version's pact with the provider (its latest revision), if it has one. */
    public Uni<Optional<PublishedPact>> publishedPact(SqlClient c, long consumerVersionId, String providerName) {
        return c.preparedQuery(PUBLISHED_PACT)
                .execute(Tuple.of(consumerVersionId, providerName))
                .map(rows -> {
                    if (rows.size() == 0) {
                        return Optional.empty();
                    }
                    Row row = rows.iterator().next();
                    return Optional.of(new PublishedPact(row.getString("sha"), row.getString("content")));
                });
    }

    /** Whether the integration has ever been verified, and whether any webhook could fire for it. */
    public record SetupState(boolean verified, boolean webhooks) {}

    public Uni<Void> setBuildUrl(SqlClient c, long versionId, String buildUrl) {
        return c.preparedQuery(SET_BUILD_URL)
                .execute(Tuple.of(versionId, buildUrl))
                .replaceWithVoid();
    }

    public Uni<SetupState> setupState(SqlClient c, long consumerId, long providerId) {
        return c.preparedQuery(SETUP_STATE)
                .execute(Tuple.of(consumerId, providerId))
                .map(rows -> {
                    Row row = rows.iterator().next();
                    return new SetupState(row.getBoolean("verified"), row.getBoolean("webhooks"));
                });
    }
}
