package io.pactport.api.versions;

import static io.pactport.api.ApiFixture.branch;
import static io.pactport.api.ApiFixture.column;
import static io.pactport.api.ApiFixture.count;
import static io.pactport.api.ApiFixture.counts;
import static io.pactport.api.ApiFixture.events;
import static io.pactport.api.ApiFixture.execute;
import static io.pactport.api.ApiFixture.getJson;
import static io.pactport.api.ApiFixture.payloads;
import static io.pactport.api.ApiFixture.tag;
import static io.pactport.api.ApiFixture.unique;
import static io.pactport.api.ApiFixture.version;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.pactport.api.ApiFixture;
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
class TagBranchResourceTest {

    TestDatabase database;

    @Test
    void tagCreatesPacticipantAndVersionThenAnswers200WithoutAnEvent() {
        String p = unique("Condor");
        Response response = given().contentType("application/json")
                .body("{}")
                .when()
                .put("/pacticipants/{p}/versions/1.3.0/tags/prod", p)
                .then()
                .statusCode(201)
                .contentType("application/hal+json;charset=utf-8")
                .extract()
                .response();
        assertThat(response.header("Location")).endsWith("/pacticipants/" + p + "/versions/1.3.0/tags/prod");
        JsonPath json = response.jsonPath();
        assertThat(json.getString("_links.self.href")).endsWith("/pacticipants/" + p + "/versions/1.3.0/tags/prod");
        assertThat(json.getString("_links.version.name")).isEqualTo("1.3.0");
        assertThat(json.getString("_links.pacticipant.name")).isEqualTo(p);
        int events = events(database, p).size();
        json = given().contentType("application/json")
                .body("{}")
                .when()
                .put("/pacticipants/{p}/versions/1.3.0/tags/prod", p)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(json.getString("_links.self.href")).endsWith("/pacticipants/" + p + "/versions/1.3.0/tags/prod");
        assertThat(events(database, p).size()).isEqualTo(events);
        assertThat(events(database, p))
                .isEqualTo(List.of(
                        "io.pactport.pacticipant.created.v1",
                        "io.pactport.version.created.v1",
                        "io.pactport.branch.version.added.v1",
                        "io.pactport.tag.added.v1"));
        json = getJson("/pacticipants/{p}/versions/1.3.0/tags/prod", p);
        assertThat(json.getString("name")).isEqualTo("prod");
    }

    @Test
    void firstTagOfAFreshVersionBecomesItsBranchButNotOfAnOldOne() {
        String p = unique("Foo");
        tag(p, "new", "main");
        assertThat(column(
                                database,
                                "SELECT bv.branch_name || ':' || bv.auto_created FROM "
                                        + "branch_versions bv JOIN versions v ON v.id = bv.version_id JOIN pacticipants p ON p.id = "
                                        + "v.pacticipant_id WHERE p.name = ? AND v.number = 'new'",
                                p)
                        .stream()
                        .map(s -> s.substring(0, s.indexOf(':')))
                        .toList())
                .isEqualTo(List.of("main"));
        assertThat(count(
                        database,
                        "SELECT count(*) FROM branch_versions bv JOIN versions v ON v.id = "
                                + "bv.version_id WHERE bv.auto_created AND v.number = 'new' AND bv.pacticipant_id = "
                                + "(SELECT id FROM pacticipants WHERE name = ?)",
                        p))
                .isEqualTo(1);
        assertThat(count(database, "SELECT count(*) FROM pacticipants WHERE name = ? AND main_branch = 'main'", p))
                .isEqualTo(1);

        version(p, "old");
        execute(
                database,
                "UPDATE versions SET created_at = created_at - interval '1 minute' WHERE number = 'old' AND "
                        + "pacticipant_id = (SELECT id FROM pacticipants WHERE name = ?)",
                p);
        tag(p, "old", "feat");
        assertThat(count(
                        database,
                        "SELECT count(*) FROM branch_versions bv JOIN versions v ON v.id = "
                                + "bv.version_id WHERE v.number = 'old' AND bv.pacticipant_id = "
                                + "(SELECT id FROM pacticipants WHERE name = ?)",
                        p))
                .isEqualTo(0);
    }

    @Test
    void taggingAVersionAgainWithAMainBranchCandidateSetsTheMissingMainBranch() {
        String p = unique("Foo");
        tag(p, "recent", "main");
        version(p, "old");
        tag(p, "old", "master");
        execute(
                database,
                "UPDATE versions SET created_at = created_at - interval '1 minute' WHERE number = 'old' AND "
                        + "pacticipant_id = (SELECT id FROM pacticipants WHERE name = ?)",
                p);
        String mainBranch = "SELECT coalesce(main_branch, '-') FROM pacticipants WHERE name = ?";
        String clear = "UPDATE pacticipants SET main_branch = NULL WHERE name = ?";

        execute(database, clear, p);
        given().contentType("application/json")
                .body("{}")
                .put("/pacticipants/{p}/versions/recent/tags/main", p)
                .then()
                .statusCode(200);
        assertThat(column(database, mainBranch, p)).containsExactly("main");

        execute(database, clear, p);
        given().contentType("application/json")
                .body("{}")
                .put("/pacticipants/{p}/versions/old/tags/master", p)
                .then()
                .statusCode(200);
        assertThat(column(database, mainBranch, p)).containsExactly("master");
    }

