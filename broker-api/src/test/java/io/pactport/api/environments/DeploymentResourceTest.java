package io.pactport.api.environments;

import static io.pactport.api.ApiFixture.column;
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
class DeploymentResourceTest {

    private static final String DEPLOYED = "io.pactport.deployment.recorded.v1";
    private static final String UNDEPLOYED = "io.pactport.deployment.undeployed.v1";

    TestDatabase database;
    String environment;
    String environmentName;
    String pacticipant;

    @BeforeEach
    void seed() {
        environmentName = unique("test");
        environment = environment(environmentName, false);
        pacticipant = unique("Foo");
        versionRow(database, pacticipant, "1");
        versionRow(database, pacticipant, "2");
    }

    @Test
    void recordsADeploymentAsThePactBrokerClientExpects() {
        Response response = deploy("1", "{\"applicationInstance\": \"blue\", \"target\": \"blue\"}")
                .statusCode(201)
                .contentType("application/hal+json;charset=utf-8")
                .extract()
                .response();
        assertThat(response.header("Location")).matches(".*/deployed-versions/[0-9a-f-]{36}$");
        JsonPath json = response.jsonPath();
        assertThat(json.getBoolean("currentlyDeployed")).isTrue();
        assertThat(json.getString("applicationInstance")).isEqualTo("blue");
        assertThat(json.getString("target")).isEqualTo("blue");
        assertThat(json.getMap("$")).doesNotContainKey("undeployedAt");
        assertThat(json.getString("createdAt")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+00:00");
        assertThat(json.getString("_embedded.pacticipant.name")).isEqualTo(pacticipant);
        assertThat(json.getString("_embedded.pacticipant._links.self.href")).endsWith("/pacticipants/" + pacticipant);
        assertThat(json.getString("_embedded.version.number")).isEqualTo("1");
        assertThat(json.getString("_embedded.version._links.self.href"))
                .endsWith("/pacticipants/" + pacticipant + "/versions/1");
        assertThat(json.getString("_embedded.environment.name")).isEqualTo(environmentName);
        assertThat(json.getString("_embedded.environment.uuid")).isEqualTo(environment);
        String uuid = response.path("uuid");

        json = getJson("/deployed-versions/" + uuid);
        assertThat(json.getString("uuid")).isEqualTo(uuid);
        assertThat(json.getString("_links.self.href")).endsWith("/deployed-versions/" + uuid);
        assertThat(text(database, "SELECT target_for_index FROM deployed_versions WHERE uuid = ?", uuid))
                .isEqualTo("blue");
        assertThat(text(database, "SELECT auto_created FROM deployed_versions WHERE uuid = ?", uuid))
                .isEqualTo("f");
        assertThat(text(
                        database,
                        "SELECT dv.uuid FROM currently_deployed_version_ids c"
                                + " JOIN deployed_versions dv ON dv.id = c.deployed_version_id WHERE c.target_for_index = 'blue'"
                                + " AND c.environment_id = (SELECT id FROM environments WHERE uuid = ?)",
                        environment))
                .isEqualTo(uuid);
        assertThat(events(database, pacticipant)).isEqualTo(List.of(DEPLOYED));
        assertThat(text(
                        database,
                        "SELECT payload ->> 'environment' FROM pactport_outbox" + " WHERE event_key = ?",
                        pacticipant))
                .isEqualTo(environmentName);
    }

    @Test
    void withoutAnApplicationInstanceTheKeysAreLeftOut() {
        JsonPath json = deploy("1", "").statusCode(201).extract().jsonPath();
        assertThat(json.getMap("$")).doesNotContainKey("applicationInstance");
        assertThat(json.getMap("$")).doesNotContainKey("target");
        assertThat(text(
                        database,
                        "SELECT target_for_index FROM deployed_versions dv JOIN pacticipants p"
                                + " ON p.id = dv.pacticipant_id WHERE p.name = ?",
                        pacticipant))
                .isEqualTo("");
    }

    @Test
    void recordingTheSameDeploymentAgainReturnsTheExistingRecord() {
        String first = deploy("1", "{}").statusCode(201).extract().path("uuid");
        long events = outboxSize(database);

        JsonPath json = deploy("1", "{}").statusCode(201).extract().jsonPath();
        assertThat(json.getString("uuid")).isEqualTo(first);

        assertThat(countDeployments()).isEqualTo(1);
        assertThat(outboxSize(database)).isEqualTo(events);
    }

    @Test
    void deployingANewVersionUndeploysThePreviousOneOfTheSameInstance() {
        String first = deploy("1", "{}").statusCode(201).extract().path("uuid");
        String other = deploy("1", "{\"applicationInstance\": \"other\"}")
                .statusCode(201)
                .extract()
                .path("uuid");

        String second = deploy("2", "{}").statusCode(201).extract().path("uuid");

        assertThat(text(database, "SELECT undeployed_at FROM deployed_versions WHERE uuid = ?", first))
                .isNotNull();
        assertThat(text(database, "SELECT undeployed_at FROM deployed_versions WHERE uuid = ?", other))
                .isNull();
        assertThat(text(database, "SELECT undeployed_at FROM deployed_versions WHERE uuid = ?", second))
                .isNull();
        assertThat(column(
                        database,
                        "SELECT dv.uuid FROM currently_deployed_version_ids c"
                                + " JOIN deployed_versions dv ON dv.id = c.deployed_version_id JOIN pacticipants p"
                                + " ON p.id = c.pacticipant_id WHERE p.name = ? ORDER BY dv.id",
                        pacticipant))
                .isEqualTo(List.of(other, second));
        JsonPath json = getJson("/deployed-versions/" + first);
        assertThat(json.getBoolean("currentlyDeployed")).isFalse();
        assertThat(json.getString("undeployedAt")).isNotNull();
        assertThat(events(database, pacticipant)).isEqualTo(List.of(DEPLOYED, DEPLOYED, UNDEPLOYED, DEPLOYED));
    }

    @Test
    void theDeprecatedTargetNamesTheApplicationInstance() {
        JsonPath json =
                deploy("1", "{\"target\": \"green\"}").statusCode(201).extract().jsonPath();
        assertThat(json.getString("applicationInstance")).isEqualTo("green");
        assertThat(json.getString("target")).isEqualTo("green");
    }

    @Test
    void listsWhatIsCurrentlyDeployed() {
        String pacticipantOne = deploy("1", "{\"applicationInstance\": \"customer-1\"}")
                .statusCode(201)
                .extract()
                .path("uuid");
        String withoutInstance = deploy("2", "{}").statusCode(201).extract().path("uuid");
        String path = "/environments/" + environment + "/deployed-versions/currently-deployed";

        JsonPath json = given().accept("application/hal+json")
                .queryParam("pacticipant", pacticipant)
                .when()
                .get(path)
                .then()
                .statusCode(200)
                .contentType("application/hal+json;charset=utf-8")
                .extract()
                .jsonPath();
        assertThat(json.getList("_embedded.deployedVersions.uuid")).containsExactly(withoutInstance, pacticipantOne);
        assertThat(json.getString("_embedded.deployedVersions[1].applicationInstance"))
                .isEqualTo("customer-1");
        assertThat(json.getString("_embedded.deployedVersions[1]._links.self.href"))
                .endsWith("/deployed-versions/" + pacticipantOne);
        assertThat(json.getString("_embedded.deployedVersions[1]._embedded.version.number"))
                .isEqualTo("1");
        assertThat(json.getString("_embedded.deployedVersions[1]._embedded.pacticipant.name"))
                .isEqualTo(pacticipant);
        assertThat(json.getString("_links.self.href")).endsWith(path + "?pacticipant=" + pacticipant);
        assertThat(json.getString("_links.self.title")).isEqualTo("Currently deployed versions for " + displayName());
        json = given().queryParam("pacticipant", pacticipant)
                .queryParam("applicationInstance", "customer-1")
                .when()
                .get(path)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(json.getList("_embedded.deployedVersions.uuid")).containsExactly(pacticipantOne);
        json = given().queryParam("pacticipant", pacticipant)
                .queryParam("applicationInstance", "")
                .when()
                .get(path)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(json.getList("_embedded.deployedVersions.uuid")).containsExactly(withoutInstance);
        json = given().queryParam("pacticipant", "Nobody")
                .when()
                .get(path)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(json.getInt("_embedded.deployedVersions.size()")).isEqualTo(0);
        given().when()
                .get("/environments/no-such-uuid/deployed-versions/currently-deployed")
                .then()
                .statusCode(404);
    }

    @Test
    void listsTheDeploymentsOfAVersionToAnEnvironment() {
        String first = deploy("1", "{}").statusCode(201).extract().path("uuid");
        deploy("2", "{}").statusCode(201);
        String again = deploy("1", "{}").statusCode(201).extract().path("uuid");

        JsonPath json = getJson(recordPath("1"));
        assertThat(json.getList("_embedded.deployedVersions.uuid")).containsExactly(again, first);
        assertThat(json.getMap("_embedded.deployedVersions[0]")).doesNotContainKey("_embedded");
        assertThat(json.getList("_embedded.deployedVersions.currentlyDeployed")).containsExactly(true, false);
    }

    @Test
    void recordsAnUndeployment() {
        String uuid = deploy("1", "{}").statusCode(201).extract().path("uuid");

        JsonPath json = given().contentType("application/merge-patch+json")
                .body("{\"currentlyDeployed\": false}")
                .when()
                .patch("/deployed-versions/" + uuid)
                .then()
                .statusCode(200)
                .contentType("application/hal+json;charset=utf-8")
                .extract()
                .jsonPath();
        assertThat(json.getBoolean("currentlyDeployed")).isFalse();
        assertThat(json.getString("undeployedAt")).isNotNull();
        assertThat(json.getString("_embedded.version.number")).isEqualTo("1");

        assertThat(count(
                        database,
                        "SELECT count(*) FROM currently_deployed_version_ids c"
                                + " JOIN pacticipants p ON p.id = c.pacticipant_id WHERE p.name = ?",
                        pacticipant))
                .isEqualTo(0);
        assertThat(events(database, pacticipant)).isEqualTo(List.of(DEPLOYED, UNDEPLOYED));
        String undeployedAt = text(database, "SELECT undeployed_at FROM deployed_versions WHERE uuid = ?", uuid);

        // again: nothing changes, no event

        json = given().contentType("application/merge-patch+json")
                .body("{\"currentlyDeployed\": false}")
                .when()
                .patch("/deployed-versions/" + uuid)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(json.getBoolean("currentlyDeployed")).isFalse();
        assertThat(text(database, "SELECT undeployed_at FROM deployed_versions WHERE uuid = ?", uuid))
                .isEqualTo(undeployedAt);
        assertThat(events(database, pacticipant)).isEqualTo(List.of(DEPLOYED, UNDEPLOYED));
    }

    @Test
    void aDeploymentCannotBeMadeCurrentAgain() {
        String uuid = deploy("1", "{}").statusCode(201).extract().path("uuid");
        long events = outboxSize(database);

        JsonPath json = given().contentType("application/merge-patch+json")
                .body("{\"currentlyDeployed\": true}")
                .when()
                .patch("/deployed-versions/" + uuid)
                .then()
                .statusCode(422)
                .extract()
                .jsonPath();
        assertThat(json.getString("errors.currentlyDeployed[0]"))
                .isEqualTo("The currentlyDeployed property cannot be set back to true. Please record a new"
                        + " deployment.");
        given().contentType("application/json")
                .body("{\"currentlyDeployed\": false}")
                .when()
                .patch("/deployed-versions/" + uuid)
                .then()
                .statusCode(415);
        json = given().contentType("application/merge-patch+json")
                .body("{\"currentlyDeployed\": false}")
                .when()
                .patch("/deployed-versions/no-such-uuid")
                .then()
                .statusCode(404)
                .extract()
                .jsonPath();
        assertThat(json.getString("error")).isEqualTo("No deployed version with uuid 'no-such-uuid' found");

        json = given().when().get("/deployed-versions/" + uuid).then().extract().jsonPath();
        assertThat(json.getBoolean("currentlyDeployed")).isTrue();
        assertThat(outboxSize(database)).isEqualTo(events);
    }

    @Test
    void refusesDeploymentsOfUnknownThingsAndWritesNothing() {
        long events = outboxSize(database);

        JsonPath json = given().contentType("application/json")
                .body("{}")
                .when()
                .post("/pacticipants/" + pacticipant + "/versions/9/deployed-versions/environment/" + environment)
                .then()
                .statusCode(404)
                .extract()
                .jsonPath();
        assertThat(json.getString("error")).isEqualTo("No version '9' of pacticipant '" + pacticipant + "' found");
        json = given().contentType("application/json")
                .body("{}")
                .when()
                .post("/pacticipants/Nobody/versions/1/deployed-versions/environment/" + environment)
                .then()
                .statusCode(404)
                .extract()
                .jsonPath();
        assertThat(json.getString("error")).isEqualTo("No pacticipant with name 'Nobody' found");
        json = given().contentType("application/json")
                .body("{}")
                .when()
                .post(recordPath("1").replace(environment, "not-a-uuid"))
                .then()
                .statusCode(404)
                .extract()
                .jsonPath();
        assertThat(json.getString("error")).isEqualTo("No environment with uuid 'not-a-uuid' found");
        json = deploy("1", "{\"applicationInstance\": ")
                .statusCode(400)
                .extract()
                .jsonPath();
        assertThat(json.getString("error")).isNotNull();
        json = deploy("1", "{\"applicationInstance\": {\"a\": 1}}")
                .statusCode(400)
                .extract()
                .jsonPath();
        assertThat(json.getList("errors.applicationInstance")).containsExactly("must be a string");
        given().contentType("text/plain")
                .body("blue")
                .when()
                .post(recordPath("1"))
                .then()
                .statusCode(415);

        assertThat(countDeployments()).isEqualTo(0);
        assertThat(outboxSize(database)).isEqualTo(events);
    }

    private ValidatableResponse deploy(String version, String body) {
        return given().contentType("application/json")
                .accept("application/hal+json")
                .body(body)
                .when()
                .post(recordPath(version))
                .then();
    }

    private String recordPath(String version) {
        return "/pacticipants/" + pacticipant + "/versions/" + version + "/deployed-versions/environment/"
                + environment;
    }

    private long countDeployments() {
        return count(
                database,
                "SELECT count(*) FROM deployed_versions dv JOIN pacticipants p"
                        + " ON p.id = dv.pacticipant_id WHERE p.name = ?",
                pacticipant);
    }

    private String displayName() {
        return text(database, "SELECT display_name FROM environments WHERE uuid = ?", environment);
    }
}
