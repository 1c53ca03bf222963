package io.pactport.api.verifications;

import static io.pactport.api.ApiFixture.base64;
import static io.pactport.api.ApiFixture.column;
import static io.pactport.api.ApiFixture.getJson;
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
 * Reading verification results as the Pact Broker's routes do: by number (with or without the metadata segment), the
 * latest of a consumer version's pact, of the latest pact and of the latest tagged pact, and a consumer version's
 * summary.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class LatestVerificationRoutesTest {

    private static final String PACTS = "/pacts/provider/{p}/consumer/{c}";

    TestDatabase database;

    @Test
    void theLatestResultOfAConsumerVersionsPactOfTheLatestPactAndOfTheLatestTaggedPact() {
        String consumer = unique("Condor");
        String provider = unique("Pricing");
        String first = publish(consumer, provider, "1", "first");
        tag(consumer, "1", "prod");
        verify(consumer, provider, first, "2.0.0", false);
        verify(consumer, provider, first, "2.0.1", true);
        String second = publish(consumer, provider, "2", "second");
        verify(consumer, provider, second, "3.0.0", false);

        JsonPath forVersion = getJson(PACTS + "/version/1/verification-results/latest", provider, consumer);
        assertThat(forVersion.getString("providerApplicationVersion")).isEqualTo("2.0.1");
        assertThat(forVersion.getBoolean("success")).isTrue();
        assertThat(forVersion.getString("_links.self.href"))
                .contains("/pact-version/" + first + "/verification-results/");
        assertThat(getJson(PACTS + "/latest/verification-results/latest", provider, consumer)
                        .getString("providerApplicationVersion"))
                .isEqualTo("3.0.0");
        assertThat(getJson(PACTS + "/latest/prod/verification-results/latest", provider, consumer)
                        .getString("providerApplicationVersion"))
                .isEqualTo("2.0.1");
    }

    @Test
    void anUnverifiedPactAnUnknownVersionOrAnUnknownTagIs404() {
        String consumer = unique("Condor");
        String provider = unique("Pricing");
        publish(consumer, provider, "1", "unverified");

        for (String path : List.of(
                "/version/1/verification-results/latest",
                "/version/9/verification-results/latest",
                "/latest/verification-results/latest",
                "/latest/prod/verification-results/latest")) {
            given().when()
                    .get(PACTS + path, provider, consumer)
                    .then()
                    .statusCode(404)
                    .body("error", org.hamcrest.Matchers.notNullValue());
        }
    }

    @Test
    void aResultIsReadByItsNumberWithOrWithoutMetadataAndNumbersAreTheBrokersNotThePacts() {
        String consumer = unique("Condor");
        String provider = unique("Pricing");
        String sha = publish(consumer, provider, "1", "numbered");
        verify(consumer, provider, sha, "2.0.0", true);
        List<String> numbers = column(
                database,
                "SELECT v.number::text FROM verifications v JOIN pacticipants c ON c.id = v.consumer_id"
                        + " WHERE c.name = ? ORDER BY v.id",
                consumer);
        String results = PACTS + "/pact-version/" + sha;

        assertThat(getJson(results + "/verification-results/" + numbers.get(0), provider, consumer)
                        .getString("providerApplicationVersion"))
                .isEqualTo("2.0.0");
        assertThat(getJson(
                                results + "/metadata/" + base64("cvn=1") + "/verification-results/" + numbers.get(0),
                                provider,
                                consumer)
                        .getString("_links.self.href"))
                .endsWith("/pact-version/" + sha + "/verification-results/" + numbers.get(0));
        // one sequence numbers every result on the broker, from 200 as in the Pact Broker: a pact's first is not 1
        assertThat(Integer.parseInt(numbers.get(0))).isGreaterThanOrEqualTo(200);
        given().when()
                .get(results + "/verification-results/1", provider, consumer)
                .then()
                .statusCode(404);
        given().when()
                .get(results + "/verification-results/all", provider, consumer)
                .then()
                .statusCode(404)
                .body(
                        "error",
                        org.hamcrest.Matchers.equalTo("To see all the verifications for a pact, use the Matrix page"));
        given().when()
                .get(results + "/verification-results/first", provider, consumer)
                .then()
                .statusCode(404);
    }

    @Test
    void theConsumerVersionSummaryNamesWhoVerifiedWhoFailedAndWhoHasNotYet() {
        String consumer = unique("Condor");
        String alpha = unique("Alpha");
        String beta = unique("Beta");
        String gamma = unique("Gamma");
        verify(consumer, alpha, publish(consumer, alpha, "1", "for alpha"), "1", true);
        verify(consumer, beta, publish(consumer, beta, "1", "for beta"), "1", false);
        String gammaSha = publish(consumer, gamma, "1", "for gamma");
        String summary = "/verification-results/consumer/{c}/version/1/latest";

        JsonPath json = getJson(summary, consumer);
        assertThat(json.getBoolean("success")).isFalse();
        assertThat(json.getList("providerSummary.successful")).containsExactly(alpha);
        assertThat(json.getList("providerSummary.failed")).containsExactly(beta);
        assertThat(json.getList("providerSummary.unknown")).containsExactly(gamma);
        assertThat(json.getList("_embedded.verificationResults.providerName")).containsExactly(alpha, beta);
        assertThat(json.getString("_links.self.title"))
                .isEqualTo("Latest verification results for consumer " + consumer + " version 1");
        assertThat(getJson("/pacticipants/{c}/versions/1", consumer)
                        .getString("_links.'pb:latest-verification-results-where-pacticipant-is-consumer'.href"))
                .isEqualTo(json.getString("_links.self.href"));

        verify(consumer, beta, publish(consumer, beta, "1", "for beta"), "2", true);
        verify(consumer, gamma, gammaSha, "1", true);
        assertThat(getJson(summary, consumer).getBoolean("success")).isTrue();
        given().when().get(summary.replace("/1/", "/9/"), consumer).then().statusCode(404);
    }
}
