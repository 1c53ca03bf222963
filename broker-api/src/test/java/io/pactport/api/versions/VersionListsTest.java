package io.pactport.api.versions;

import static io.pactport.api.ApiFixture.branch;
import static io.pactport.api.ApiFixture.getJson;
import static io.pactport.api.ApiFixture.tag;
import static io.pactport.api.ApiFixture.unique;
import static io.pactport.api.ApiFixture.version;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.notNullValue;

import io.pactport.core.testing.KafkaResource;
import io.pactport.core.testing.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

/**
 * The version lists of a branch and of a tag, and the pacticipant's branch list: newest (or most recently used) first,
 * in the Pact Broker's HAL, paged with {@code page}/{@code size}, a {@code page} object and next/previous links.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class VersionListsTest {

    @Test
    void aBranchsVersionsNewestFirstWholeOrPaged() {
        String p = unique("Condor");
        branch(p, "feat", "1");
        branch(p, "feat", "2");
        version(p, "3");
        branch(p, "feat", "4");

        JsonPath all = getJson("/pacticipants/{p}/branches/feat/versions", p);
        assertThat(all.getList("_embedded.versions.number")).containsExactly("4", "2", "1");
        assertThat(all.getString("_links.self.title")).isEqualTo("Versions for branch feat of " + p);
        assertThat(all.getString("_links.self.href")).endsWith("/pacticipants/" + p + "/branches/feat/versions");
        assertThat(all.getList("_links.'pb:versions'.href")).hasSize(3);
        assertThat(all.getString("page")).isNull();

        JsonPath first = getJson("/pacticipants/{p}/branches/feat/versions?size=2", p);
        assertThat(first.getList("_embedded.versions.number")).containsExactly("4", "2");
        assertThat(first.getInt("page.totalElements")).isEqualTo(3);
        assertThat(first.getInt("page.totalPages")).isEqualTo(2);
        assertThat(first.getString("_links.next.href")).endsWith("/branches/feat/versions?size=2&page=2");
        JsonPath second = getJson(first.getString("_links.next.href"));
        assertThat(second.getList("_embedded.versions.number")).containsExactly("1");
        assertThat(second.getString("_links.previous.href")).endsWith("?size=2&page=1");
        assertThat(second.getString("_links.next")).isNull();
    }

    @Test
    void aTagsVersionsNewestFirstWholeOrPaged() {
        String p = unique("Condor");
        tag(p, "1", "prod");
        tag(p, "2", "dev");
        tag(p, "3", "prod");

        JsonPath all = getJson("/pacticipants/{p}/tags/prod/versions", p);
        assertThat(all.getList("_embedded.versions.number")).containsExactly("3", "1");
        assertThat(all.getString("_links.self.title")).isEqualTo("All application versions of " + p);
        assertThat(all.getString("_links.'pb:pacticipant'.title")).isEqualTo(p);
        JsonPath paged = getJson("/pacticipants/{p}/tags/prod/versions?pageNumber=2&pageSize=1", p);
        assertThat(paged.getList("_embedded.versions.number")).containsExactly("1");
        assertThat(paged.getInt("page.number")).isEqualTo(2);
        assertThat(paged.getString("_links.previous.href")).endsWith("/tags/prod/versions?size=1&page=1");
    }

    @Test
    void anUnknownBranchTagOrPacticipantIs404AndABadPageIs400() {
        String p = unique("Condor");
        branch(p, "feat", "1");
        tag(p, "1", "prod");

        for (String path : new String[] {
            "/pacticipants/{p}/branches/nope/versions",
            "/pacticipants/{p}/tags/nope/versions",
            "/pacticipants/{p}x/tags/prod/versions",
            "/pacticipants/{p}x/branches/feat/versions"
        }) {
            given().when().get(path, p).then().statusCode(404).body("error", notNullValue());
        }
        given().when()
                .get("/pacticipants/{p}/branches/feat/versions?page=0", p)
                .then()
                .statusCode(400)
                .body("errors.page", notNullValue());
        given().when()
                .get("/pacticipants/{p}/tags/prod/versions?size=many", p)
                .then()
                .statusCode(400)
                .body("errors.size", notNullValue());
    }

    @Test
    void theBranchListIsAlwaysPagedAndFilteredByQ() {
        String p = unique("Condor");
        branch(p, "main", "1");
        branch(p, "feat-a", "2");
        branch(p, "feat-b", "3");

        JsonPath all = getJson("/pacticipants/{p}/branches", p);
        assertThat(all.getList("_embedded.branches.name")).containsExactlyInAnyOrder("main", "feat-a", "feat-b");
        assertThat(all.getInt("page.number")).isEqualTo(1);
        assertThat(all.getInt("page.size")).isEqualTo(100);
        assertThat(all.getInt("page.totalElements")).isEqualTo(3);
        JsonPath paged = getJson("/pacticipants/{p}/branches?size=2", p);
        assertThat(paged.getList("_embedded.branches")).hasSize(2);
        assertThat(paged.getString("_links.next.href")).endsWith("/branches?size=2&page=2");
        JsonPath filtered = getJson("/pacticipants/{p}/branches?q=FEAT", p);
        assertThat(filtered.getList("_embedded.branches.name")).containsExactlyInAnyOrder("feat-a", "feat-b");
        assertThat(getJson("/pacticipants/{p}/branches?q=%25", p).getList("_embedded.branches"))
                .isEmpty();
    }
}
