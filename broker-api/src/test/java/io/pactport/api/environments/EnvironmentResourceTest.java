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
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class EnvironmentResourceTest {

    TestDatabase database;

    @Test
    void createsAnEnvironmentAsThePactBrokerClientExpects() {
        String name = unique("test");
        Response response = given().contentType("application/json")
                .accept("application/hal+json")
                .body("""
                        {"name": "%s", "displayName": "Test", "production": false,
                         "contacts": [{"name": "Foo team", "details": {"emailAddress": "foo@bar.com"}}]}
                        """.formatted(name))
                .when()
                .post("/environments")
                .then()
                .statusCode(201)
                .contentType("application/hal+json;charset=utf-8")
                .extract()
                .response();
        assertThat(response.header("Location")).matches(".*/environments/[0-9a-f-]{36}$");
        JsonPath json = response.jsonPath();
        assertThat(json.getString("name")).isEqualTo(name);
        assertThat(json.getString("displayName")).isEqualTo("Test");
        assertThat(json.getBoolean("production")).isFalse();
        assertThat(json.getString("contacts[0].name")).isEqualTo("Foo team");
        assertThat(json.getString("contacts[0].details.emailAddress")).isEqualTo("foo@bar.com");
        assertThat(json.getString("createdAt")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+00:00");
        assertThat(json.getString("_links.self.name")).isEqualTo(name);
        assertThat(json.getString("_links.self.title")).isEqualTo("Environment");
        assertThat(json.getString("_links.'pb:currently-deployed-deployed-versions'.href"))
                .endsWith("/deployed-versions/currently-deployed");
        assertThat(json.getString("_links.'pb:currently-deployed-deployed-versions'.title"))
                .isEqualTo("Versions currently deployed to Test environment");
        assertThat(json.getString("_links.'pb:currently-supported-released-versions'.href"))
                .endsWith("/released-versions/currently-supported");
        assertThat(json.getString("_links.'pb:environments'.href")).endsWith("/environments");
        String uuid = response.path("uuid");

        assertThat(text(database, "SELECT contacts FROM environments WHERE uuid = ?", uuid))
                .isEqualTo("[{\"name\":\"Foo team\",\"details\":{\"emailAddress\":\"foo@bar.com\"}}]");
        assertThat(events(database, name)).isEqualTo(List.of("io.pactport.environment.created.v1"));
        json = getJson("/environments/" + uuid);
        assertThat(json.getString("uuid")).isEqualTo(uuid);
        assertThat(json.getString("_links.self.href")).endsWith("/environments/" + uuid);
        assertThat(json.getString("_links.'pb:currently-deployed-deployed-versions'.href"))
                .endsWith("/environments/" + uuid + "/deployed-versions/currently-deployed");
    }

    @Test
    void generatesTheDisplayNameWhenNoneIsGiven() {
        String name = unique("pre-prod");
        String uuid = environment(name, true);

        JsonPath json = getJson("/environments/" + uuid);
        assertThat(json.getString("displayName")).startsWith("Pre Prod ");
        assertThat(json.getBoolean("production")).isTrue();
        assertThat(json.getString("contacts")).isNull();
    }

    @Test
    void listsEnvironmentsEmbeddedAndLinkedByName() {
        String name = unique("listed");
        String uuid = environment(name, false);

        JsonPath json = given().accept("application/hal+json")
                .when()
                .get("/environments")
                .then()
                .statusCode(200)
                .contentType("application/hal+json;charset=utf-8")
                .extract()
                .jsonPath();
        assertThat(json.getList("_embedded.environments.uuid")).contains(uuid);
        assertThat(json.getList("_links.'pb:environments'.name")).contains(name);
        assertThat(json.getString("_links.self.href")).endsWith("/environments");
        json = given().queryParam("name", name)
                .when()
                .get("/environments")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(json.getList("_embedded.environments.uuid")).containsExactly(uuid);
        json = given().queryParam("name", "no-such-environment")
                .when()
                .get("/environments")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(json.getList("_embedded.environments")).isEmpty();
    }

    @Test
    void replacesEveryAttribute() {
        String name = unique("replaced");
        String uuid = environment(name, false);
        String renamed = unique("renamed");

        JsonPath json = given().contentType("application/json")
                .body("{\"name\": \"" + renamed + "\", \"production\": true, \"displayName\": \"Renamed\"}")
                .when()
                .put("/environments/" + uuid)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(json.getString("name")).isEqualTo(renamed);
        assertThat(json.getString("displayName")).isEqualTo("Renamed");
        assertThat(json.getBoolean("production")).isTrue();

        assertThat(text(database, "SELECT name FROM environments WHERE uuid = ?", uuid))
                .isEqualTo(renamed);
        assertThat(events(database, renamed)).isEqualTo(List.of("io.pactport.environment.updated.v1"));
    }

    @Test
    void keepingItsOwnNameIsNotADuplicate() {
        String name = unique("same");
        String uuid = environment(name, false);

        given().contentType("application/json")
                .body("{\"name\": \"" + name + "\", \"production\": true}")
                .when()
                .put("/environments/" + uuid)
                .then()
                .statusCode(200);
    }

    @Test
    void deletesTheEnvironmentWithItsHistory() {
        String name = unique("deleted");
        String uuid = environment(name, false);
        String pacticipant = unique("Foo");
        versionRow(database, pacticipant, "1");
        given().contentType("application/json")
                .body("{}")
                .when()
                .post("/pacticipants/" + pacticipant + "/versions/1/deployed-versions/environment/" + uuid)
                .then()
                .statusCode(201);
        given().contentType("application/json")
                .body("{}")
                .when()
                .post("/pacticipants/" + pacticipant + "/versions/1/released-versions/environment/" + uuid)
                .then()
                .statusCode(201);

        given().when().delete("/environments/" + uuid).then().statusCode(204);

        given().when().get("/environments/" + uuid).then().statusCode(404);
        assertThat(count(
                        database,
                        "SELECT count(*) FROM deployed_versions dv JOIN pacticipants p"
                                + " ON p.id = dv.pacticipant_id WHERE p.name = ?",
                        pacticipant))
                .isEqualTo(0);
        assertThat(count(
                        database,
                        "SELECT count(*) FROM released_versions rv JOIN pacticipants p"
                                + " ON p.id = rv.pacticipant_id WHERE p.name = ?",
                        pacticipant))
                .isEqualTo(0);
        assertThat(count(
                        database,
                        "SELECT count(*) FROM currently_deployed_version_ids c JOIN pacticipants p"
                                + " ON p.id = c.pacticipant_id WHERE p.name = ?",
                        pacticipant))
                .isEqualTo(0);
        assertThat(events(database, name))
                .isEqualTo(List.of("io.pactport.environment.created.v1", "io.pactport.environment.deleted.v1"));
    }

    @Test
    void anUnknownEnvironmentIsNotFound() {
        JsonPath json = given().when()
                .get("/environments/no-such-uuid")
                .then()
                .statusCode(404)
                .extract()
                .jsonPath();
        assertThat(json.getString("error")).isEqualTo("No environment with uuid 'no-such-uuid' found");
        given().contentType("application/json")
                .body("{\"name\": \"x\", \"production\": true}")
                .when()
                .put("/environments/no-such-uuid")
                .then()
                .statusCode(404);
        given().when().delete("/environments/no-such-uuid").then().statusCode(404);
    }

    @Test
    void refusesBadEnvironmentsAndWritesNothing() {
        String taken = unique("taken");
        environment(taken, false);
        long environments = count(database, "SELECT count(*) FROM environments");
        long events = outboxSize(database);

        JsonPath json = given().contentType("application/json")
                .body("{\"name\": \"has space\", \"production\": false}")
                .when()
                .post("/environments")
                .then()
                .statusCode(400)
                .extract()
                .jsonPath();
        assertThat(json.getList("errors.name")).containsExactly("cannot contain spaces");
        json = given().contentType("application/json")
                .body("{\"name\": \"noproduction\"}")
                .when()
                .post("/environments")
                .then()
                .statusCode(400)
                .extract()
                .jsonPath();
        assertThat(json.getList("errors.production")).containsExactly("is missing");
        json = given().contentType("application/json")
                .body("{\"name\": \"x\", \"production\": \"yes\"}")
                .when()
                .post("/environments")
                .then()
                .statusCode(400)
                .extract()
                .jsonPath();
        assertThat(json.getList("errors.production")).containsExactly("must be one of: true, false");
        json = given().contentType("application/json")
                .body("{\"production\": true}")
                .when()
                .post("/environments")
                .then()
                .statusCode(400)
                .extract()
                .jsonPath();
        assertThat(json.getList("errors.name")).containsExactly("is missing");
        json = given().contentType("application/json")
                .body("{\"name\": \"" + taken + "\", \"production\": true}")
                .when()
                .post("/environments")
                .then()
                .statusCode(400)
                .extract()
                .jsonPath();
        assertThat(json.getList("errors.name"))
                .containsExactly("name '" + taken + "' is already used by an existing environment.");
        json = given().contentType("application/json")
                .body("{\"name\": \"c\", \"production\": true, \"contacts\": [{\"details\": \"x\"}]}")
                .when()
                .post("/environments")
                .then()
                .statusCode(400)
                .extract()
                .jsonPath();
        assertThat(json.getList("errors.contacts"))
                .containsExactly("name is missing (at index 0)", "details must be a hash (at index 0)");
        json = given().contentType("application/json")
                .body("{\"name\": ")
                .when()
                .post("/environments")
                .then()
                .statusCode(400)
                .extract()
                .jsonPath();
        assertThat(json.getString("error")).startsWith("Error parsing JSON");
        json = given().contentType("text/plain")
                .body("name=x")
                .when()
                .post("/environments")
                .then()
                .statusCode(415)
                .extract()
                .jsonPath();
        assertThat(json.getString("error")).isNotNull();

        assertThat(count(database, "SELECT count(*) FROM environments")).isEqualTo(environments);
        assertThat(outboxSize(database)).isEqualTo(events);
    }

    @Test
    void refusesToRenameOntoAnotherEnvironment() {
        String taken = unique("taken");
        environment(taken, false);
        String name = unique("mine");
        String uuid = environment(name, false);
        long events = outboxSize(database);

        JsonPath json = given().contentType("application/json")
                .body("{\"name\": \"" + taken + "\", \"production\": true}")
                .when()
                .put("/environments/" + uuid)
                .then()
                .statusCode(400)
                .extract()
                .jsonPath();
        assertThat(json.getList("errors.name"))
                .containsExactly("name '" + taken + "' is already used by an existing environment.");
        json = given().contentType("application/json")
                .body("{\"name\": \"" + name + "\"}")
                .when()
                .put("/environments/" + uuid)
                .then()
                .statusCode(400)
                .extract()
                .jsonPath();
        assertThat(json.getList("errors.production")).containsExactly("is missing");

        assertThat(text(database, "SELECT name FROM environments WHERE uuid = ?", uuid))
                .isEqualTo(name);
        assertThat(text(database, "SELECT production FROM environments WHERE uuid = ?", uuid))
                .isEqualTo("f");
        assertThat(outboxSize(database)).isEqualTo(events);
    }
}
