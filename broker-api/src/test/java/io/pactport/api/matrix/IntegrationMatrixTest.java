package io.pactport.api.matrix;

import static io.pactport.api.ApiFixture.getJson;
import static io.pactport.api.ApiFixture.publish;
import static io.pactport.api.ApiFixture.unique;
import static io.pactport.api.ApiFixture.verify;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.pactport.core.testing.KafkaResource;
import io.pactport.core.testing.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

/** {@code GET /matrix/provider/{p}/consumer/{c}}: the matrix of one integration, every version of both. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class IntegrationMatrixTest {

    private static final String PATH = "/matrix/provider/{p}/consumer/{c}";

    @Test
    void listsEveryVersionOfTheTwoAgainstEachOther() {
        String consumer = unique("Foo");
        String provider = unique("Bar");
        String first = publish(consumer, provider, "1", "for 1");
        publish(consumer, provider, "2", "for 2");
        verify(consumer, provider, first, "10", true);

        JsonPath json = getJson(PATH, provider, consumer);

        assertThat(json.getList("matrix.consumer.version.number")).containsExactlyInAnyOrder("1", "2");
        assertThat(json.getList("matrix.provider.name")).containsOnly(provider);
        assertThat(json.getString("matrix.find { it.consumer.version.number == '1' }.verificationResult.success"))
                .isEqualTo("true");
        assertThat(json.getMap("matrix.find { it.consumer.version.number == '2' }"))
                .containsEntry("verificationResult", null);
        assertThat(json.getMap("summary")).containsKeys("deployable", "reason", "success", "failed", "unknown");
    }

    @Test
    void takesTheMatrixOptions() {
        String consumer = unique("Foo");
        String provider = unique("Bar");
        publish(consumer, provider, "1", "for 1");
        publish(consumer, provider, "2", "for 2");

        JsonPath json = given().queryParam("latestby", "cvpv")
                .queryParam("limit", "1")
                .when()
                .get(PATH, provider, consumer)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();

        assertThat(json.getList("matrix")).hasSize(1);
    }

    @Test
    void aMissingPacticipantIsNotFound() {
        String consumer = unique("Foo");
        String provider = unique("Bar");
        publish(consumer, provider, "1", "for 1");

        given().when()
                .get(PATH, unique("Nobody"), consumer)
                .then()
                .statusCode(404)
                .body("error", org.hamcrest.Matchers.containsString("No pacticipant"));
        given().when().get(PATH, provider, unique("Nobody")).then().statusCode(404);
    }

    @Test
    void badOptionsAreRefusedWithTheirMessages() {
        String consumer = unique("Foo");
        String provider = unique("Bar");
        publish(consumer, provider, "1", "for 1");

        JsonPath json = given().queryParam("limit", "0")
                .queryParam("environment", unique("nowhere"))
                .queryParam("tag", "prod")
                .when()
                .get(PATH, provider, consumer)
                .then()
                .statusCode(400)
                .extract()
                .jsonPath();

        assertThat(json.getList("errors", String.class))
                .contains(
                        "Cannot specify more than one of tag, environment and mainBranch.",
                        "The limit must be 1 or greater.");
    }
}
