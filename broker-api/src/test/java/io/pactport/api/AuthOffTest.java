package io.pactport.api;

import static io.pactport.api.Callers.FOR_VERIFICATION;
import static io.pactport.api.Callers.WRITE_PATH;
import static io.pactport.api.Callers.anonymous;
import static io.pactport.api.Callers.passed;
import static io.pactport.api.Callers.user;
import static org.assertj.core.api.Assertions.assertThat;

import io.pactport.core.testing.KafkaResource;
import io.pactport.core.testing.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

/** No user and no token configured: a broker open to everyone, as a Pact Broker without basic auth is. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class AuthOffTest {

    @Test
    void everythingIsOpen() {
        anonymous().when().get("/").then().statusCode(200);
        passed(anonymous()
                .contentType("application/json")
                .body("{\"name\":\"Foo\"}")
                .when()
                .put(WRITE_PATH));
        passed(anonymous().when().delete(WRITE_PATH));
        passed(anonymous().contentType("application/json").body("{}").when().post(FOR_VERIFICATION));
        user("anyone", "anything").when().get("/").then().statusCode(200);
    }

    @Test
    void theHeartbeatLinksToItself() {
        JsonPath json = anonymous()
                .header("Host", "broker.example:8443")
                .when()
                .get("/diagnostic/status/heartbeat")
                .then()
                .statusCode(200)
                .contentType("application/hal+json;charset=utf-8")
                .extract()
                .jsonPath();
        assertThat(json.getBoolean("ok")).isTrue();
        assertThat(json.getString("_links.self.href"))
                .isEqualTo("http://broker.example:8443/diagnostic/status/heartbeat");
    }
}
