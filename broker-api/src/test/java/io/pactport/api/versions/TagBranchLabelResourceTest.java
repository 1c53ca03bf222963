package io.pactport.api.versions;

import io.pactport.api.pacticipants.PacticipantFixtures;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.assertj.core.api.Assertions.assertThat;
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
class TagBranchLabelResourceTest {

    TestDatabase database;
    PacticipantFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new PacticipantFixtures(database);
    }

    @Test
    void tagCreatesPacticipantAndVersionThenAnswers200WithoutAnEvent() {
        String p = PacticipantFixtures.unique("Condor");
        given().contentType("application/json").body("{}").when().put("/pacticipants/{p}/versions/1.3.0/tags/prod", p)
                .then().statusCode(201).contentType("application/hal+json;charset=utf-8")
                .header("Location", endsWith("/pacticipants/" + p + "/versions/1.3.0/tags/prod"))
                .body("_links.self.href", endsWith("/pacticipants/" + p + "/versions/1.3.0/tags/prod"))
                .body("_links.version.name", equalTo("1.3.0")).body("_links.pacticipant.name", equalTo(p));
        int events = fixtures.events(p).size();
        given().contentType("application/json").body("{}").when().put("/pacticipants/{p}/versions/1.3.0/tags/prod", p)
                .then().statusCode(200)
                .body("_links.self.href", endsWith("/pacticipants/" + p + "/versions/1.3.0/tags/prod"));
        assertEquals(events, fixtures.events(p).size());
        assertEquals(List.of("io.pactport.pacticipant.created.v1", "io.pactport.version.created.v1",
                "io.pactport.branch.version.added.v1", "io.pactport.tag.added.v1"), fixtures.events(p));
        given().when().get("/pacticipants/{p}/versions/1.3.0/tags/prod", p).then().statusCode(200)
                .body("name", equalTo("prod"));
    }

    @Test
    void firstTagOfAFreshVersionBecomesItsBranchButNotOfAnOldOne() {
        String p = PacticipantFixtures.unique("Foo");
        fixtures.tag(p, "new", "main");
        assertEquals(List.of("main"), fixtures.strings("SELECT bv.branch_name || ':' || bv.auto_created FROM "
                + "branch_versions bv JOIN versions v ON v.id = bv.version_id JOIN pacticipants p ON p.id = "
                + "v.pacticipant_id WHERE p.name = ? AND v.number = 'new'", p).stream()
                .map(s -> s.substring(0, s.indexOf(':'))).toList());
        assertEquals(1, fixtures.scalar("SELECT count(*) FROM branch_versions bv JOIN versions v ON v.id = "
                + "bv.version_id WHERE bv.auto_created AND v.number = 'new' AND bv.pacticipant_id = "
                + "(SELECT id FROM pacticipants WHERE name = ?)", p));
        assertEquals(1, fixtures.scalar("SELECT count(*) FROM pacticipants WHERE name = ? AND main_branch = 'main'", p));

        fixtures.version(p, "old");
        fixtures.update("UPDATE versions SET created_at = created_at - interval '1 minute' WHERE number = 'old' AND "
                + "pacticipant_id = (SELECT id FROM pacticipants WHERE name = ?)", p);
        fixtures.tag(p, "old", "feat");
        assertEquals(0, fixtures.scalar("SELECT count(*) FROM branch_versions bv JOIN versions v ON v.id = "
                + "bv.version_id WHERE v.number = 'old' AND bv.pacticipant_id = "
                + "(SELECT id FROM pacticipants WHERE name = ?)", p));
    }

    @Test
    void taggingAVersionAgainWithAMainBranchCandidateSetsTheMissingMainBranch() {
        String p = PacticipantFixtures.unique("Foo");
        fixtures.tag(p, "recent", "main");
        fixtures.version(p, "old");
        fixtures.tag(p, "old", "master");
        fixtures.update("UPDATE versions SET created_at = created_at - interval '1 minute' WHERE number = 'old' AND "
                + "pacticipant_id = (SELECT id FROM pacticipants WHERE name = ?)", p);
        String mainBranch = "SELECT coalesce(main_branch, '-') FROM pacticipants WHERE name = ?";
        String clear = "UPDATE pacticipants SET main_branch = NULL WHERE name = ?";

        fixtures.update(clear, p);
        given().contentType("application/json").body("{}").put("/pacticipants/{p}/versions/recent/tags/main", p)
                .then().statusCode(200);
        assertThat(fixtures.strings(mainBranch, p)).containsExactly("main");

        fixtures.update(clear, p);
        given().contentType("application/json").body("{}").put("/pacticipants/{p}/versions/old/tags/master", p)
                .then().statusCode(200);
        assertThat(fixtures.strings(mainBranch, p)).containsExactly("master");
    }

    @Test
    void aTagNamedLikeAnEnvironmentRecordsADeploymentThere() {
        String p = PacticipantFixtures.unique("Foo");
        String environment = PacticipantFixtures.unique("staging").toLowerCase();
        given().contentType("application/json").body("{\"name\":\"" + environment + "\",\"production\":false}")
                .when().post("/environments").then().statusCode(201);

        fixtures.tag(p, "1", environment);

        assertEquals(1, fixtures.scalar("SELECT count(*) FROM deployed_versions d JOIN currently_deployed_version_ids c"
                + " ON c.deployed_version_id = d.id WHERE d.auto_created AND d.pacticipant_id ="
                + " (SELECT id FROM pacticipants WHERE name = ?)", p));
        assertEquals("io.pactport.deployment.recorded.v1", fixtures.events(p).get(fixtures.events(p).size() - 1));
    }

    @Test
    void untagAnswers204Then404() {
        String p = PacticipantFixtures.unique("Foo");
        fixtures.tag(p, "1", "prod");
        given().when().delete("/pacticipants/{p}/versions/1/tags/prod", p).then().statusCode(204);
        given().when().delete("/pacticipants/{p}/versions/1/tags/prod", p).then().statusCode(404);
        given().when().get("/pacticipants/{p}/versions/1/tags/prod", p).then().statusCode(404);
        List<String> events = fixtures.events(p);
        assertEquals("io.pactport.tag.removed.v1", events.get(events.size() - 1));
    }

    @Test
    void branchVersionMovesTheHeadAndAnswers200WhenAlreadyThere() {
        String p = PacticipantFixtures.unique("Foo");
        given().contentType("application/json").body("{}").when().put("/pacticipants/{p}/branches/main/versions/1", p)
                .then().statusCode(201).header("Location", endsWith("/branches/main/versions/1"))
                .body("_links.'pb:branch'.name", equalTo("main")).body("_links.'pb:version'.name", equalTo("1"));
        fixtures.branchVersion(p, "main", "2");
        given().contentType("application/json").body("{}").when().put("/pacticipants/{p}/branches/main/versions/1", p)
                .then().statusCode(200);
        given().when().get("/pacticipants/{p}/branches/main/latest-version", p).then().statusCode(200)
                .body("number", equalTo("2"));
        given().when().get("/pacticipants/{p}/branches/main", p).then().statusCode(200)
                .body("name", equalTo("main")).body("_links.'pb:latest-version'.href", endsWith("/branches/main/latest-version"));
        given().when().get("/pacticipants/{p}/branches", p).then().statusCode(200)
                .body("_embedded.branches.name", equalTo(List.of("main")))
                .body("_links.'pb:branches'[0].name", equalTo("main"));
        given().when().get("/pacticipants/{p}/branches/main/versions/2", p).then().statusCode(200);
        assertEquals(2, fixtures.payloads(p, "io.pactport.branch.version.added.v1").size());
    }

    @Test
    void deletingTheHeadBranchVersionMakesTheVersionWithTheGreatestOrderTheHeadAndKeepsVersionAndBranch() {
        String p = PacticipantFixtures.unique("Foo");
        fixtures.version(p, "1");
        fixtures.version(p, "2");
        fixtures.version(p, "3");
        // added out of order: the head is the version added last (2), not the one with the greatest order (3)
        fixtures.branchVersion(p, "main", "3");
        fixtures.branchVersion(p, "main", "1");
        fixtures.branchVersion(p, "main", "2");

        given().when().delete("/pacticipants/{p}/branches/main/versions/2", p).then().statusCode(204);

        assertThat(latestOnBranch(p, "main")).isEqualTo("3");
        given().when().get("/pacticipants/{p}/branches/main/versions/2", p).then().statusCode(404);
        given().when().get("/pacticipants/{p}/versions/2", p).then().statusCode(200);
        assertThat(fixtures.strings("SELECT concat_ws(' ', payload->>'pacticipant', payload->>'branch',"
                + " payload->>'version') FROM pactport_outbox WHERE event_key = ? AND event_type ="
                + " 'io.pactport.branch.version.removed.v1'", p)).containsExactly(p + " main 2");

        // not the head: the head stays
        given().when().delete("/pacticipants/{p}/branches/main/versions/1", p).then().statusCode(204);
        assertThat(latestOnBranch(p, "main")).isEqualTo("3");

        // the last version: the branch stays, headless
        given().when().delete("/pacticipants/{p}/branches/main/versions/3", p).then().statusCode(204);
        given().when().get("/pacticipants/{p}/branches/main", p).then().statusCode(200);
        assertThat(fixtures.scalar("SELECT count(*) FROM branch_heads WHERE pacticipant_id = "
                + "(SELECT id FROM pacticipants WHERE name = ?)", p)).isZero();
        assertThat(fixtures.scalar("SELECT count(*) FROM versions WHERE pacticipant_id = "
                + "(SELECT id FROM pacticipants WHERE name = ?)", p)).isEqualTo(3);
    }

    @Test
    void aBranchVersionIsDeletedThroughAnEncodedSlashAndAMissingOneIs404ChangingNothing() {
        String p = PacticipantFixtures.unique("Foo");
        fixtures.branchVersion(p, "feat/x", "1");
        fixtures.branchVersion(p, "feat/x", "2");

        given().urlEncodingEnabled(false).when().delete("/pacticipants/" + p + "/branches/feat%2Fx/versions/2")
                .then().statusCode(204);
        assertThat(latestOnBranch(p, "feat/x")).isEqualTo("1");

        Map<String, Long> before = fixtures.counts();
        given().urlEncodingEnabled(false).when().delete("/pacticipants/" + p + "/branches/feat%2Fx/versions/2")
                .then().statusCode(404).body("error", equalTo("Version '2' of pacticipant '" + p
                        + "' is not on branch 'feat/x'"));
        given().when().delete("/pacticipants/{p}/branches/main/versions/1", p).then().statusCode(404);
        given().when().delete("/pacticipants/Nobody/branches/main/versions/1").then().statusCode(404);
        assertThat(fixtures.counts()).isEqualTo(before);
        assertThat(fixtures.payloads(p, "io.pactport.branch.version.removed.v1")).hasSize(1);
    }

    private String latestOnBranch(String p, String branch) {
        return fixtures.strings("SELECT v.number FROM branch_heads bh JOIN versions v ON v.id = bh.version_id"
                + " WHERE bh.branch_name = ? AND bh.pacticipant_id = (SELECT id FROM pacticipants WHERE name = ?)",
                branch, p).stream().findFirst().orElse(null);
    }

    @Test
    void deletingABranchKeepsItsVersions() {
        String p = PacticipantFixtures.unique("Foo");
        fixtures.branchVersion(p, "main", "1");
        given().when().delete("/pacticipants/{p}/branches/main", p).then().statusCode(204);
        given().when().get("/pacticipants/{p}/branches/main", p).then().statusCode(404);
        given().when().get("/pacticipants/{p}/versions/1", p).then().statusCode(200);
        assertEquals(0, fixtures.scalar("SELECT count(*) FROM branch_heads WHERE pacticipant_id = "
                + "(SELECT id FROM pacticipants WHERE name = ?)", p));
        List<String> events = fixtures.events(p);
        assertEquals("io.pactport.branch.deleted.v1", events.get(events.size() - 1));
    }

    @Test
    void labelsArePutReadAndRemoved() {
        String p = PacticipantFixtures.unique("Foo");
        given().contentType("application/json").body("{}").when().put("/pacticipants/{p}/labels/{l}", p, "ui")
                .then().statusCode(201).body("name", equalTo("ui"))
                .body("_links.self.href", endsWith("/pacticipants/" + p + "/labels/ui"))
                .body("_links.pacticipant.name", equalTo(p));
        given().contentType("application/json").body("{}").when().put("/pacticipants/{p}/labels/{l}", p, "ui")
                .then().statusCode(200);
        given().when().get("/pacticipants/{p}/labels/{l}", p, "ui").then().statusCode(200);
        given().when().delete("/pacticipants/{p}/labels/{l}", p, "ui").then().statusCode(204);
        given().when().delete("/pacticipants/{p}/labels/{l}", p, "ui").then().statusCode(404);
        assertEquals(List.of("io.pactport.pacticipant.created.v1", "io.pactport.label.added.v1",
                "io.pactport.label.removed.v1"), fixtures.events(p));
    }

    @Test
    void badNamesAndBodiesChangeNothing() {
        Map<String, Long> before = fixtures.counts();
        given().contentType("application/json").body("{").when().put("/pacticipants/X/versions/1/tags/prod")
                .then().statusCode(400);
        given().contentType("application/json").body("{}").when().put("/pacticipants/X/versions/1/tags/{t}", " ")
                .then().statusCode(400);
        given().contentType("application/json").body("{}")
                .when().put("/pacticipants/X/branches/{b}/versions/1", "a\u0000b").then().statusCode(400);
        given().contentType("text/plain").body("x").when().put("/pacticipants/X/labels/ui").then().statusCode(415);
        given().when().delete("/pacticipants/Nobody/branches/main").then().statusCode(404);
        given().when().delete("/pacticipants/Nobody/labels/ui").then().statusCode(404);
        assertEquals(before, fixtures.counts());
    }
}
