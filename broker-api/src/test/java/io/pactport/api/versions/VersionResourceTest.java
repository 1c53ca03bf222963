package io.pactport.api.versions;

import static io.pactport.api.ApiFixture.branch;
import static io.pactport.api.ApiFixture.column;
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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class VersionResourceTest {

    TestDatabase database;

    @Test
    void putCreatesThenOverwritesAndReplacesTags() {
        String p = unique("Foo");
        JsonPath json = given().contentType("application/json")
                .body(Map.of("buildUrl", "http://ci/1", "tags", List.of(Map.of("name", "dev"), Map.of("name", "qa"))))
                .when()
                .put("/pacticipants/{p}/versions/{v}", p, "1.0.0")
                .then()
                .statusCode(201)
                .contentType("application/hal+json;charset=utf-8")
                .extract()
                .jsonPath();
        assertThat(json.getString("number")).isEqualTo("1.0.0");
        assertThat(json.getString("buildUrl")).isEqualTo("http://ci/1");
        assertThat(json.getList("_embedded.tags.name")).containsExactlyInAnyOrder("dev", "qa");
        json = given().contentType("application/json")
                .body(Map.of("tags", List.of(Map.of("name", "qa"), Map.of("name", "prod"))))
                .when()
                .put("/pacticipants/{p}/versions/{v}", p, "1.0.0")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(json.getString("buildUrl")).isNull();
        assertThat(json.getList("_embedded.tags.name")).containsExactlyInAnyOrder("qa", "prod");
        assertThat(events(database, p))
                .isEqualTo(List.of(
                        "io.pactport.pacticipant.created.v1",
                        "io.pactport.version.created.v1",
                        "io.pactport.tag.added.v1",
                        "io.pactport.tag.added.v1",
                        "io.pactport.version.updated.v1",
                        "io.pactport.tag.removed.v1",
                        "io.pactport.tag.added.v1"));
        assertThat(count(
                        database,
                        "SELECT count(*) FROM tags t JOIN versions v ON v.id = t.version_id "
                                + "WHERE t.name = 'prod' AND t.version_order = v.\"order\" AND t.pacticipant_id = v.pacticipant_id "
                                + "AND v.number = '1.0.0' AND v.pacticipant_id = (SELECT id FROM pacticipants WHERE name = ?)",
                        p))
                .isEqualTo(1);
    }

    @Test
    void patchMergesWithMergePatchOnly() {
        String p = unique("Foo");
        given().contentType("application/merge-patch+json")
                .body(Map.of("buildUrl", "http://ci/2"))
                .when()
                .patch("/pacticipants/{p}/versions/{v}", p, "2")
                .then()
                .statusCode(201);
        JsonPath json = given().contentType("application/merge-patch+json")
                .body(Map.of("tags", List.of(Map.of("name", "x"))))
                .when()
                .patch("/pacticipants/{p}/versions/{v}", p, "2")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(json.getString("buildUrl")).isEqualTo("http://ci/2");
        assertThat(json.getList("_embedded.tags.name")).isEqualTo(List.of("x"));
        Map<String, Long> before = counts(database);
        given().contentType("application/json")
                .body("{}")
                .when()
                .patch("/pacticipants/{p}/versions/{v}", p, "2")
                .then()
                .statusCode(415);
        assertThat(counts(database)).isEqualTo(before);
    }

    @Test
    void getShowsBranchesTagsAndTheRecordLinksOfEveryEnvironment() {
        String p = unique("Foo");
        String env = unique("test");
        String uuid = environment(env, false);
        branch(p, "main", "5556b8");
        tag(p, "5556b8", "prod");
        JsonPath json = given().accept("application/hal+json")
                .when()
                .get("/pacticipants/{p}/versions/{v}", p, "5556b8")
                .then()
                .statusCode(200)
                .contentType("application/hal+json;charset=utf-8")
                .extract()
                .jsonPath();
        assertThat(json.getString("createdAt")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+00:00");
        assertThat(json.getString("_embedded.branchVersions[0].name")).isEqualTo("main");
        assertThat(json.getBoolean("_embedded.branchVersions[0].latest")).isTrue();
        assertThat(json.getString("_embedded.branchVersions[0]._links.self.href"))
                .endsWith("/branches/main/versions/5556b8");
        assertThat(json.getString("_embedded.tags[0].name")).isEqualTo("prod");
        assertThat(json.getString("_links.'pb:pacticipant'.name")).isEqualTo(p);
        assertThat(json.getString("_links.'pb:tag'.href")).endsWith("/versions/5556b8/tags/{tag}");
        assertThat(json.getString("_links.'pb:record-deployment'.find { it.name == '" + env + "' }.href"))
                .endsWith("/pacticipants/" + p + "/versions/5556b8/deployed-versions/environment/" + uuid);
        assertThat(json.getString("_links.'pb:record-release'.find { it.name == '" + env + "' }.href"))
                .endsWith("/pacticipants/" + p + "/versions/5556b8/released-versions/environment/" + uuid);
        assertThat(json.getList("_links.'pb:deployed-environments'")).isEmpty();
        json = given().when()
                .get("/pacticipants/{p}/versions/{v}", p, "nope")
                .then()
                .statusCode(404)
                .extract()
                .jsonPath();
        assertThat(json.getString("error")).contains("nope");
    }

    @Test
    void latestVersionIsTheGreatestOrder() {
        String p = unique("Condor");
        version(p, "1.2.3");
        tag(p, "1.2.3", "production");
        version(p, "1.3.0");
        branch(p, "feat", "1.2.3");
        JsonPath json = given().accept("application/hal+json, application/json")
                .when()
                .get("/pacticipants/{p}/latest-version", p)
                .then()
                .statusCode(200)
                .contentType("application/hal+json;charset=utf-8")
                .extract()
                .jsonPath();
        assertThat(json.getString("number")).isEqualTo("1.3.0");
        assertThat(json.getString("_links.self.href")).endsWith("/latest-version");
        json = getJson("/pacticipants/{p}/latest-version/{t}", p, "production");
        assertThat(json.getString("number")).isEqualTo("1.2.3");
        json = getJson("/pacticipants/{p}/branches/{b}/latest-version", p, "feat");
        assertThat(json.getString("number")).isEqualTo("1.2.3");
        given().when()
                .get("/pacticipants/{p}/latest-version/{t}", p, "nope")
                .then()
                .statusCode(404);
        json = getJson("/pacticipants/{p}/versions", p);
        assertThat(json.getList("_embedded.versions.number")).isEqualTo(List.of("1.3.0", "1.2.3"));
        assertThat(json.getList("_links.'pb:versions'.href", String.class))
                .anySatisfy(item -> assertThat(item).endsWith("/versions/1.3.0"));
    }

    @Test
    void deleteCascadesAndRepointsTheBranchHead() {
        String consumer = unique("Consumer");
        String provider = unique("Provider");
        String env = environment(unique("env"), false);
        branch(consumer, "main", "1");
        branch(consumer, "main", "2");
        tag(consumer, "2", "prod");
        version(provider, "p1");
        pactVerifiedAndDeployed(database, consumer, "2", provider, "p1", env);

        given().when()
                .delete("/pacticipants/{p}/versions/{v}", consumer, "2")
                .then()
                .statusCode(204);

        assertThat(count(
                        database,
                        "SELECT count(*) FROM versions v JOIN pacticipants p ON p.id = v.pacticipant_id "
                                + "WHERE p.name = ? AND v.number = '2'",
                        consumer))
                .isEqualTo(0);
        assertThat(count(
                        database,
                        "SELECT count(*) FROM pact_publications pp JOIN pacticipants p "
                                + "ON p.id = pp.consumer_id WHERE p.name = ?",
                        consumer))
                .isEqualTo(0);
        assertThat(count(
                        database,
                        "SELECT count(*) FROM verifications vf JOIN pacticipants p "
                                + "ON p.id = vf.provider_id WHERE p.name = ?",
                        provider))
                .as("the provider's verification stays")
                .isEqualTo(1);
        JsonPath json = getJson("/pacticipants/{p}/branches/{b}/latest-version", consumer, "main");
        assertThat(json.getString("number")).isEqualTo("1");
        List<String> events = events(database, consumer);
        assertThat(events.get(events.size() - 1)).isEqualTo("io.pactport.version.deleted.v1");
        assertThat(column(
                        database,
                        "SELECT jsonb_array_elements_text(payload->'branches') "
                                + "FROM pactport_outbox WHERE event_key = ? AND event_type = 'io.pactport.version.deleted.v1'",
                        consumer))
                .isEqualTo(List.of("main"));
    }

    @Test
    void refusesBadInputWithoutWriting() {
        String p = unique("Foo");
        pacticipant(p);
        Map<String, Long> before = counts(database);
        JsonPath json = given().contentType("application/json")
                .body("{\"buildUrl\": ")
                .when()
                .put("/pacticipants/{p}/versions/{v}", p, "1")
                .then()
                .statusCode(400)
                .extract()
                .jsonPath();
        assertThat(json.getString("error")).contains("JSON");
        json = given().contentType("application/json")
                .body("{\"tags\": \"prod\"}")
                .when()
                .put("/pacticipants/{p}/versions/{v}", p, "1")
                .then()
                .statusCode(400)
                .extract()
                .jsonPath();
        assertThat(json.getString("errors.tags[0]")).contains("list");
        json = given().contentType("application/json")
                .body("{}")
                .when()
                .put("/pacticipants/{p}/versions/{v}", p, "  ")
                .then()
                .statusCode(400)
                .extract()
                .jsonPath();
        assertThat(json.getString("errors.version[0]")).contains("blank");
        given().contentType("text/plain")
                .body("x")
                .when()
                .put("/pacticipants/{p}/versions/{v}", p, "1")
                .then()
                .statusCode(415);
        given().when()
                .delete("/pacticipants/{p}/versions/{v}", p, "missing")
                .then()
                .statusCode(404);
        given().when()
                .delete("/pacticipants/{p}/versions/{v}", "Nobody", "1")
                .then()
                .statusCode(404);
        assertThat(counts(database)).isEqualTo(before);
    }
}
