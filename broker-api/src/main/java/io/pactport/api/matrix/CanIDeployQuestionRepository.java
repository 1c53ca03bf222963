package io.pactport.api.matrix;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/** SQL on {@code pactport_can_i_deploy_questions}: the questions parallel-sync-service asks the old brokers too. */
@ApplicationScoped
public class CanIDeployQuestionRepository {

    private static final String ASKED = """
            INSERT INTO pactport_can_i_deploy_questions (pacticipant, version, environment, to_tag, last_asked_at)
            VALUES ($1, $2, $3, $4, now())
            ON CONFLICT (pacticipant, version, environment, to_tag) DO UPDATE SET last_asked_at = now()
            """;

    /** @param environment or {@code ""}; @param toTag or {@code ""} */
    public Uni<Void> asked(SqlClient c, String pacticipant, String version, String environment, String toTag) {
        return c.preparedQuery(ASKED)
                .execute(Tuple.of(pacticipant, version, environment, toTag))
                .replaceWithVoid();
    }
}
