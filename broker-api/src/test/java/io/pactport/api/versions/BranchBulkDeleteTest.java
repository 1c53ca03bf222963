package io.pactport.api.versions;

import static io.pactport.api.ApiFixture.branch;
import static io.pactport.api.ApiFixture.count;
import static io.pactport.api.ApiFixture.counts;
import static io.pactport.api.ApiFixture.getJson;
import static io.pactport.api.ApiFixture.payloads;
import static io.pactport.api.ApiFixture.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.pactport.core.testing.KafkaResource;
import io.pactport.core.testing.PostgresResource;
import io.pactport.core.testing.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

/**
 * {@code DELETE /pacticipants/{p}/branches}: every branch but the main branch and the excluded ones goes (each with
 * its {@code branch.deleted} event), the versions and the kept branches' heads stay, and the answer is the Pact
 * Broker's 202 notice.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class BranchBulkDeleteTest {

    TestDatabase database;

    @Test
    void allButTheMainBranchAndTheExcludedOnesAreDeletedWithTheirEvents() {
        String p = unique("Condor");
        branch(p, "main", "1");
        branch(p, "keep", "2");
        branch(p, "feat-a", "3");
        branch(p, "feat-a", "4");
        branch(p, "feat-b", "5");

        JsonPath answer = given().when()
                .delete("/pacticipants/{p}/branches?exclude[]=keep", p)
                .then()
                .statusCode(202)
                .contentType("application/hal+json")
                .extract()
                .jsonPath();

        assertThat(answer.getString("notices[0].type")).isEqualTo("success");
        assertThat(answer.getString("notices[0].text"))
                .isEqualTo("Scheduled deletion of 2 branches for pacticipant " + p
                        + ". Remaining branches are: main, keep");
        assertThat(getJson("/pacticipants/{p}/branches", p).getList("_embedded.branches.name"))
                .containsExactlyInAnyOrder("main", "keep");
        assertThat(getJson("/pacticipants/{p}/branches/keep/latest-version", p).getString("number"))
                .isEqualTo("2");
        assertThat(count(
                        database,
                        "SELECT count(*) FROM versions v JOIN pacticipants p ON p.id = v.pacticipant_id"
                                + " WHERE p.name = ?",
                        p))
                .isEqualTo(5);
        assertThat(payloads(database, p, "io.pactport.branch.deleted.v1"))
                .hasSize(2)
                .anySatisfy(event ->
                        assertThat(JsonPath.from(event).getList("versions")).containsExactly("3", "4"))
                .anySatisfy(event ->
                        assertThat(JsonPath.from(event).getString("branch")).isEqualTo("feat-b"));
    }

    @Test
    void anUnknownPacticipantIs404AndChangesNothing() {
        var before = counts(database);

        given().when()
                .delete("/pacticipants/{p}/branches", unique("Nobody"))
                .then()
                .statusCode(404);

        assertThat(counts(database)).isEqualTo(before);
    }
}
