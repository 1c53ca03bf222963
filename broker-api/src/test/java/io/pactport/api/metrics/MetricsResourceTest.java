package io.pactport.api.metrics;

import static io.pactport.api.ApiFixture.getJson;
import static io.pactport.api.ApiFixture.pact;
import static io.pactport.api.ApiFixture.putPact;
import static io.pactport.api.ApiFixture.unique;
import static io.pactport.api.ApiFixture.verify;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.pactport.core.pact.PactContent;
import io.pactport.core.testing.KafkaResource;
import io.pactport.core.testing.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

/** {@code GET /metrics}: the Pact Broker's counts. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class MetricsResourceTest {

    @Test
    void hasEveryFigureOfThePactBrokersDocument() {
        JsonPath json = getJson("/metrics");

        assertThat(json.getMap(""))
                .containsOnlyKeys(
                        "interactions",
                        "pacticipants",
                        "integrations",
                        "pactPublications",
                        "pactVersions",
                        "pactRevisionsPerConsumerVersion",
                        "verificationResults",
                        "verificationResultsPerPactVersion",
                        "pacticipantVersions",
                        "webhooks",
                        "tags",
                        "triggeredWebhooks",
                        "webhookExecutions",
                        "matrix",
                        "environments",
                        "deployedVersions",
                        "releasedVersions");
        assertThat(json.getMap("verificationResults"))
                .containsOnlyKeys("count", "successCount", "failureCount", "distinctCount", "first", "last");
        assertThat(json.getMap("pacticipantVersions"))
                .containsOnlyKeys("count", "withUserCreatedBranchCount", "withBranchCount", "withBranchSetCount");
        assertThat(json.getInt("matrix.count")).isEqualTo(-1);
    }

    @Test
    void countsWhatIsPublished() {
        JsonPath before = getJson("/metrics");
        String consumer = unique("Foo");
        String provider = unique("Bar");
        String body = pact(consumer, provider, "one", "two");
        putPact(consumer, provider, "1", body).statusCode(201);
        putPact(consumer, provider, "2", pact(consumer, provider, "one", "two", "three"))
                .statusCode(201);
        verify(consumer, provider, PactContent.parse(body).sha(), "10", false);

        JsonPath after = getJson("/metrics");

        assertThat(delta(before, after, "pacticipants.count")).isEqualTo(2);
        assertThat(delta(before, after, "integrations.count")).isEqualTo(1);
        assertThat(delta(before, after, "pactPublications.count")).isEqualTo(2);
        assertThat(delta(before, after, "pactVersions.count")).isEqualTo(2);
        assertThat(delta(before, after, "verificationResults.failureCount")).isEqualTo(1);
        assertThat(delta(before, after, "pacticipantVersions.count")).isEqualTo(3);
        assertThat(delta(before, after, "interactions.latestInteractionsCount")).isEqualTo(3);
        assertThat(after.getString("pactPublications.last")).isNotNull();
        assertThat(delta(before, after, "pactRevisionsPerConsumerVersion.distribution.'1'"))
                .isEqualTo(2);
        assertThat(delta(before, after, "verificationResultsPerPactVersion.distribution.'1'"))
                .isEqualTo(1);
    }

    @Test
    void isReadOnly() {
        given().contentType("application/json")
                .body("{}")
                .post("/metrics")
                .then()
                .statusCode(405);
    }

    private static long delta(JsonPath before, JsonPath after, String path) {
        return number(after, path) - number(before, path);
    }

    /** A count, 0 where the document has none (a distribution lists only the numbers that occur). */
    private static long number(JsonPath json, String path) {
        Object value = json.get(path);
        return value == null ? 0 : ((Number) value).longValue();
    }
}