    @Test
    void aTagNamedLikeAnEnvironmentRecordsADeploymentThere() {
        String p = unique("Foo");
        String environment = unique("staging").toLowerCase();
        given().contentType("application/json")
                .body("{\"name\":\"" + environment + "\",\"production\":false}")
                .when()
                .post("/environments")
                .then()
                .statusCode(201);

        tag(p, "1", environment);

        assertThat(count(
                        database,
                        "SELECT count(*) FROM deployed_versions d JOIN currently_deployed_version_ids c"
                                + " ON c.deployed_version_id = d.id WHERE d.auto_created AND d.pacticipant_id ="
                                + " (SELECT id FROM pacticipants WHERE name = ?)",
                        p))
                .isEqualTo(1);
        assertThat(events(database, p).get(events(database, p).size() - 1))
                .isEqualTo("io.pactport.deployment.recorded.v1");
    }

    @Test
    void taggingAgainRecordsTheDeploymentToAnEnvironmentCreatedAfterTheFirstTagging() {
        String p = unique("Foo");
        String environment = unique("staging").toLowerCase();
        tag(p, "1", environment);
        ApiFixture.environment(environment, false);
        String deployed = "SELECT count(*) FROM deployed_versions d JOIN currently_deployed_version_ids c"
                + " ON c.deployed_version_id = d.id WHERE d.auto_created AND d.pacticipant_id ="
                + " (SELECT id FROM pacticipants WHERE name = ?)";
        assertThat(count(database, deployed, p)).isZero();

        given().contentType("application/json")
                .body("{}")
                .put("/pacticipants/{p}/versions/1/tags/{t}", p, environment)
                .then()
                .statusCode(200);

        assertThat(count(database, deployed, p)).isEqualTo(1);
    }

    @Test
    void untagAnswers204Then404() {
        String p = unique("Foo");
        tag(p, "1", "prod");
        given().when()
                .delete("/pacticipants/{p}/versions/1/tags/prod", p)
                .then()
                .statusCode(204);
        given().when()
                .delete("/pacticipants/{p}/versions/1/tags/prod", p)
                .then()
                .statusCode(404);
        given().when().get("/pacticipants/{p}/versions/1/tags/prod", p).then().statusCode(404);
        List<String> events = events(database, p);
        assertThat(events.get(events.size() - 1)).isEqualTo("io.pactport.tag.removed.v1");
    }

    @Test
    void branchVersionMovesTheHeadAndAnswers200WhenAlreadyThere() {
        String p = unique("Foo");
        Response response = given().contentType("application/json")
                .body("{}")
                .when()
                .put("/pacticipants/{p}/branches/main/versions/1", p)
                .then()
                .statusCode(201)
                .extract()
                .response();
        assertThat(response.header("Location")).endsWith("/branches/main/versions/1");
        JsonPath json = response.jsonPath();
        assertThat(json.getString("_links.'pb:branch'.name")).isEqualTo("main");
        assertThat(json.getString("_links.'pb:version'.name")).isEqualTo("1");
        branch(p, "main", "2");
        given().contentType("application/json")
                .body("{}")
                .when()
                .put("/pacticipants/{p}/branches/main/versions/1", p)
                .then()
                .statusCode(200);
        json = getJson("/pacticipants/{p}/branches/main/latest-version", p);
        assertThat(json.getString("number")).isEqualTo("2");
        json = getJson("/pacticipants/{p}/branches/main", p);
        assertThat(json.getString("name")).isEqualTo("main");
        assertThat(json.getString("_links.'pb:latest-version'.href")).endsWith("/branches/main/latest-version");
        json = getJson("/pacticipants/{p}/branches", p);
        assertThat(json.getList("_embedded.branches.name")).isEqualTo(List.of("main"));
        assertThat(json.getString("_links.'pb:branches'[0].name")).isEqualTo("main");
        given().when()
                .get("/pacticipants/{p}/branches/main/versions/2", p)
                .then()
                .statusCode(200);
        assertThat(payloads(database, p, "io.pactport.branch.version.added.v1").size())
                .isEqualTo(2);
    }

