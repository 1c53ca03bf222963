package io.pactport.api.pacticipants;

import static io.pactport.api.ApiFixture.branch;
import static io.pactport.api.ApiFixture.count;
import static io.pactport.api.ApiFixture.counts;
import static io.pactport.api.ApiFixture.environment;
import static io.pactport.api.ApiFixture.events;
import static io.pactport.api.ApiFixture.getJson;
import static io.pactport.api.ApiFixture.pactVerifiedAndDeployed;
import static io.pactport.api.ApiFixture.pacticipant;
import static io.pactport.api.ApiFixture.tag;
import static io.pactport.api.ApiFixture.unique;
import static io.pactport.api.ApiFixture.version;
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
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class PacticipantResourceTest {

    TestDatabase database;

    @Test
    void listsPacticipantsInTheShapesClientsRead() {
        String name = unique("Condor");
        version(name, "1.3.0");
        Response response = given().when()
                .get("/pacticipants")
                .then()
                .statusCode(200)
                .extract()
                .response();
        assertThat(response.contentType()).startsWith("application/hal+json");
        JsonPath json = response.jsonPath();
        assertThat(json.getString("_links.self.href")).endsWith("/pacticipants");
        assertThat(json.getList("_links.pacticipants.title")).contains(name);
        assertThat(json.getList("_links.'pb:pacticipants'.name")).contains(name);
        assertThat(json.getString("pacticipants.find { it.name == '" + name + "' }._embedded.'latest-version'.number"))
                .isEqualTo("1.3.0");
        assertThat(json.getString(
                        "pacticipants.find { it.name == '" + name + "' }._embedded.'latest-version'._links.self.href"))
                .endsWith("/pacticipants/" + name + "/versions/1.3.0");
        assertThat(json.getString(
                        "_embedded.pacticipants.find { it.name == '" + name + "' }._embedded.latestVersion.number"))
                .isEqualTo("1.3.0");
    }

    @Test
    void getsAPacticipantWithItsLinks() {
        String name = unique("Pricing Service");
        given().contentType("application/json")
                .body(Map.of("name", name, "repositoryUrl", "git@example.org:pricing"))
                .post("/pacticipants")
                .then()
                .statusCode(201);
        version(name, "1.3.0");
        String encoded = name.replace(" ", "%20");
        JsonPath json = given().accept("application/hal+json")
                .when()
                .get("/pacticipants/{p}", name)
                .then()
                .statusCode(200)
                .contentType("application/hal+json;charset=utf-8")
                .extract()
                .jsonPath();
        assertThat(json.getString("name")).isEqualTo(name);
        assertThat(json.getString("displayName")).startsWith("Pricing Service ");
        assertThat(json.getString("repositoryUrl")).isEqualTo("git@example.org:pricing");
        assertThat(json.getString("createdAt")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+00:00");
        assertThat(json.getString("updatedAt")).isNull();
        assertThat(json.getString("_embedded.'latest-version'.number")).isEqualTo("1.3.0");
        assertThat(json.getString("_embedded.latestVersion._links.self.href"))
                .endsWith("/pacticipants/" + encoded + "/versions/1.3.0");
        assertThat(json.getString("_links.self.href")).endsWith("/pacticipants/" + encoded);
        assertThat(json.getString("_links.versions.href")).endsWith("/pacticipants/" + encoded + "/versions");
        assertThat(json.getString("_links.'pb:branch-version'.href"))
                .endsWith("/pacticipants/" + encoded + "/branches/{branch}/versions/{version}");
        assertThat(json.getBoolean("_links.'pb:branch-version'.templated")).isTrue();
        assertThat(json.getString("_links.'pb:version-tag'.href")).endsWith("/versions/{version}/tags/{tag}");
        assertThat(json.getString("_links.'pb:label'.href")).endsWith("/labels/{label}");
        assertThat(json.getBoolean("_links.'pb:can-i-deploy-badge'.templated")).isTrue();
    }

    @Test
    void answers404ForAnUnknownPacticipant() {
        JsonPath json = given().accept("application/hal+json")
                .when()
                .get("/pacticipants/{p}", "Nobody")
                .then()
                .statusCode(404)
                .extract()
                .jsonPath();
        assertThat(json.getString("error")).contains("Nobody");
        json = given().when()
                .delete("/pacticipants/{p}", "Nobody")
                .then()
                .statusCode(404)
                .extract()
                .jsonPath();
        assertThat(json.getString("error")).isNotNull();
    }

    @Test
    void createsWithPostAndRecordsTheEvent() {
        String name = unique("Foo");
        Response response = given().accept("application/hal+json")
                .contentType("application/json")
                .body(Map.of("name", name, "repositoryUrl", "http://foo", "mainBranch", "main"))
                .when()
                .post("/pacticipants")
                .then()
                .statusCode(201)
                .contentType("application/hal+json;charset=utf-8")
                .extract()
                .response();
        assertThat(response.header("Location")).endsWith("/pacticipants/" + name);
        JsonPath json = response.jsonPath();
        assertThat(json.getString("name")).isEqualTo(name);
        assertThat(json.getString("repositoryUrl")).isEqualTo("http://foo");
        assertThat(json.getString("mainBranch")).isEqualTo("main");
        assertThat(json.getString("_links.self.href")).endsWith("/pacticipants/" + name);
        assertThat(events(database, name)).isEqualTo(List.of("io.pactport.pacticipant.created.v1"));
        assertThat(count(
                        database,
                        "SELECT count(*) FROM pacticipants WHERE name = ? AND display_name IS NOT NULL",
                        name))
                .isEqualTo(1);
    }

    @Test
    void patchCreatesAMissingPacticipantAndMergesIntoAnExistingOne() {
        String name = unique("Patched");
        // pact_broker-client sends snake_case here, which the Pact Broker ignores: the pacticipant is still created
        Response response = given().contentType("application/json")
                .body(Map.of("repository_url", "git@example.org:x"))
                .when()
                .patch("/pacticipants/{p}", name)
                .then()
                .statusCode(201)
                .contentType("application/hal+json;charset=utf-8")
                .extract()
                .response();
        assertThat(response.header("Location")).endsWith("/pacticipants/" + name);
        JsonPath json = response.jsonPath();
        assertThat(json.getString("repositoryUrl")).isNull();
        json = given().contentType("application/merge-patch+json")
                .body(Map.of("repositoryUrl", "http://foo"))
                .when()
                .patch("/pacticipants/{p}", name)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(json.getString("repositoryUrl")).isEqualTo("http://foo");
        json = given().contentType("application/json")
                .body(Map.of("name", name, "mainBranch", "main"))
                .when()
                .patch("/pacticipants/{p}", name)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(json.getString("repositoryUrl")).isEqualTo("http://foo");
        assertThat(json.getString("mainBranch")).isEqualTo("main");
        assertThat(json.getString("updatedAt")).isNotNull();
        json = given().contentType("application/json")
                .body("{\"repositoryUrl\": null}")
                .when()
                .patch("/pacticipants/{p}", name)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(json.getString("repositoryUrl")).isNull();
        assertThat(events(database, name))
                .isEqualTo(List.of(
                        "io.pactport.pacticipant.created.v1",
                        "io.pactport.pacticipant.updated.v1",
                        "io.pactport.pacticipant.updated.v1",
                        "io.pactport.pacticipant.updated.v1"));
    }

    @Test
    void patchThatChangesNothingRecordsNoEvent() {
        String name = unique("Still");
        pacticipant(name);
        given().contentType("application/json")
                .body("{}")
                .when()
                .patch("/pacticipants/{p}", name)
                .then()
                .statusCode(200);
        assertThat(events(database, name)).isEqualTo(List.of("io.pactport.pacticipant.created.v1"));
    }

    @Test
    void putReplacesEveryFieldAndAnswers404WhenMissing() {
        String name = unique("Replaced");
        given().contentType("application/json")
                .body(Map.of("name", name, "repositoryUrl", "http://old", "displayName", "Old"))
                .post("/pacticipants")
                .then()
                .statusCode(201);
        JsonPath json = given().contentType("application/json")
                .body(Map.of("repositoryName", "replaced"))
                .when()
                .put("/pacticipants/{p}", name)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(json.getString("repositoryName")).isEqualTo("replaced");
        assertThat(json.getString("repositoryUrl")).isNull();
        assertThat(json.getString("displayName")).startsWith("Replaced");
        Map<String, Long> before = counts(database);
        given().contentType("application/json")
                .body(Map.of("repositoryName", "x"))
                .when()
                .put("/pacticipants/{p}", "Missing-" + name)
                .then()
                .statusCode(404);
        assertThat(counts(database)).isEqualTo(before);
    }

    @Test
    void deleteRemovesThePacticipantAndEverythingItOwns() {
        String consumer = unique("Consumer");
        String provider = unique("Provider");
        String env = environment(unique("env"), false);
        branch(consumer, "main", "c1");
        tag(consumer, "c1", "prod");
        version(provider, "p1");
        given().contentType("application/json")
                .body("{}")
                .put("/pacticipants/{p}/labels/{l}", consumer, "team-a")
                .then()
                .statusCode(201);
        pactVerifiedAndDeployed(database, consumer, "c1", provider, "p1", env);

        long id = count(database, "SELECT id FROM pacticipants WHERE name = ?", consumer);

        given().when().delete("/pacticipants/{p}", consumer).then().statusCode(204);

        for (String table : List.of(
                "versions", "tags", "branches", "branch_versions", "branch_heads", "labels", "deployed_versions")) {
            assertThat(count(database, "SELECT count(*) FROM " + table + " WHERE pacticipant_id = ?", id))
                    .as(table)
                    .isEqualTo(0);
        }
        for (String table : List.of("pact_versions", "pact_publications", "verifications")) {
            assertThat(count(database, "SELECT count(*) FROM " + table + " WHERE consumer_id = ?", id))
                    .as(table)
                    .isEqualTo(0);
        }
        assertThat(count(database, "SELECT count(*) FROM pacticipants WHERE name = ?", consumer))
                .isEqualTo(0);
        assertThat(count(
                        database,
                        "SELECT count(*) FROM verifications v JOIN pacticipants p "
                                + "ON p.id = v.provider_id WHERE p.name = ?",
                        provider))
                .isEqualTo(0);
        assertThat(count(
                        database,
                        "SELECT count(*) FROM versions v JOIN pacticipants p ON p.id = v.pacticipant_id "
                                + "WHERE p.name = ?",
                        provider))
                .as("the provider's version stays")
                .isEqualTo(1);
        assertThat(count(
                        database,
                        "SELECT count(*) FROM released_versions r JOIN pacticipants p "
                                + "ON p.id = r.pacticipant_id WHERE p.name = ?",
                        provider))
                .as("the provider's release stays")
                .isEqualTo(1);
        List<String> events = events(database, consumer);
        assertThat(events.get(events.size() - 1)).isEqualTo("io.pactport.pacticipant.deleted.v1");
    }

    @Test
    void refusesMalformedJsonAndOtherContentTypesWithoutWriting() {
        Map<String, Long> before = counts(database);
        JsonPath json = given().contentType("application/json")
                .body("{\"name\": ")
                .when()
                .post("/pacticipants")
                .then()
                .statusCode(400)
                .extract()
                .jsonPath();
        assertThat(json.getString("error")).contains("JSON");
        json = given().contentType("text/plain")
                .body("name=x")
                .when()
                .post("/pacticipants")
                .then()
                .statusCode(415)
                .extract()
                .jsonPath();
        assertThat(json.getString("error")).contains("text/plain");
        given().contentType("application/merge-patch+json")
                .body("{}")
                .when()
                .put("/pacticipants/{p}", "X")
                .then()
                .statusCode(415);
        json = given().contentType("application/json")
                .body("{\"name\": 42}")
                .when()
                .post("/pacticipants")
                .then()
                .statusCode(400)
                .extract()
                .jsonPath();
        assertThat(json.getString("errors.name[0]")).contains("string");
        json = given().contentType("application/json")
                .body("{\"name\": \"a\\nb\"}")
                .when()
                .post("/pacticipants")
                .then()
                .statusCode(400)
                .extract()
                .jsonPath();
        assertThat(json.getString("errors.name[0]")).contains("multiple lines");
        json = given().contentType("application/json")
                .body("{\"repositoryUrl\": \"x\"}")
                .when()
                .post("/pacticipants")
                .then()
                .statusCode(400)
                .extract()
                .jsonPath();
        assertThat(json.getString("errors.name")).isNotNull();
        json = given().contentType("application/json")
                .body("{\"mainBranch\": \"two words\"}")
                .when()
                .patch("/pacticipants/{p}", "Whoever")
                .then()
                .statusCode(400)
                .extract()
                .jsonPath();
        assertThat(json.getString("errors.mainBranch[0]")).contains("spaces");
        assertThat(counts(database)).isEqualTo(before);
    }

    @Test
    void storesSqlMetacharactersVerbatimAndRefusesOverlongNames() {
        String name = "'; DROP TABLE versions;-- " + unique("x");
        version(name, "1.0.0");
        JsonPath json = getJson("/pacticipants/{p}", name);
        assertThat(json.getString("name")).isEqualTo(name);
        assertThat(count(
                        database,
                        "SELECT count(*) FROM versions v JOIN pacticipants p ON p.id = v.pacticipant_id "
                                + "WHERE p.name = ?",
                        name))
                .isEqualTo(1);

        Map<String, Long> before = counts(database);
        String longName = "n".repeat(10_000);
        int status = given().contentType("application/json")
                .body(Map.of("name", longName))
                .when()
                .post("/pacticipants")
                .then()
                .extract()
                .statusCode();
        assertThat(status).isEqualTo(400);
        int pathStatus = given().contentType("application/json")
                .body("{}")
                .when()
                .patch("/pacticipants/{p}", longName)
                .then()
                .extract()
                .statusCode();
        assertThat(pathStatus / 100).as("a 4xx, not " + pathStatus).isEqualTo(4);
        assertThat(counts(database)).isEqualTo(before);
    }

    @Test
    void listsPacticipantsByLabel() {
        String labelled = unique("Labelled");
        pacticipant(unique("Unlabelled"));
        given().contentType("application/json")
                .body("{}")
                .put("/pacticipants/{p}/labels/{l}", labelled, "ui")
                .then()
                .statusCode(201);
        JsonPath json = getJson("/pacticipants/label/{l}", "ui");
        assertThat(json.getList("_embedded.pacticipants.name")).isEqualTo(List.of(labelled));
        assertThat(json.getString("_embedded.pacticipants[0]._embedded.labels[0].name"))
                .isEqualTo("ui");
    }
}
