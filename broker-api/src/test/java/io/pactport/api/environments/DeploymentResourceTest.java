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
import static org.junit.jupiter.api.Assertions.assertNotNull;
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
class DeploymentResourceTest {

    private static final String DEPLOYED = "io.pactport.deployment.recorded.v1";
    private static final String UNDEPLOYED = "io.pactport.deployment.undeployed.v1";

    TestDatabase database;
    DeploymentFixtures fixtures;
    String environment;
    String environmentName;
    String pacticipant;

    @BeforeEach
    void fixtures() {
        fixtures = new DeploymentFixtures(database);
        environmentName = DeploymentFixtures.unique("test");
        environment = fixtures.environment(environmentName, false);
        pacticipant = DeploymentFixtures.unique("Foo");
        fixtures.version(pacticipant, "1");
        fixtures.version(pacticipant, "2");
    }

    @Test
    void recordsADeploymentAsThePactBrokerClientExpects() {
        String uuid = deploy("1", "{\"applicationInstance\": \"blue\", \"target\": \"blue\"}")
                .statusCode(201)
                .contentType("application/hal+json;charset=utf-8")
                .header("Location", matchesPattern(".*/deployed-versions/[0-9a-f-]{36}$"))
                .body("currentlyDeployed", equalTo(true))
                .body("applicationInstance", equalTo("blue"))
                .body("target", equalTo("blue"))
                .body("$", not(hasKey("undeployedAt")))
                .body("createdAt", matchesPattern("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+00:00"))
                .body("_embedded.pacticipant.name", equalTo(pacticipant))
                .body("_embedded.pacticipant._links.self.href", endsWith("/pacticipants/" + pacticipant))
                .body("_embedded.version.number", equalTo("1"))
                .body("_embedded.version._links.self.href", endsWith("/pacticipants/" + pacticipant + "/versions/1"))
                .body("_embedded.environment.name", equalTo(environmentName))
                .body("_embedded.environment.uuid", equalTo(environment))
                .extract().path("uuid");

        given().when().get("/deployed-versions/" + uuid)
                .then().statusCode(200)
                .body("uuid", equalTo(uuid))
                .body("_links.self.href", endsWith("/deployed-versions/" + uuid));
        assertEquals("blue", fixtures.single("SELECT target_for_index FROM deployed_versions WHERE uuid = ?", uuid));
        assertEquals("f", fixtures.single("SELECT auto_created FROM deployed_versions WHERE uuid = ?", uuid));
        assertEquals(uuid, fixtures.single("SELECT dv.uuid FROM currently_deployed_version_ids c"
                + " JOIN deployed_versions dv ON dv.id = c.deployed_version_id WHERE c.target_for_index = 'blue'"
                + " AND c.environment_id = (SELECT id FROM environments WHERE uuid = ?)", environment));
        assertEquals(List.of(DEPLOYED), fixtures.events(pacticipant));
        assertEquals(environmentName, fixtures.single("SELECT payload ->> 'environment' FROM pactport_outbox"
                + " WHERE event_key = ?", pacticipant));
    }

    @Test
    void withoutAnApplicationInstanceTheKeysAreLeftOut() {
        deploy("1", "").statusCode(201)
                .body("$", not(hasKey("applicationInstance")))
                .body("$", not(hasKey("target")));
        assertEquals("", fixtures.single("SELECT target_for_index FROM deployed_versions dv JOIN pacticipants p"
                + " ON p.id = dv.pacticipant_id WHERE p.name = ?", pacticipant));
    }

    @Test
    void recordingTheSameDeploymentAgainReturnsTheExistingRecord() {
        String first = deploy("1", "{}").statusCode(201).extract().path("uuid");
        long events = fixtures.outboxSize();

        deploy("1", "{}").statusCode(201).body("uuid", equalTo(first));

        assertEquals(1, countDeployments());
        assertEquals(events, fixtures.outboxSize());
    }

