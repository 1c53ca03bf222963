package io.pactport.api.matrix;

import static io.pactport.api.ApiFixture.branch;
import static io.pactport.api.ApiFixture.environment;
import static io.pactport.api.ApiFixture.publish;
import static io.pactport.api.ApiFixture.tag;
import static io.pactport.api.ApiFixture.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.pactport.core.remote.PactBrokerClient;
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
 * valid question once (asking again within a minute writes nothing more), a refused question not at all, and a
 * question asked through a shortcut URL, its badge or {@code /matrix} as the concrete question it resolved to.
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
        environment(env, true);
        publish(consumer, unique("Answerer"), "1", "for 1");

        ask(consumer, "1", "environment", env, 200);
        ask(consumer, "1", "to", "prod", 200);
        ask(consumer, "1", "environment", env, 200);
        ask(consumer, "1", "environment", "no-such-" + env, 400);

        List<String> rows = awaitRows(consumer, 2);
        assertThat(rows).containsExactly("1||prod", "1|" + env + "|");
        Object askedAt = pool.preparedQuery(ROWS)
                .execute(Tuple.of(consumer))
                .await()
                .indefinitely()
                .iterator()
                .next()
                .getValue("last_asked_at");
        ask(consumer, "1", "to", "prod", 200);
        Thread.sleep(300);
        // within the minute: no second write
        assertThat(pool.preparedQuery(ROWS)
                        .execute(Tuple.of(consumer))
                        .await()
                        .indefinitely()
                        .iterator()
                        .next()
                        .getValue("last_asked_at"))
                .isEqualTo(askedAt);
        assertThat(awaitRows(consumer, 2)).hasSize(2);
    }

    @Test
    void questionsPactportsOwnToolsAskAreNotRecorded() throws Exception {
        String consumer = unique("Replayed");
        String env = unique("prod");
        environment(env, true);
        publish(consumer, unique("Answerer"), "1", "for 1");

        // shadow can-i-deploy's replays come through PactBrokerClient, which names itself
        given().header("User-Agent", PactBrokerClient.USER_AGENT)
                .queryParam("pacticipant", consumer)
                .queryParam("version", "1")
                .queryParam("environment", env)
                .when()
                .get("/can-i-deploy")
                .then()
                .statusCode(200);
        given().header("User-Agent", PactBrokerClient.USER_AGENT)
                .urlEncodingEnabled(false)
                .when()
                .get("/matrix?q%5B%5D%5Bpacticipant%5D=" + consumer + "&q%5B%5D%5Bversion%5D=1&latestby=cvp"
                        + "&environment=" + env)
                .then()
                .statusCode(200);
        assertThat(settledRows(consumer, 0)).isEmpty();

        ask(consumer, "1", "environment", env, 200);
        assertThat(awaitRows(consumer, 1)).containsExactly("1|" + env + "|");
    }

    @Test
    void theShortcutsAndTheirBadgesRecordTheVersionTheyPicked() throws Exception {
        String env = unique("prod");
        environment(env, true);
        String viaUrl = latestTwo("Short");
        String viaBadge = latestTwo("Badge");

        given().when().get(BRANCH, viaUrl, "main", env).then().statusCode(200);
        given().when().get(TAG, viaUrl, "dev", "prod").then().statusCode(200);
        given().when().get(BRANCH + "/badge", viaBadge, "main", env).then().statusCode(200);
        given().when().get(TAG + "/badge", viaBadge, "dev", "prod").then().statusCode(200);

        // the branch's latest version is 2, the latest tagged dev is 1
        assertThat(settledRows(viaUrl, 2)).containsExactly("1||prod", "2|" + env + "|");
        assertThat(settledRows(viaBadge, 2)).containsExactly("1||prod", "2|" + env + "|");
    }

    @Test
    void aShortcutThatFindsNoVersionRecordsNothingAndAnswersAsBefore() throws Exception {
        String env = unique("prod");
        environment(env, true);
        String consumer = latestTwo("Nothing");

        given().when().get(BRANCH, consumer, "nope", env).then().statusCode(404);
        given().when().get(TAG, consumer, "none", "prod").then().statusCode(404);
        assertThat(given().when().get(BRANCH + "/badge", consumer, "nope", env).asString())
                .contains(">branch<");
        assertThat(given().when().get(TAG + "/badge", consumer, "none", "prod").asString())
                .contains(">version<");
        // a branch with versions but an environment that does not exist: no question either
        given().when().get(BRANCH, consumer, "main", "no-such-" + env).then().statusCode(404);
        // a question asked after them, written once they would have been
        ask(consumer, "1", "environment", env, 200);

        assertThat(settledRows(consumer, 1)).containsExactly("1|" + env + "|");
    }

    @Test
    void theCommandLineCanIDeployAsksThroughTheMatrixAndOtherMatrixQueriesAreNoQuestions() throws Exception {
        String env = unique("prod");
        environment(env, true);
        String consumer = latestTwo("Cli");
        String other = unique("Other");
        publish(other, unique("Answerer"), "9", "for 9");

        // pact-broker can-i-deploy --pacticipant C --version 2 --to-environment E, and --version 2 --to prod
        matrix("q[][pacticipant]=" + consumer + "&q[][version]=2&latestby=cvp&environment=" + env);
        matrix("q[][pacticipant]=" + consumer + "&q[][version]=2&latestby=cvp&latest=true&tag=prod");
        // --pacticipant C --latest dev --to prod: the version the selector found
        matrix("q[][pacticipant]=" + consumer + "&q[][latest]=true&q[][tag]=dev&latestby=cvp&latest=true&tag=prod");
        // the matrix of two pacticipants, one without a target, and one ignoring a pacticipant: no can-i-deploy
        matrix("q[][pacticipant]=" + consumer + "&q[][version]=2&q[][pacticipant]=" + other
                + "&q[][version]=9&latestby=cvpv");
        matrix("q[][pacticipant]=" + consumer + "&q[][version]=1&latestby=cvpv");
        matrix("q[][pacticipant]=" + consumer + "&q[][version]=1&latestby=cvp&environment=" + env
                + "&ignore[][pacticipant]=" + other);

        assertThat(settledRows(consumer, 3)).containsExactly("1||prod", "2||prod", "2|" + env + "|");
        assertThat(settledRows(other, 0)).isEmpty();
    }

    private static final String BRANCH =
            "/pacticipants/{p}/branches/{b}/latest-version/can-i-deploy/to-environment/{e}";
    private static final String TAG = "/pacticipants/{p}/latest-version/{t}/can-i-deploy/to/{to}";

    /** A consumer with versions 1 (tagged dev) and 2, both on branch main; returns its name. */
    private static String latestTwo(String name) {
        String consumer = unique(name);
        String provider = unique("Answerer");
        for (String version : List.of("1", "2")) {
            publish(consumer, provider, version, "for " + version);
            branch(consumer, "main", version);
        }
        tag(consumer, "1", "dev");
        return consumer;
    }

    private static void matrix(String query) {
        given().urlEncodingEnabled(false)
                .when()
                .get("/matrix?" + query.replace("[", "%5B").replace("]", "%5D"))
                .then()
                .statusCode(200);
    }

    /** The rows once there are {@code count}, and a moment later: written fire-and-forget, none may follow. */
    private List<String> settledRows(String pacticipant, int count) throws InterruptedException {
        awaitRows(pacticipant, count);
        Thread.sleep(500);
        return awaitRows(pacticipant, 0);
    }

    private static void ask(String pacticipant, String version, String target, String value, int status) {
        given().queryParam("pacticipant", pacticipant)
                .queryParam("version", version)
                .queryParam(target, value)
                .when()
                .get("/can-i-deploy")
                .then()
                .statusCode(status);
    }

    /** The rows as {@code version|environment|to}, once there are {@code count} (written fire-and-forget). */
    private List<String> awaitRows(String pacticipant, int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            List<String> rows = new ArrayList<>();
            for (Row row : pool.preparedQuery(ROWS)
                    .execute(Tuple.of(pacticipant))
                    .await()
                    .indefinitely()) {
                rows.add(row.getString("version") + "|" + row.getString("environment") + "|" + row.getString("to_tag"));
            }
            if (rows.size() >= count || System.nanoTime() > deadline) {
                return rows;
            }
            Thread.sleep(50);
        }
    }
}
