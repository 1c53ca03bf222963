package io.pactport.api.http;

import static io.pactport.api.ApiFixture.pacticipant;
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
import org.junit.jupiter.api.Test;

/** Lists page as the Pact Broker's do, and no page is larger than the cap, whatever the client asks for. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class PagingTest {

    TestDatabase database;

    private static JsonPath get(String path) {
        return given().get(path).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void versionsPageNewestFirstWithNextAndPreviousLinks() {
        String p = unique("Paged");
        for (int i = 1; i <= 5; i++) {
            version(p, "1.0." + i);
        }
        JsonPath first = get("/pacticipants/" + p + "/versions?size=2&page=1");
        assertThat(first.getList("_embedded.versions.number")).containsExactly("1.0.5", "1.0.4");
        assertThat(first.getInt("page.number")).isEqualTo(1);
        assertThat(first.getInt("page.size")).isEqualTo(2);
        assertThat(first.getInt("page.totalElements")).isEqualTo(5);
        assertThat(first.getInt("page.totalPages")).isEqualTo(3);
        assertThat(first.getString("_links.next.href")).endsWith("/pacticipants/" + p + "/versions?size=2&page=2");
        assertThat(first.getString("_links.previous")).isNull();

        JsonPath last = get(first.getString("_links.next.href")
                .replaceFirst("^https?://[^/]+", "")
                .replace("page=2", "page=3"));
        assertThat(last.getList("_embedded.versions.number")).containsExactly("1.0.1");
        assertThat(last.getString("_links.next")).isNull();
        assertThat(last.getString("_links.previous.href")).endsWith("/versions?size=2&page=2");

        JsonPath legacy = get("/pacticipants/" + p + "/versions?pageNumber=2&pageSize=4");
        assertThat(legacy.getList("_embedded.versions.number")).containsExactly("1.0.1");
    }

    @Test
    void withoutPagingParametersTheWholeListComesAsInThePactBroker() {
        String p = unique("Whole");
        for (int i = 1; i <= 3; i++) {
            version(p, "2.0." + i);
        }
        JsonPath all = get("/pacticipants/" + p + "/versions");
        assertThat(all.getList("_embedded.versions")).hasSize(3);
        assertThat(all.getMap("page")).isNull();
    }

    @Test
    void aPageIsNeverLargerThanTheCap() {
        String p = unique("Capped");
        version(p, "1");
        JsonPath huge = get("/pacticipants/" + p + "/versions?pageSize=100000000");
        assertThat(huge.getInt("page.size")).isEqualTo(1000);
        assertThat(get("/pacticipants?size=2147483647").getInt("page.size")).isEqualTo(1000);
    }

    @Test
    void pageNumbersThatAreNotWholeNumbersFromOneAreRefused() {
        String p = unique("Refused");
        version(p, "1");
        for (String query : List.of("page=0", "size=-1", "pageSize=abc", "pageNumber=1.5", "size=99999999999")) {
            String field = query.substring(0, query.indexOf('='));
            String message = given().get("/pacticipants/" + p + "/versions?" + query)
                    .then()
                    .statusCode(400)
                    .extract()
                    .jsonPath()
                    .getString("errors." + field + "[0]");
            assertThat(message).as(query).contains("whole number");
        }
    }

    @Test
    void pacticipantsPageByNameAndByLabel() {
        String label = unique("team");
        List<String> names = List.of(unique("a-svc"), unique("b-svc"), unique("c-svc"));
        for (String name : names) {
            pacticipant(name);
            given().put("/pacticipants/" + name + "/labels/" + label).then().statusCode(201);
        }
        JsonPath page = get("/pacticipants/label/" + label + "?size=2&page=2");
        assertThat(page.getList("_embedded.pacticipants.name")).containsExactly(names.get(2));
        assertThat(page.getInt("page.totalElements")).isEqualTo(3);
        assertThat(page.getString("_links.previous.href")).endsWith("/pacticipants/label/" + label + "?size=2&page=1");
        JsonPath all = get("/pacticipants?pageSize=1");
        assertThat(all.getList("_embedded.pacticipants")).hasSize(1);
        assertThat(all.getInt("page.totalElements")).isGreaterThanOrEqualTo(3);
    }
}