    @Test
    void deployingANewVersionUndeploysThePreviousOneOfTheSameInstance() {
        String first = deploy("1", "{}").statusCode(201).extract().path("uuid");
        String other = deploy("1", "{\"applicationInstance\": \"other\"}").statusCode(201).extract().path("uuid");

        String second = deploy("2", "{}").statusCode(201).extract().path("uuid");

        assertNotNull(fixtures.single("SELECT undeployed_at FROM deployed_versions WHERE uuid = ?", first));
        assertNull(fixtures.single("SELECT undeployed_at FROM deployed_versions WHERE uuid = ?", other));
        assertNull(fixtures.single("SELECT undeployed_at FROM deployed_versions WHERE uuid = ?", second));
        assertEquals(List.of(other, second), fixtures.column("SELECT dv.uuid FROM currently_deployed_version_ids c"
                + " JOIN deployed_versions dv ON dv.id = c.deployed_version_id JOIN pacticipants p"
                + " ON p.id = c.pacticipant_id WHERE p.name = ? ORDER BY dv.id", pacticipant));
        given().when().get("/deployed-versions/" + first).then().statusCode(200)
                .body("currentlyDeployed", equalTo(false))
                .body("undeployedAt", notNullValue());
        assertEquals(List.of(DEPLOYED, DEPLOYED, UNDEPLOYED, DEPLOYED), fixtures.events(pacticipant));
    }

    @Test
    void theDeprecatedTargetNamesTheApplicationInstance() {
        deploy("1", "{\"target\": \"green\"}").statusCode(201)
                .body("applicationInstance", equalTo("green"))
                .body("target", equalTo("green"));
    }

    @Test
    void listsWhatIsCurrentlyDeployed() {
        String pacticipantOne = deploy("1", "{\"applicationInstance\": \"customer-1\"}").statusCode(201)
                .extract().path("uuid");
        String withoutInstance = deploy("2", "{}").statusCode(201).extract().path("uuid");
        String path = "/environments/" + environment + "/deployed-versions/currently-deployed";

        given().accept("application/hal+json").queryParam("pacticipant", pacticipant).when().get(path)
                .then().statusCode(200)
                .contentType("application/hal+json;charset=utf-8")
                .body("_embedded.deployedVersions.uuid", contains(withoutInstance, pacticipantOne))
                .body("_embedded.deployedVersions[1].applicationInstance", equalTo("customer-1"))
                .body("_embedded.deployedVersions[1]._links.self.href", endsWith("/deployed-versions/"
                        + pacticipantOne))
                .body("_embedded.deployedVersions[1]._embedded.version.number", equalTo("1"))
                .body("_embedded.deployedVersions[1]._embedded.pacticipant.name", equalTo(pacticipant))
                .body("_links.self.href", endsWith(path + "?pacticipant=" + pacticipant))
                .body("_links.self.title", equalTo("Currently deployed versions for " + displayName()));
        given().queryParam("pacticipant", pacticipant).queryParam("applicationInstance", "customer-1")
                .when().get(path)
                .then().statusCode(200).body("_embedded.deployedVersions.uuid", contains(pacticipantOne));
        given().queryParam("pacticipant", pacticipant).queryParam("applicationInstance", "")
                .when().get(path)
                .then().statusCode(200).body("_embedded.deployedVersions.uuid", contains(withoutInstance));
        given().queryParam("pacticipant", "Nobody").when().get(path)
                .then().statusCode(200).body("_embedded.deployedVersions.size()", equalTo(0));
        given().when().get("/environments/no-such-uuid/deployed-versions/currently-deployed")
                .then().statusCode(404);
    }

    @Test
    void listsTheDeploymentsOfAVersionToAnEnvironment() {
        String first = deploy("1", "{}").statusCode(201).extract().path("uuid");
        deploy("2", "{}").statusCode(201);
        String again = deploy("1", "{}").statusCode(201).extract().path("uuid");

        given().when().get(recordPath("1"))
                .then().statusCode(200)
                .body("_embedded.deployedVersions.uuid", contains(again, first))
                .body("_embedded.deployedVersions[0]", not(hasKey("_embedded")))
                .body("_embedded.deployedVersions.currentlyDeployed", contains(true, false));
    }

