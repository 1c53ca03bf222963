package io.pactport.api.resource;

import static io.pactport.api.resource.MatrixFixtures.environment;
import static io.pactport.api.resource.MatrixFixtures.publish;
import static io.pactport.api.resource.PactFixtures.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.pactport.core.testing.KafkaResource;
import io.pactport.core.testing.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The can-i-deploy questions answered are made known to parallel-sync-service's shadow can-i-deploy: each distinct
 * valid question once (asking again within a minute writes nothing more), a refused question not at all.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class CanIDeployQuestionsTest {

    private static final String ROWS = """
            SELECT version, environment, to_tag, last_asked_at FROM pactport_can_i_deploy_questions
            WHERE pacticipant = $1 ORDER BY version, environment, to_tag
            """;

    @Inject
    Pool pool;

    @Test
    void answeredQuestionsAreRecordedOnceEachAndRefusedOnesNot() throws Exception {
        String consumer = unique("Asker");
        String env = unique("prod");
        environment(env);
        publish(consumer, "1", unique("Answerer"));

        ask(consumer, "1", "environment", env, 200);
        ask(consumer, "1", "to", "prod", 200);
        ask(consumer, "1", "environment", env, 200);
        ask(consumer, "1", "environment", "no-such-" + env, 400);

        List<String> rows = awaitRows(consumer, 2);
        assertThat(rows).containsExactly("1||prod", "1|" + env + "|");
        Object askedAt = pool.preparedQuery(ROWS).execute(Tuple.of(consumer)).await().indefinitely().iterator()
                .next().getValue("last_asked_at");
        ask(consumer, "1", "to", "prod", 200);
        Thread.sleep(300);
        // within the minute: no second write
        assertThat(pool.preparedQuery(ROWS).execute(Tuple.of(consumer)).await().indefinitely().iterator().next()
                .getValue("last_asked_at")).isEqualTo(askedAt);
        assertThat(awaitRows(consumer, 2)).hasSize(2);
    }

    private static void ask(String pacticipant, String version, String target, String value, int status) {
        given().queryParam("pacticipant", pacticipant).queryParam("version", version).queryParam(target, value)
                .when().get("/can-i-deploy").then().statusCode(status);
    }

    /** The rows as {@code version|environment|to}, once there are {@code count} (written fire-and-forget). */
    private List<String> awaitRows(String pacticipant, int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            List<String> rows = new ArrayList<>();
            for (Row row : pool.preparedQuery(ROWS).execute(Tuple.of(pacticipant)).await().indefinitely()) {
                rows.add(row.getString("version") + "|" + row.getString("environment") + "|"
                        + row.getString("to_tag"));
            }
            if (rows.size() >= count || System.nanoTime() > deadline) {
                return rows;
            }
            Thread.sleep(50);
        }
    }
}