    @Test
    void deletingTheHeadBranchVersionMakesTheVersionWithTheGreatestOrderTheHeadAndKeepsVersionAndBranch() {
        String p = unique("Foo");
        version(p, "1");
        version(p, "2");
        version(p, "3");
        // added out of order: the head is the version added last (2), not the one with the greatest order (3)
        branch(p, "main", "3");
        branch(p, "main", "1");
        branch(p, "main", "2");

        given().when()
                .delete("/pacticipants/{p}/branches/main/versions/2", p)
                .then()
                .statusCode(204);

        assertThat(latestOnBranch(p, "main")).isEqualTo("3");
        given().when()
                .get("/pacticipants/{p}/branches/main/versions/2", p)
                .then()
                .statusCode(404);
        given().when().get("/pacticipants/{p}/versions/2", p).then().statusCode(200);
        assertThat(column(
                        database,
                        "SELECT concat_ws(' ', payload->>'pacticipant', payload->>'branch',"
                                + " payload->>'version') FROM pactport_outbox WHERE event_key = ? AND event_type ="
                                + " 'io.pactport.branch.version.removed.v1'",
                        p))
                .containsExactly(p + " main 2");

        // not the head: the head stays
        given().when()
                .delete("/pacticipants/{p}/branches/main/versions/1", p)
                .then()
                .statusCode(204);
        assertThat(latestOnBranch(p, "main")).isEqualTo("3");

        // the last version: the branch stays, headless
        given().when()
                .delete("/pacticipants/{p}/branches/main/versions/3", p)
                .then()
                .statusCode(204);
        given().when().get("/pacticipants/{p}/branches/main", p).then().statusCode(200);
        assertThat(count(
                        database,
                        "SELECT count(*) FROM branch_heads WHERE pacticipant_id = "
                                + "(SELECT id FROM pacticipants WHERE name = ?)",
                        p))
                .isZero();
        assertThat(count(
                        database,
                        "SELECT count(*) FROM versions WHERE pacticipant_id = "
                                + "(SELECT id FROM pacticipants WHERE name = ?)",
                        p))
                .isEqualTo(3);
    }

    @Test
    void aBranchVersionIsDeletedThroughAnEncodedSlashAndAMissingOneIs404ChangingNothing() {
        String p = unique("Foo");
        branch(p, "feat/x", "1");
        branch(p, "feat/x", "2");

        given().urlEncodingEnabled(false)
                .when()
                .delete("/pacticipants/" + p + "/branches/feat%2Fx/versions/2")
                .then()
                .statusCode(204);
        assertThat(latestOnBranch(p, "feat/x")).isEqualTo("1");

        Map<String, Long> before = counts(database);
        JsonPath json = given().urlEncodingEnabled(false)
                .when()
                .delete("/pacticipants/" + p + "/branches/feat%2Fx/versions/2")
                .then()
                .statusCode(404)
                .extract()
                .jsonPath();
        assertThat(json.getString("error"))
                .isEqualTo("Version '2' of pacticipant '" + p + "' is not on branch 'feat/x'");
        given().when()
                .delete("/pacticipants/{p}/branches/main/versions/1", p)
                .then()
                .statusCode(404);
        given().when()
                .delete("/pacticipants/Nobody/branches/main/versions/1")
                .then()
                .statusCode(404);
        assertThat(counts(database)).isEqualTo(before);
        assertThat(payloads(database, p, "io.pactport.branch.version.removed.v1"))
                .hasSize(1);
    }

    private String latestOnBranch(String p, String branch) {
        return column(
                        database,
                        "SELECT v.number FROM branch_heads bh JOIN versions v ON v.id = bh.version_id"
                                + " WHERE bh.branch_name = ? AND bh.pacticipant_id = (SELECT id FROM pacticipants WHERE name = ?)",
                        branch,
                        p)
                .stream()
                .findFirst()
                .orElse(null);
    }

    @Test
    void deletingABranchKeepsItsVersions() {
        String p = unique("Foo");
        branch(p, "main", "1");
        given().when().delete("/pacticipants/{p}/branches/main", p).then().statusCode(204);
        given().when().get("/pacticipants/{p}/branches/main", p).then().statusCode(404);
        given().when().get("/pacticipants/{p}/versions/1", p).then().statusCode(200);
        assertThat(count(
                        database,
                        "SELECT count(*) FROM branch_heads WHERE pacticipant_id = "
                                + "(SELECT id FROM pacticipants WHERE name = ?)",
                        p))
                .isEqualTo(0);
        List<String> events = events(database, p);
        assertThat(events.get(events.size() - 1)).isEqualTo("io.pactport.branch.deleted.v1");
    }

    @Test
    void badNamesAndBodiesChangeNothing() {
        Map<String, Long> before = counts(database);
        given().contentType("application/json")
                .body("{")
                .when()
                .put("/pacticipants/X/versions/1/tags/prod")
                .then()
                .statusCode(400);
        given().contentType("application/json")
                .body("{}")
                .when()
                .put("/pacticipants/X/versions/1/tags/{t}", " ")
                .then()
                .statusCode(400);
        given().contentType("application/json")
                .body("{}")
                .when()
                .put("/pacticipants/X/branches/{b}/versions/1", "a\u0000b")
                .then()
                .statusCode(400);
        given().contentType("text/plain")
                .body("x")
                .when()
                .put("/pacticipants/X/labels/ui")
                .then()
                .statusCode(415);
        given().when().delete("/pacticipants/Nobody/branches/main").then().statusCode(404);
        given().when().delete("/pacticipants/Nobody/labels/ui").then().statusCode(404);
        assertThat(counts(database)).isEqualTo(before);
    }
}
