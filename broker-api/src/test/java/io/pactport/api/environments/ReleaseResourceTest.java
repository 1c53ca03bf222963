package io.pactport.api.environments;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.pactport.core.testing.KafkaResource;
import io.pactport.core.testing.PostgresResource;
import io.pactport.core.testing.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
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
    DeploymentFixtures fixtures;
    String environment;
    String pacticipant;

    @BeforeEach
    void fixtures() {
        fixtures = new DeploymentFixtures(database);
        environment = fixtures.environment(DeploymentFixtures.unique("prod"), true);
        pacticipant = DeploymentFixtures.unique("Foo");
        fixtures.version(pacticipant, "1");
        fixtures.version(pacticipant, "2");
    }

    @Test
    void recordsAReleaseAsThePactBrokerClientExpects() {
        String uuid = release("1").statusCode(201)
                .contentType("application/hal+json;charset=utf-8")
                .header("Location", matchesPattern(".*/released-versions/[0-9a-f-]{36}$"))
                .body("currentlySupported", equalTo(true))
                .body("$", not(hasKey("supportEndedAt")))
                .body("_embedded.version.number", equalTo("1"))
                .body("_embedded.pacticipant.name", equalTo(pacticipant))
                .body("_embedded.environment.uuid", equalTo(environment))
                .body("_embedded.environment.production", equalTo(true))
                .extract().path("uuid");

        given().when().get("/released-versions/" + uuid)
                .then().statusCode(200)
                .body("uuid", equalTo(uuid))
                .body("_links.self.href", endsWith("/released-versions/" + uuid));
        assertEquals(List.of(RELEASED), fixtures.events(pacticipant));
        assertEquals("true", fixtures.single("SELECT payload ->> 'production' FROM pactport_outbox"
                + " WHERE event_key = ?", pacticipant));
    }

    @Test
    void releasingAgainAnswers200WithTheSameRecord() {
        String uuid = release("1").statusCode(201).extract().path("uuid");

        release("1").statusCode(200)
                .header("Location", endsWith("/released-versions/" + uuid))
                .body("uuid", equalTo(uuid));

        assertEquals(1, countReleases());
        assertEquals(List.of(RELEASED), fixtures.events(pacticipant));
    }

    @Test
    void endsSupportAndSupportsAgainWhenReleasedAgain() {
        String uuid = release("1").statusCode(201).extract().path("uuid");

        given().contentType("application/merge-patch+json").body("{\"currentlySupported\": false}")
                .when().patch("/released-versions/" + uuid)
                .then().statusCode(200)
                .body("currentlySupported", equalTo(false))
                .body("supportEndedAt", notNullValue());
        release("1").statusCode(200).body("currentlySupported", equalTo(true));

        assertNull(fixtures.single("SELECT support_ended_at FROM released_versions WHERE uuid = ?", uuid));
        assertEquals(List.of(RELEASED, ENDED, RELEASED), fixtures.events(pacticipant));
    }

    @Test
    void listsWhatIsCurrentlySupported() {
        String one = release("1").statusCode(201).extract().path("uuid");
        String two = release("2").statusCode(201).extract().path("uuid");
        given().contentType("application/merge-patch+json").body("{\"currentlySupported\": false}")
                .when().patch("/released-versions/" + two).then().statusCode(200);
        String path = "/environments/" + environment + "/released-versions/currently-supported";

        given().queryParam("pacticipant", pacticipant).when().get(path)
                .then().statusCode(200)
                .body("_embedded.releasedVersions.uuid", contains(one))
                .body("_embedded.releasedVersions[0]._embedded.version.number", equalTo("1"))
                .body("_links.self.href", endsWith(path + "?pacticipant=" + pacticipant));
        given().queryParam("pacticipant", pacticipant).queryParam("version", "2").when().get(path)
                .then().statusCode(200).body("_embedded.releasedVersions.size()", equalTo(0));
        given().when().get(releasePath("1"))
                .then().statusCode(200).body("_embedded.releasedVersions.uuid", contains(one));
    }

    @Test
    void supportCannotBeResumedByPatchAndUnknownThingsAreNotFound() {
        String uuid = release("1").statusCode(201).extract().path("uuid");
        long events = fixtures.outboxSize();

        given().contentType("application/merge-patch+json").body("{\"currentlySupported\": true}")
                .when().patch("/released-versions/" + uuid)
                .then().statusCode(422).body("errors.currentlySupported[0]", notNullValue());
        given().contentType("application/merge-patch+json").body("[1]")
                .when().patch("/released-versions/" + uuid)
                .then().statusCode(400).body("errors.base[0]", equalTo("the merge patch must be a JSON object"));
        given().when().get("/released-versions/no-such-uuid").then().statusCode(404);
        given().contentType("application/json").body("{}")
                .when().post(releasePath("9")).then().statusCode(404).body("error", notNullValue());
        given().contentType("application/json").body("{}")
                .when().post(releasePath("1").replace(environment, "nope"))
                .then().statusCode(404).body("error", equalTo("No environment with uuid 'nope' found"));
        given().contentType("application/json").body("{")
                .when().post(releasePath("2")).then().statusCode(400);

        assertEquals(1, countReleases());
        assertEquals(events, fixtures.outboxSize());
    }

    private ValidatableResponse release(String version) {
        return given().contentType("application/json").accept("application/hal+json").body("{}")
                .when().post(releasePath(version))
                .then();
    }

    private String releasePath(String version) {
        return "/pacticipants/" + pacticipant + "/versions/" + version + "/released-versions/environment/"
                + environment;
    }

    private long countReleases() {
        return fixtures.count("SELECT count(*) FROM released_versions rv JOIN pacticipants p"
                + " ON p.id = rv.pacticipant_id WHERE p.name = ?", pacticipant);
    }
}
