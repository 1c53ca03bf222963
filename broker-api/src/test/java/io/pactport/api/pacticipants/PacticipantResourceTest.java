package io.pactport.api.pacticipants;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
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
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class PacticipantResourceTest {

    TestDatabase database;
    PacticipantFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new PacticipantFixtures(database);
    }

    @Test
    void listsPacticipantsInTheShapesClientsRead() {
        String name = PacticipantFixtures.unique("Condor");
        fixtures.version(name, "1.3.0");
        given().when().get("/pacticipants")
                .then().statusCode(200).contentType(startsWith("application/hal+json"))
                .body("_links.self.href", endsWith("/pacticipants"))
                .body("_links.pacticipants.title", hasItem(name))
                .body("_links.'pb:pacticipants'.name", hasItem(name))
                .body("pacticipants.find { it.name == '" + name + "' }._embedded.'latest-version'.number",
                        equalTo("1.3.0"))
                .body("pacticipants.find { it.name == '" + name + "' }._embedded.'latest-version'._links.self.href",
                        endsWith("/pacticipants/" + name + "/versions/1.3.0"))
                .body("_embedded.pacticipants.find { it.name == '" + name + "' }._embedded.latestVersion.number",
                        equalTo("1.3.0"));
    }

    @Test
    void getsAPacticipantWithItsLinks() {
        String name = PacticipantFixtures.unique("Pricing Service");
        given().contentType("application/json")
                .body(Map.of("name", name, "repositoryUrl", "git@example.org:pricing"))
                .post("/pacticipants").then().statusCode(201);
        fixtures.version(name, "1.3.0");
        String encoded = name.replace(" ", "%20");
        given().accept("application/hal+json").when().get("/pacticipants/{p}", name)
                .then().statusCode(200).contentType("application/hal+json;charset=utf-8")
                .body("name", equalTo(name))
                .body("displayName", startsWith("Pricing Service "))
                .body("repositoryUrl", equalTo("git@example.org:pricing"))
                .body("createdAt", matchesPattern("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+00:00"))
                .body("updatedAt", nullValue())
                .body("_embedded.'latest-version'.number", equalTo("1.3.0"))
                .body("_embedded.latestVersion._links.self.href", endsWith("/pacticipants/" + encoded + "/versions/1.3.0"))
                .body("_links.self.href", endsWith("/pacticipants/" + encoded))
                .body("_links.versions.href", endsWith("/pacticipants/" + encoded + "/versions"))
                .body("_links.'pb:branch-version'.href",
                        endsWith("/pacticipants/" + encoded + "/branches/{branch}/versions/{version}"))
                .body("_links.'pb:branch-version'.templated", equalTo(true))
                .body("_links.'pb:version-tag'.href", endsWith("/versions/{version}/tags/{tag}"))
                .body("_links.'pb:label'.href", endsWith("/labels/{label}"))
                .body("_links.'pb:can-i-deploy-badge'.templated", equalTo(true));
    }

    @Test
    void answers404ForAnUnknownPacticipant() {
        given().accept("application/hal+json").when().get("/pacticipants/{p}", "Nobody")
                .then().statusCode(404).body("error", containsString("Nobody"));
        given().when().delete("/pacticipants/{p}", "Nobody").then().statusCode(404).body("error", notNullValue());
    }

    @Test
    void createsWithPostAndRecordsTheEvent() {
        String name = PacticipantFixtures.unique("Foo");
        given().accept("application/hal+json").contentType("application/json")
                .body(Map.of("name", name, "repositoryUrl", "http://foo", "mainBranch", "main"))
                .when().post("/pacticipants")
                .then().statusCode(201).contentType("application/hal+json;charset=utf-8")
                .header("Location", endsWith("/pacticipants/" + name))
                .body("name", equalTo(name)).body("repositoryUrl", equalTo("http://foo"))
                .body("mainBranch", equalTo("main"))
                .body("_links.self.href", endsWith("/pacticipants/" + name));
        assertEquals(List.of("io.pactport.pacticipant.created.v1"), fixtures.events(name));
        assertEquals(1, fixtures.scalar("SELECT count(*) FROM pacticipants WHERE name = ? AND display_name IS NOT NULL",
                name));
    }

    @Test
    void patchCreatesAMissingPacticipantAndMergesIntoAnExistingOne() {
        String name = PacticipantFixtures.unique("Patched");
        // pact_broker-client sends snake_case here, which the Pact Broker ignores: the pacticipant is still created
        given().contentType("application/json").body(Map.of("repository_url", "git@example.org:x"))
                .when().patch("/pacticipants/{p}", name)
                .then().statusCode(201).contentType("application/hal+json;charset=utf-8")
                .header("Location", endsWith("/pacticipants/" + name)).body("repositoryUrl", nullValue());
        given().contentType("application/merge-patch+json").body(Map.of("repositoryUrl", "http://foo"))
                .when().patch("/pacticipants/{p}", name)
                .then().statusCode(200).body("repositoryUrl", equalTo("http://foo"));
        given().contentType("application/json").body(Map.of("name", name, "mainBranch", "main"))
                .when().patch("/pacticipants/{p}", name)
                .then().statusCode(200).body("repositoryUrl", equalTo("http://foo")).body("mainBranch", equalTo("main"))
                .body("updatedAt", notNullValue());
        given().contentType("application/json").body("{\"repositoryUrl\": null}")
                .when().patch("/pacticipants/{p}", name).then().statusCode(200).body("repositoryUrl", nullValue());
        assertEquals(List.of("io.pactport.pacticipant.created.v1", "io.pactport.pacticipant.updated.v1",
                "io.pactport.pacticipant.updated.v1", "io.pactport.pacticipant.updated.v1"), fixtures.events(name));
    }

    @Test
    void patchThatChangesNothingRecordsNoEvent() {
        String name = PacticipantFixtures.unique("Still");
        fixtures.pacticipant(name);
        given().contentType("application/json").body("{}").when().patch("/pacticipants/{p}", name)
                .then().statusCode(200);
        assertEquals(List.of("io.pactport.pacticipant.created.v1"), fixtures.events(name));
    }

    @Test
    void putReplacesEveryFieldAndAnswers404WhenMissing() {
        String name = PacticipantFixtures.unique("Replaced");
        given().contentType("application/json")
                .body(Map.of("name", name, "repositoryUrl", "http://old", "displayName", "Old"))
                .post("/pacticipants").then().statusCode(201);
        given().contentType("application/json").body(Map.of("repositoryName", "replaced"))
                .when().put("/pacticipants/{p}", name)
                .then().statusCode(200).body("repositoryName", equalTo("replaced")).body("repositoryUrl", nullValue())
                .body("displayName", startsWith("Replaced"));
        Map<String, Long> before = fixtures.counts();
        given().contentType("application/json").body(Map.of("repositoryName", "x"))
                .when().put("/pacticipants/{p}", "Missing-" + name).then().statusCode(404);
        assertEquals(before, fixtures.counts());
    }

    @Test
    void deleteRemovesThePacticipantAndEverythingItOwns() {
        String consumer = PacticipantFixtures.unique("Consumer");
        String provider = PacticipantFixtures.unique("Provider");
        String env = fixtures.environment(PacticipantFixtures.unique("env"));
        fixtures.branchVersion(consumer, "main", "c1");
        fixtures.tag(consumer, "c1", "prod");
        fixtures.version(provider, "p1");
        given().contentType("application/json").body("{}").put("/pacticipants/{p}/labels/{l}", consumer, "team-a")
                .then().statusCode(201);
        fixtures.pactVerifiedAndDeployed(consumer, "c1", provider, "p1", env);

        long id = fixtures.scalar("SELECT id FROM pacticipants WHERE name = ?", consumer);

        given().when().delete("/pacticipants/{p}", consumer).then().statusCode(204);

        for (String table : List.of("versions", "tags", "branches", "branch_versions", "branch_heads", "labels",
                "deployed_versions")) {
            assertEquals(0, fixtures.scalar("SELECT count(*) FROM " + table + " WHERE pacticipant_id = ?", id), table);
        }
        for (String table : List.of("pact_versions", "pact_publications", "verifications")) {
            assertEquals(0, fixtures.scalar("SELECT count(*) FROM " + table + " WHERE consumer_id = ?", id), table);
        }
        assertEquals(0, fixtures.scalar("SELECT count(*) FROM pacticipants WHERE name = ?", consumer));
        assertEquals(0, fixtures.scalar("SELECT count(*) FROM verifications v JOIN pacticipants p "
                + "ON p.id = v.provider_id WHERE p.name = ?", provider));
        assertEquals(1, fixtures.scalar("SELECT count(*) FROM versions v JOIN pacticipants p ON p.id = v.pacticipant_id "
                + "WHERE p.name = ?", provider), "the provider's version stays");
        assertEquals(1, fixtures.scalar("SELECT count(*) FROM released_versions r JOIN pacticipants p "
                + "ON p.id = r.pacticipant_id WHERE p.name = ?", provider), "the provider's release stays");
        List<String> events = fixtures.events(consumer);
        assertEquals("io.pactport.pacticipant.deleted.v1", events.get(events.size() - 1));
    }

    @Test
    void refusesMalformedJsonAndOtherContentTypesWithoutWriting() {
        Map<String, Long> before = fixtures.counts();
        given().contentType("application/json").body("{\"name\": ").when().post("/pacticipants")
                .then().statusCode(400).body("error", containsString("JSON"));
        given().contentType("text/plain").body("name=x").when().post("/pacticipants")
                .then().statusCode(415).body("error", containsString("text/plain"));
        given().contentType("application/merge-patch+json").body("{}").when().put("/pacticipants/{p}", "X")
                .then().statusCode(415);
        given().contentType("application/json").body("{\"name\": 42}").when().post("/pacticipants")
                .then().statusCode(400).body("errors.name[0]", containsString("string"));
        given().contentType("application/json").body("{\"name\": \"a\\nb\"}").when().post("/pacticipants")
                .then().statusCode(400).body("errors.name[0]", containsString("multiple lines"));
        given().contentType("application/json").body("{\"repositoryUrl\": \"x\"}").when().post("/pacticipants")
                .then().statusCode(400).body("errors.name", notNullValue());
        given().contentType("application/json").body("{\"mainBranch\": \"two words\"}")
                .when().patch("/pacticipants/{p}", "Whoever").then().statusCode(400)
                .body("errors.mainBranch[0]", containsString("spaces"));
        assertEquals(before, fixtures.counts());
    }

    @Test
    void storesSqlMetacharactersVerbatimAndRefusesOverlongNames() {
        String name = "'; DROP TABLE versions;-- " + PacticipantFixtures.unique("x");
        fixtures.version(name, "1.0.0");
        given().when().get("/pacticipants/{p}", name).then().statusCode(200).body("name", equalTo(name));
        assertEquals(1, fixtures.scalar("SELECT count(*) FROM versions v JOIN pacticipants p ON p.id = v.pacticipant_id "
                + "WHERE p.name = ?", name));

        Map<String, Long> before = fixtures.counts();
        String longName = "n".repeat(10_000);
        int status = given().contentType("application/json").body(Map.of("name", longName))
                .when().post("/pacticipants").then().extract().statusCode();
        assertEquals(400, status);
        int pathStatus = given().contentType("application/json").body("{}")
                .when().patch("/pacticipants/{p}", longName).then().extract().statusCode();
        assertEquals(4, pathStatus / 100, "a 4xx, not " + pathStatus);
        assertEquals(before, fixtures.counts());
    }

    @Test
    void listsPacticipantsByLabel() {
        String labelled = PacticipantFixtures.unique("Labelled");
        fixtures.pacticipant(PacticipantFixtures.unique("Unlabelled"));
        given().contentType("application/json").body("{}").put("/pacticipants/{p}/labels/{l}", labelled, "ui")
                .then().statusCode(201);
        given().when().get("/pacticipants/label/{l}", "ui")
                .then().statusCode(200)
                .body("_embedded.pacticipants.name", equalTo(List.of(labelled)))
                .body("_embedded.pacticipants[0]._embedded.labels[0].name", equalTo("ui"));
    }
}
