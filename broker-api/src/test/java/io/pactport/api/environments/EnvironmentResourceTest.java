package io.pactport.api.environments;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.emptyIterable;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pactport.core.testing.KafkaResource;
import io.pactport.core.testing.PostgresResource;
import io.pactport.core.testing.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class EnvironmentResourceTest {

    TestDatabase database;
    DeploymentFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new DeploymentFixtures(database);
    }

    @Test
    void createsAnEnvironmentAsThePactBrokerClientExpects() {
        String name = DeploymentFixtures.unique("test");
        String uuid = given().contentType("application/json").accept("application/hal+json")
                .body("""
                        {"name": "%s", "displayName": "Test", "production": false,
                         "contacts": [{"name": "Foo team", "details": {"emailAddress": "foo@bar.com"}}]}
                        """.formatted(name))
                .when().post("/environments")
                .then().statusCode(201)
                .contentType("application/hal+json;charset=utf-8")
                .header("Location", matchesPattern(".*/environments/[0-9a-f-]{36}$"))
                .body("name", equalTo(name))
                .body("displayName", equalTo("Test"))
                .body("production", equalTo(false))
                .body("contacts[0].name", equalTo("Foo team"))
                .body("contacts[0].details.emailAddress", equalTo("foo@bar.com"))
                .body("createdAt", matchesPattern("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+00:00"))
                .body("_links.self.name", equalTo(name))
                .body("_links.self.title", equalTo("Environment"))
                .body("_links.'pb:currently-deployed-deployed-versions'.href",
                        endsWith("/deployed-versions/currently-deployed"))
                .body("_links.'pb:currently-deployed-deployed-versions'.title",
                        equalTo("Versions currently deployed to Test environment"))
                .body("_links.'pb:currently-supported-released-versions'.href",
                        endsWith("/released-versions/currently-supported"))
                .body("_links.'pb:environments'.href", endsWith("/environments"))
                .extract().path("uuid");

        assertEquals("[{\"name\":\"Foo team\",\"details\":{\"emailAddress\":\"foo@bar.com\"}}]",
                fixtures.single("SELECT contacts FROM environments WHERE uuid = ?", uuid));
        assertEquals(List.of("io.pactport.environment.created.v1"), fixtures.events(name));
        given().when().get("/environments/" + uuid)
                .then().statusCode(200)
                .body("uuid", equalTo(uuid))
                .body("_links.self.href", endsWith("/environments/" + uuid))
                .body("_links.'pb:currently-deployed-deployed-versions'.href",
                        endsWith("/environments/" + uuid + "/deployed-versions/currently-deployed"));
    }

    @Test
    void generatesTheDisplayNameWhenNoneIsGiven() {
        String name = DeploymentFixtures.unique("pre-prod");
        String uuid = fixtures.environment(name, true);

        given().when().get("/environments/" + uuid)
                .then().statusCode(200)
                .body("displayName", startsWith("Pre Prod "))
                .body("production", equalTo(true))
                .body("contacts", nullValue());
    }

    @Test
    void listsEnvironmentsEmbeddedAndLinkedByName() {
        String name = DeploymentFixtures.unique("listed");
        String uuid = fixtures.environment(name, false);

        given().accept("application/hal+json").when().get("/environments")
                .then().statusCode(200)
                .contentType("application/hal+json;charset=utf-8")
                .body("_embedded.environments.uuid", hasItem(uuid))
                .body("_links.'pb:environments'.name", hasItem(name))
                .body("_links.self.href", endsWith("/environments"));
        given().queryParam("name", name).when().get("/environments")
                .then().statusCode(200)
                .body("_embedded.environments.uuid", contains(uuid));
        given().queryParam("name", "no-such-environment").when().get("/environments")
                .then().statusCode(200)
                .body("_embedded.environments", emptyIterable());
    }

    @Test
    void replacesEveryAttribute() {
        String name = DeploymentFixtures.unique("replaced");
        String uuid = fixtures.environment(name, false);
        String renamed = DeploymentFixtures.unique("renamed");

        given().contentType("application/json")
                .body("{\"name\": \"" + renamed + "\", \"production\": true, \"displayName\": \"Renamed\"}")
                .when().put("/environments/" + uuid)
                .then().statusCode(200)
                .body("name", equalTo(renamed))
                .body("displayName", equalTo("Renamed"))
                .body("production", equalTo(true));

        assertEquals(renamed, fixtures.single("SELECT name FROM environments WHERE uuid = ?", uuid));
        assertEquals(List.of("io.pactport.environment.updated.v1"), fixtures.events(renamed));
    }

    @Test
    void keepingItsOwnNameIsNotADuplicate() {
        String name = DeploymentFixtures.unique("same");
        String uuid = fixtures.environment(name, false);

        given().contentType("application/json").body("{\"name\": \"" + name + "\", \"production\": true}")
                .when().put("/environments/" + uuid)
                .then().statusCode(200);
    }

    @Test
    void deletesTheEnvironmentWithItsHistory() {
        String name = DeploymentFixtures.unique("deleted");
        String uuid = fixtures.environment(name, false);
        String pacticipant = DeploymentFixtures.unique("Foo");
        fixtures.version(pacticipant, "1");
        given().contentType("application/json").body("{}")
                .when().post("/pacticipants/" + pacticipant + "/versions/1/deployed-versions/environment/" + uuid)
                .then().statusCode(201);
        given().contentType("application/json").body("{}")
                .when().post("/pacticipants/" + pacticipant + "/versions/1/released-versions/environment/" + uuid)
                .then().statusCode(201);

        given().when().delete("/environments/" + uuid).then().statusCode(204);

        given().when().get("/environments/" + uuid).then().statusCode(404);
        assertEquals(0, fixtures.count("SELECT count(*) FROM deployed_versions dv JOIN pacticipants p"
                + " ON p.id = dv.pacticipant_id WHERE p.name = ?", pacticipant));
        assertEquals(0, fixtures.count("SELECT count(*) FROM released_versions rv JOIN pacticipants p"
                + " ON p.id = rv.pacticipant_id WHERE p.name = ?", pacticipant));
        assertEquals(0, fixtures.count("SELECT count(*) FROM currently_deployed_version_ids c JOIN pacticipants p"
                + " ON p.id = c.pacticipant_id WHERE p.name = ?", pacticipant));
        assertEquals(List.of("io.pactport.environment.created.v1", "io.pactport.environment.deleted.v1"),
                fixtures.events(name));
    }

    @Test
    void anUnknownEnvironmentIsNotFound() {
        given().when().get("/environments/no-such-uuid")
                .then().statusCode(404)
                .body("error", equalTo("No environment with uuid 'no-such-uuid' found"));
        given().contentType("application/json").body("{\"name\": \"x\", \"production\": true}")
                .when().put("/environments/no-such-uuid")
                .then().statusCode(404);
        given().when().delete("/environments/no-such-uuid").then().statusCode(404);
    }

    @Test
    void refusesBadEnvironmentsAndWritesNothing() {
        String taken = DeploymentFixtures.unique("taken");
        fixtures.environment(taken, false);
        long environments = fixtures.count("SELECT count(*) FROM environments");
        long events = fixtures.outboxSize();

        given().contentType("application/json").body("{\"name\": \"has space\", \"production\": false}")
                .when().post("/environments")
                .then().statusCode(400).body("errors.name", contains("cannot contain spaces"));
        given().contentType("application/json").body("{\"name\": \"noproduction\"}")
                .when().post("/environments")
                .then().statusCode(400).body("errors.production", contains("is missing"));
        given().contentType("application/json").body("{\"name\": \"x\", \"production\": \"yes\"}")
                .when().post("/environments")
                .then().statusCode(400).body("errors.production", contains("must be one of: true, false"));
        given().contentType("application/json").body("{\"production\": true}")
                .when().post("/environments")
                .then().statusCode(400).body("errors.name", contains("is missing"));
        given().contentType("application/json").body("{\"name\": \"" + taken + "\", \"production\": true}")
                .when().post("/environments")
                .then().statusCode(400)
                .body("errors.name", contains("name '" + taken + "' is already used by an existing environment."));
        given().contentType("application/json")
                .body("{\"name\": \"c\", \"production\": true, \"contacts\": [{\"details\": \"x\"}]}")
                .when().post("/environments")
                .then().statusCode(400)
                .body("errors.contacts", contains("name is missing (at index 0)", "details must be a hash (at index 0)"));
        given().contentType("application/json").body("{\"name\": ")
                .when().post("/environments")
                .then().statusCode(400).body("error", startsWith("Error parsing JSON"));
        given().contentType("text/plain").body("name=x")
                .when().post("/environments")
                .then().statusCode(415).body("error", notNullValue());

        assertEquals(environments, fixtures.count("SELECT count(*) FROM environments"));
        assertEquals(events, fixtures.outboxSize());
    }

    @Test
    void refusesToRenameOntoAnotherEnvironment() {
        String taken = DeploymentFixtures.unique("taken");
        fixtures.environment(taken, false);
        String name = DeploymentFixtures.unique("mine");
        String uuid = fixtures.environment(name, false);
        long events = fixtures.outboxSize();

        given().contentType("application/json").body("{\"name\": \"" + taken + "\", \"production\": true}")
                .when().put("/environments/" + uuid)
                .then().statusCode(400)
                .body("errors.name", contains("name '" + taken + "' is already used by an existing environment."));
        given().contentType("application/json").body("{\"name\": \"" + name + "\"}")
                .when().put("/environments/" + uuid)
                .then().statusCode(400).body("errors.production", contains("is missing"));

        assertEquals(name, fixtures.single("SELECT name FROM environments WHERE uuid = ?", uuid));
        assertEquals("f", fixtures.single("SELECT production FROM environments WHERE uuid = ?", uuid));
        assertEquals(events, fixtures.outboxSize());
    }
}
