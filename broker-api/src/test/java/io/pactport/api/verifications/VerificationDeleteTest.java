package io.pactport.api.verifications;

import static io.pactport.api.ApiFixture.base64;
import static io.pactport.api.ApiFixture.column;
import static io.pactport.api.ApiFixture.count;
import static io.pactport.api.ApiFixture.counts;
import static io.pactport.api.ApiFixture.execute;
import static io.pactport.api.ApiFixture.getJson;
import static io.pactport.api.ApiFixture.payloads;
import static io.pactport.api.ApiFixture.publish;
import static io.pactport.api.ApiFixture.tag;
import static io.pactport.api.ApiFixture.unique;
import static io.pactport.api.ApiFixture.verify;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.pactport.core.testing.KafkaResource;
import io.pactport.core.testing.PostgresResource;
import io.pactport.core.testing.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Deleting a verification result: the helper tables still hold the latest result of each pair of content and provider
 * version (the pair's previous result takes the deleted one's place), the matrix and the latest-result routes answer
 * from what is left, the result's triggered webhooks go with it, and a {@code verification.deleted} event is written.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class VerificationDeleteTest {

    private static final String PACTS = "/pacts/provider/{p}/consumer/{c}";

    TestDatabase database;

    @Test
    void deletingAPairsLatestResultMakesItsPreviousResultTheLatestAgain() {
        String consumer = unique("Condor");
        String provider = unique("Pricing");
        String sha = publish(consumer, provider, "1", "twice verified");
        verify(consumer, provider, sha, "2.0.0", false);
        verify(consumer, provider, sha, "2.0.0", true);
        List<String> numbers = numbers(consumer);
        String results = PACTS + "/pact-version/" + sha + "/verification-results/";

        given().when()
                .delete(results + numbers.get(1), provider, consumer)
                .then()
                .statusCode(204);

        given().when().get(results + numbers.get(1), provider, consumer).then().statusCode(404);
        assertThat(column(
                        database,
                        "SELECT v.number::text FROM latest_verification_id_for_pact_version_and_provider_version l"
                                + " JOIN verifications v ON v.id = l.verification_id"
                                + " JOIN pacticipants c ON c.id = l.consumer_id WHERE c.name = ?",
                        consumer))
                .containsExactly(numbers.get(0));
        assertThat(getJson(results + "latest", provider, consumer).getBoolean("success"))
                .isFalse();
        assertThat(getJson(PACTS + "/version/1/verification-results/latest", provider, consumer)
                        .getString("_links.self.href"))
                .endsWith("/verification-results/" + numbers.get(0));
        JsonPath matrix = given().urlEncodingEnabled(false)
                .when()
                .get("/matrix?q%5B%5D%5Bpacticipant%5D=" + consumer + "&q%5B%5D%5Bpacticipant%5D=" + provider
                        + "&latestby=cvpv")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(matrix.getList("matrix")).hasSize(1);
        assertThat(matrix.getBoolean("matrix[0].verificationResult.success")).isFalse();
        assertThat(payloads(database, consumer + "/" + provider, "io.pactport.verification.deleted.v1"))
                .singleElement()
                .satisfies(payload -> {
                    JsonPath event = JsonPath.from(payload);
                    assertThat(event.getString("number")).isEqualTo(numbers.get(1));
                    assertThat(event.getString("sha")).isEqualTo(sha);
                    assertThat(event.getString("providerVersionNumber")).isEqualTo("2.0.0");
                    assertThat(event.getBoolean("success")).isTrue();
                });
    }

    @Test
    void deletingTheOnlyResultLeavesThePairUnverifiedKeepsTheTagHistoryAndTakesItsTriggeredWebhooks() {
        String consumer = unique("Condor");
        String provider = unique("Pricing");
        String sha = publish(consumer, provider, "1", "once verified");
        tag(provider, "2.0.0", "prod");
        verify(consumer, provider, sha, "2.0.0", true);
        String number = numbers(consumer).get(0);
        execute(database, """
                INSERT INTO triggered_webhooks (trigger_uuid, trigger_type, pact_publication_id, webhook_uuid,
                                                consumer_id, provider_id, status, created_at, updated_at,
                                                verification_id, uuid)
                SELECT 'trigger', 'resource_creation', pp.id, 'webhook', pp.consumer_id, pp.provider_id, 'success',
                       now(), now(), v.id, md5(random()::text)
                FROM verifications v JOIN pact_publications pp ON pp.pact_version_id = v.pact_version_id
                WHERE v.number = ?::integer
                """, number);

        given().when()
                .delete(
                        PACTS + "/pact-version/" + sha + "/metadata/" + base64("cvn=1") + "/verification-results/"
                                + number,
                        provider,
                        consumer)
                .then()
                .statusCode(204);

        String ofConsumer = " WHERE consumer_id = (SELECT id FROM pacticipants WHERE name = ?)";
        assertThat(count(database, "SELECT count(*) FROM verifications" + ofConsumer, consumer))
                .isZero();
        assertThat(count(database, "SELECT count(*) FROM triggered_webhooks" + ofConsumer, consumer))
                .isZero();
        assertThat(count(
                        database,
                        "SELECT count(*) FROM latest_verification_id_for_pact_version_and_provider_version"
                                + ofConsumer,
                        consumer))
                .isZero();
        // the content stays "verified by a prod provider version" for the pending calculation, as in the Pact Broker
        assertThat(count(
                        database,
                        "SELECT count(*) FROM pact_version_provider_tag_successful_verifications t"
                                + " JOIN pact_versions pv ON pv.id = t.pact_version_id"
                                + " WHERE t.verification_id IS NULL AND t.provider_version_tag_name = 'prod'"
                                + " AND pv.consumer_id = (SELECT id FROM pacticipants WHERE name = ?)",
                        consumer))
                .isEqualTo(1);
        given().when()
                .get(PACTS + "/version/1/verification-results/latest", provider, consumer)
                .then()
                .statusCode(404);
    }

    @Test
    void deletingAResultThatIsNotThereIs404AndChangesNothing() {
        String consumer = unique("Condor");
        String provider = unique("Pricing");
        String sha = publish(consumer, provider, "1", "kept");
        verify(consumer, provider, sha, "2.0.0", true);
        var before = counts(database);
        String results = PACTS + "/pact-version/" + sha + "/verification-results/";

        for (String number : List.of("1", "all", "x", "99999999999")) {
            given().when().delete(results + number, provider, consumer).then().statusCode(404);
        }
        given().when()
                .delete(PACTS + "/pact-version/" + "0".repeat(40) + "/verification-results/latest", provider, consumer)
                .then()
                .statusCode(404);

        assertThat(counts(database)).isEqualTo(before);
    }

    private List<String> numbers(String consumer) {
        return column(
                database,
                "SELECT v.number::text FROM verifications v JOIN pacticipants c ON c.id = v.consumer_id"
                        + " WHERE c.name = ? ORDER BY v.id",
                consumer);
    }
}
