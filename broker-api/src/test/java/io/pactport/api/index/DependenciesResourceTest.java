package io.pactport.api.index;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import io.pactport.core.testing.KafkaResource;
import io.pactport.core.testing.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** {@code GET /diagnostic/status/dependencies} while the database answers; DatabaseOutageTest covers when it does not. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class DependenciesResourceTest {

    @Test
    void reportsTheDatabaseOk() {
        given().when()
                .get("/diagnostic/status/dependencies")
                .then()
                .statusCode(200)
                .contentType("application/hal+json")
                .body("database.ok", equalTo(true))
                .body("_links.self.href", endsWith("/diagnostic/status/dependencies"));
    }

    @Test
    void isReadOnly() {
        given().when().delete("/diagnostic/status/dependencies").then().statusCode(405);
    }
}
