package io.pactport.api.environments;

import static io.pactport.api.ApiFixture.count;
import static io.pactport.api.ApiFixture.environment;
import static io.pactport.api.ApiFixture.events;
import static io.pactport.api.ApiFixture.getJson;
import static io.pactport.api.ApiFixture.outboxSize;
import static io.pactport.api.ApiFixture.text;
import static io.pactport.api.ApiFixture.unique;
import static io.pactport.api.ApiFixture.versionRow;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.pactport.core.testing.KafkaResource;
import io.pactport.core.testing.PostgresResource;
import io.pactport.core.testing.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class ReleaseResourceTest {

    private static final String RELEASED = "io.pactport.release.recorded.v1";
    private static final String ENDED = "io.pactport.release.support-ended.v1";

    TestDatabase database;
    String environment;
    String pacticipant;

    @BeforeEach
    void seed() {
        environment = environment(unique("prod"), true);
        pacticipant = unique("Foo");
        versionRow(database, pacticipant, "1");
        versionRow(database, pacticipant, "2");
    }

    @Test
    void recordsAReleaseAsThePactBrokerClientExpects() {
        Response response = release("1")
                .statusCode(201)
                .contentType("application/hal+json;charset=utf-8")
                .extract()
                .response();
        assertThat(response.header("Location")).matches(".*/released-versions/[0-9a-f-]{36}$");
        JsonPath json = response.jsonPath();
        assertThat(json.getBoolean("currentlySupported")).isTrue();
        assertThat(json.getMap("$")).doesNotContainKey("supportEndedAt");
        assertThat(json.getString("_embedded.version.number")).isEqualTo("1");
        assertThat(json.getString("_embedded.pacticipant.name")).isEqualTo(pacticipant);
        assertThat(json.getString("_embedded.environment.uuid")).isEqualTo(environment);
        assertThat(json.getBoolean("_embedded.environment.production")).isTrue();
        String uuid = response.path("uuid");

        json = getJson("/released-versions/" + uuid);
        assertThat(json.getString("uuid")).isEqualTo(uuid);
        assertThat(json.getString("_links.self.href")).endsWith("/released-versions/" + uuid);
        assertThat(events(database, pacticipant)).isEqualTo(List.of(RELEASED));
        assertThat(text(
                        database,
                        "SELECT payload ->> 'production' FROM pactport_outbox" + " WHERE event_key = ?",
                        pacticipant))
                .isEqualTo("true");
    }

    @Test
    void releasingAgainAnswers200WithTheSameRecord() {
        String uuid = release("1").statusCode(201).extract().path("uuid");

        Response response = release("1").statusCode(200).extract().response();
        assertThat(response.header("Location")).endsWith("/released-versions/" + uuid);
        JsonPath json = response.jsonPath();
        assertThat(json.getString("uuid")).isEqualTo(uuid);

        assertThat(countReleases()).isEqualTo(1);
        assertThat(events(database, pacticipant)).isEqualTo(List.of(RELEASED));
    }

    @Test
    void endsSupportAndSupportsAgainWhenReleasedAgain() {
        String uuid = release("1").statusCode(201).extract().path("uuid");

        JsonPath json = given().contentType("application/merge-patch+json")
                .body("{\"currentlySupported\": false}")
                .when()
                .patch("/released-versions/" + uuid)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(json.getBoolean("currentlySupported")).isFalse();
        assertThat(json.getString("supportEndedAt")).isNotNull();
        json = release("1").statusCode(200).extract().jsonPath();
        assertThat(json.getBoolean("currentlySupported")).isTrue();

        assertThat(text(database, "SELECT support_ended_at FROM released_versions WHERE uuid = ?", uuid))
                .isNull();
        assertThat(events(database, pacticipant)).isEqualTo(List.of(RELEASED, ENDED, RELEASED));
    }

    @Test
    void listsWhatIsCurrentlySupported() {
        String one = release("1").statusCode(201).extract().path("uuid");
        String two = release("2").statusCode(201).extract().path("uuid");
        given().contentType("application/merge-patch+json")
                .body("{\"currentlySupported\": false}")
                .when()
                .patch("/released-versions/" + two)
                .then()
                .statusCode(200);
        String path = "/environments/" + environment + "/released-versions/currently-supported";

        JsonPath json = given().queryParam("pacticipant", pacticipant)
                .when()
                .get(path)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(json.getList("_embedded.releasedVersions.uuid")).containsExactly(one);
        assertThat(json.getString("_embedded.releasedVersions[0]._embedded.version.number"))
                .isEqualTo("1");
        assertThat(json.getString("_links.self.href")).endsWith(path + "?pacticipant=" + pacticipant);
        json = given().queryParam("pacticipant", pacticipant)
                .queryParam("version", "2")
                .when()
                .get(path)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(json.getInt("_embedded.releasedVersions.size()")).isEqualTo(0);
        json = getJson(releasePath("1"));
        assertThat(json.getList("_embedded.releasedVersions.uuid")).containsExactly(one);
    }

    @Test
    void supportCannotBeResumedByPatchAndUnknownThingsAreNotFound() {
        String uuid = release("1").statusCode(201).extract().path("uuid");
        long events = outboxSize(database);

        JsonPath json = given().contentType("application/merge-patch+json")
                .body("{\"currentlySupported\": true}")
                .when()
                .patch("/released-versions/" + uuid)
                .then()
                .statusCode(422)
                .extract()
                .jsonPath();
        assertThat(json.getString("errors.currentlySupported[0]")).isNotNull();
        json = given().contentType("application/merge-patch+json")
                .body("[1]")
                .when()
                .patch("/released-versions/" + uuid)
                .then()
                .statusCode(400)
                .extract()
                .jsonPath();
        assertThat(json.getString("errors.base[0]")).isEqualTo("the merge patch must be a JSON object");
        given().when().get("/released-versions/no-such-uuid").then().statusCode(404);
        json = given().contentType("application/json")
                .body("{}")
                .when()
                .post(releasePath("9"))
                .then()
                .statusCode(404)
                .extract()
                .jsonPath();
        assertThat(json.getString("error")).isNotNull();
        json = given().contentType("application/json")
                .body("{}")
                .when()
                .post(releasePath("1").replace(environment, "nope"))
                .then()
                .statusCode(404)
                .extract()
                .jsonPath();
        assertThat(json.getString("error")).isEqualTo("No environment with uuid 'nope' found");
        given().contentType("application/json")
                .body("{")
                .when()
                .post(releasePath("2"))
                .then()
                .statusCode(400);

        assertThat(countReleases()).isEqualTo(1);
        assertThat(outboxSize(database)).isEqualTo(events);
    }

    private ValidatableResponse release(String version) {
        return given().contentType("application/json")
                .accept("application/hal+json")
                .body("{}")
                .when()
                .post(releasePath(version))
                .then();
    }

    private String releasePath(String version) {
        return "/pacticipants/" + pacticipant + "/versions/" + version + "/released-versions/environment/"
                + environment;
    }

    private long countReleases() {
        return count(
                database,
                "SELECT count(*) FROM released_versions rv JOIN pacticipants p"
                        + " ON p.id = rv.pacticipant_id WHERE p.name = ?",
                pacticipant);
    }
}
