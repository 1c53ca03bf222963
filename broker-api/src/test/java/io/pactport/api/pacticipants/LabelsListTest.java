package io.pactport.api.pacticipants;

import static io.pactport.api.ApiFixture.column;
import static io.pactport.api.ApiFixture.count;
import static io.pactport.api.ApiFixture.getJson;
import static io.pactport.api.ApiFixture.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.notNullValue;

import io.pactport.core.testing.KafkaResource;
import io.pactport.core.testing.PostgresResource;
import io.pactport.core.testing.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code GET /labels}: every label name once, alphabetically, whole or paged as the Pact Broker pages it. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class LabelsListTest {

    TestDatabase database;

    @Test
    void eachLabelNameOnceAlphabeticallyWholeOrPaged() {
        String label = unique("team");
        String condor = unique("Condor");
        for (String pacticipant : List.of(condor, unique("Pricing"))) {
            given().contentType("application/json")
                    .body("{}")
                    .when()
                    .put("/pacticipants/{p}/labels/{l}", pacticipant, label)
                    .then()
                    .statusCode(201);
        }
        given().contentType("application/json")
                .body("{}")
                .when()
                .put("/pacticipants/{p}/labels/{l}", condor, unique("domain"))
                .then()
                .statusCode(201);
        List<String> names = column(database, "SELECT DISTINCT name FROM labels ORDER BY name");

        JsonPath all = getJson("/labels");
        assertThat(all.getList("_embedded.labels.name")).isEqualTo(names).contains(label);
        assertThat(all.getList("_embedded.labels.name").stream().filter(label::equals))
                .hasSize(1);
        assertThat(all.getMap("_embedded.labels[0]")).containsOnlyKeys("name");
        assertThat(all.getString("_links.self.title")).isEqualTo("Labels");
        assertThat(all.getString("_links.self.href")).endsWith("/labels");
        assertThat(all.getString("page")).isNull();

        JsonPath paged = getJson("/labels?size=1&page=1");
        assertThat(paged.getList("_embedded.labels.name")).containsExactly(names.get(0));
        assertThat(paged.getLong("page.totalElements"))
                .isEqualTo(count(database, "SELECT count(DISTINCT name) FROM labels"));
        assertThat(paged.getString("_links.next.href")).endsWith("/labels?size=1&page=2");
    }

    @Test
    void aPageThatIsNotAWholeNumberIs400() {
        given().when().get("/labels?page=first").then().statusCode(400).body("errors.page", notNullValue());
    }
}
