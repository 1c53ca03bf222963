package io.pactport.api.pacticipants;

import static io.pactport.api.ApiFixture.events;
import static io.pactport.api.ApiFixture.unique;
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

@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class LabelResourceTest {

    TestDatabase database;

    @Test
    void labelsArePutReadAndRemoved() {
        String p = unique("Foo");
        JsonPath json = given().contentType("application/json")
                .body("{}")
                .when()
                .put("/pacticipants/{p}/labels/{l}", p, "ui")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
        assertThat(json.getString("name")).isEqualTo("ui");
        assertThat(json.getString("_links.self.href")).endsWith("/pacticipants/" + p + "/labels/ui");
        assertThat(json.getString("_links.pacticipant.name")).isEqualTo(p);
        given().contentType("application/json")
                .body("{}")
                .when()
                .put("/pacticipants/{p}/labels/{l}", p, "ui")
                .then()
                .statusCode(200);
        given().when().get("/pacticipants/{p}/labels/{l}", p, "ui").then().statusCode(200);
        given().when().delete("/pacticipants/{p}/labels/{l}", p, "ui").then().statusCode(204);
        given().when().delete("/pacticipants/{p}/labels/{l}", p, "ui").then().statusCode(404);
        assertThat(events(database, p))
                .isEqualTo(List.of(
                        "io.pactport.pacticipant.created.v1",
                        "io.pactport.label.added.v1",
                        "io.pactport.label.removed.v1"));
    }
}