    @Test
    void recordsAnUndeployment() {
        String uuid = deploy("1", "{}").statusCode(201).extract().path("uuid");

        given().contentType("application/merge-patch+json").body("{\"currentlyDeployed\": false}")
                .when().patch("/deployed-versions/" + uuid)
                .then().statusCode(200)
                .contentType("application/hal+json;charset=utf-8")
                .body("currentlyDeployed", equalTo(false))
                .body("undeployedAt", notNullValue())
                .body("_embedded.version.number", equalTo("1"));

        assertEquals(0, fixtures.count("SELECT count(*) FROM currently_deployed_version_ids c"
                + " JOIN pacticipants p ON p.id = c.pacticipant_id WHERE p.name = ?", pacticipant));
        assertEquals(List.of(DEPLOYED, UNDEPLOYED), fixtures.events(pacticipant));
        String undeployedAt = fixtures.single("SELECT undeployed_at FROM deployed_versions WHERE uuid = ?", uuid);

        // again: nothing changes, no event
        given().contentType("application/merge-patch+json").body("{\"currentlyDeployed\": false}")
                .when().patch("/deployed-versions/" + uuid)
                .then().statusCode(200).body("currentlyDeployed", equalTo(false));
        assertEquals(undeployedAt, fixtures.single("SELECT undeployed_at FROM deployed_versions WHERE uuid = ?",
                uuid));
        assertEquals(List.of(DEPLOYED, UNDEPLOYED), fixtures.events(pacticipant));
    }

    @Test
    void aDeploymentCannotBeMadeCurrentAgain() {
        String uuid = deploy("1", "{}").statusCode(201).extract().path("uuid");
        long events = fixtures.outboxSize();

        given().contentType("application/merge-patch+json").body("{\"currentlyDeployed\": true}")
                .when().patch("/deployed-versions/" + uuid)
                .then().statusCode(422)
                .body("errors.currentlyDeployed[0]", equalTo(
                        "The currentlyDeployed property cannot be set back to true. Please record a new deployment."));
        given().contentType("application/json").body("{\"currentlyDeployed\": false}")
                .when().patch("/deployed-versions/" + uuid)
                .then().statusCode(415);
        given().contentType("application/merge-patch+json").body("{\"currentlyDeployed\": false}")
                .when().patch("/deployed-versions/no-such-uuid")
                .then().statusCode(404).body("error", equalTo("No deployed version with uuid 'no-such-uuid' found"));

        given().when().get("/deployed-versions/" + uuid).then().body("currentlyDeployed", equalTo(true));
        assertEquals(events, fixtures.outboxSize());
    }

    @Test
    void refusesDeploymentsOfUnknownThingsAndWritesNothing() {
        long events = fixtures.outboxSize();

        given().contentType("application/json").body("{}")
                .when().post("/pacticipants/" + pacticipant + "/versions/9/deployed-versions/environment/"
                        + environment)
                .then().statusCode(404)
                .body("error", equalTo("No version '9' of pacticipant '" + pacticipant + "' found"));
        given().contentType("application/json").body("{}")
                .when().post("/pacticipants/Nobody/versions/1/deployed-versions/environment/" + environment)
                .then().statusCode(404).body("error", equalTo("No pacticipant with name 'Nobody' found"));
        given().contentType("application/json").body("{}")
                .when().post(recordPath("1").replace(environment, "not-a-uuid"))
                .then().statusCode(404).body("error", equalTo("No environment with uuid 'not-a-uuid' found"));
        deploy("1", "{\"applicationInstance\": ").statusCode(400).body("error", notNullValue());
        deploy("1", "{\"applicationInstance\": {\"a\": 1}}").statusCode(400)
                .body("errors.applicationInstance", contains("must be a string"));
        given().contentType("text/plain").body("blue").when().post(recordPath("1")).then().statusCode(415);

        assertEquals(0, countDeployments());
        assertEquals(events, fixtures.outboxSize());
    }

    private ValidatableResponse deploy(String version, String body) {
        return given().contentType("application/json").accept("application/hal+json").body(body)
                .when().post(recordPath(version))
                .then();
    }

    private String recordPath(String version) {
        return "/pacticipants/" + pacticipant + "/versions/" + version + "/deployed-versions/environment/"
                + environment;
    }

    private long countDeployments() {
        return fixtures.count("SELECT count(*) FROM deployed_versions dv JOIN pacticipants p"
                + " ON p.id = dv.pacticipant_id WHERE p.name = ?", pacticipant);
    }

    private String displayName() {
        return fixtures.single("SELECT display_name FROM environments WHERE uuid = ?", environment);
    }
}
