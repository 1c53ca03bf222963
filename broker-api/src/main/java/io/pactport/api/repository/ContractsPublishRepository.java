package io.pactport.api.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/** The few statements {@code POST /contracts/publish} needs beyond publishing each pact. */
@ApplicationScoped
public class ContractsPublishRepository {

    private static final String SET_BUILD_URL = """
            UPDATE versions SET build_url = $2, updated_at = now() AT TIME ZONE 'UTC'
            WHERE id = $1 AND build_url IS DISTINCT FROM $2
            """;
    private static final String SETUP_STATE = """
            SELECT EXISTS (SELECT 1 FROM verifications WHERE consumer_id = $1 AND provider_id = $2) AS verified,
                   EXISTS (SELECT 1 FROM webhooks WHERE (consumer_id = $1 OR consumer_id IS NULL)
                                                    AND (provider_id = $2 OR provider_id IS NULL)) AS webhooks
            """;

    /** Whether the integration has ever been verified, and whether any webhook could fire for it. */
    public record SetupState(boolean verified, boolean webhooks) {
    }

    public Uni<Void> setBuildUrl(SqlClient c, long versionId, String buildUrl) {
        return c.preparedQuery(SET_BUILD_URL).execute(Tuple.of(versionId, buildUrl)).replaceWithVoid();
    }

    public Uni<SetupState> setupState(SqlClient c, long consumerId, long providerId) {
        return c.preparedQuery(SETUP_STATE).execute(Tuple.of(consumerId, providerId)).map(rows -> {
            Row row = rows.iterator().next();
            return new SetupState(row.getBoolean("verified"), row.getBoolean("webhooks"));
        });
    }
}
