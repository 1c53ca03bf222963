package io.pactport.api;

import static io.pactport.api.Callers.FOR_VERIFICATION;
import static io.pactport.api.Callers.WRITE_PATH;
import static io.pactport.api.Callers.anonymous;
import static io.pactport.api.Callers.user;
import static io.pactport.api.LockedAuthTest.PASSED;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;

import io.pactport.core.testing.KafkaResource;
import io.pactport.core.testing.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** No user and no token configured: a broker open to everyone, as a Pact Broker without basic auth is. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class AuthOffTest {

    @Test
    void everythingIsOpen() {
        anonymous().when().get("/").then().statusCode(200);
        anonymous().contentType("application/json").body("{\"name\":\"Foo\"}")
                .when().put(WRITE_PATH).then().statusCode(PASSED);
        anonymous().when().delete(WRITE_PATH).then().statusCode(PASSED);
        anonymous().contentType("application/json").body("{}")
                .when().post(FOR_VERIFICATION).then().statusCode(PASSED);
        user("anyone", "anything").when().get("/").then().statusCode(200);
    }

    @Test
    void theHeartbeatLinksToItself() {
        anonymous().header("Host", "broker.example:8443")
                .when().get("/diagnostic/status/heartbeat")
                .then().statusCode(200)
                .contentType("application/hal+json;charset=utf-8")
                .body("ok", is(true))
                .body("_links.self.href", equalTo("http://broker.example:8443/diagnostic/status/heartbeat"));
    }
}
