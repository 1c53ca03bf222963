package io.pactport.api;

import static io.pactport.api.Callers.FOR_VERIFICATION;
import static io.pactport.api.Callers.WRITE_PATH;
import static io.pactport.api.Callers.anonymous;
import static io.pactport.api.Callers.passed;
import static io.pactport.api.Callers.writer;

import io.pactport.core.testing.KafkaResource;
import io.pactport.core.testing.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(Callers.PublicRead.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class PublicReadAuthTest {

    @Test
    void anyoneReads() {
        anonymous().when().get("/").then().statusCode(200);
        anonymous().when().get("/diagnostic/status/heartbeat").then().statusCode(200);
        anonymous().when().get("/no-such-resource").then().statusCode(404);
        passed(anonymous().contentType("application/json").body("{}").when().post(FOR_VERIFICATION));
    }

    @Test
    void writingStillNeedsTheReadWriteUser() {
        anonymous()
                .contentType("application/json")
                .body("{\"name\":\"Foo\"}")
                .when()
                .put(WRITE_PATH)
                .then()
                .statusCode(401)
                .header("WWW-Authenticate", "Basic realm=\"Restricted area\"");
        anonymous().when().delete(WRITE_PATH).then().statusCode(401);
        passed(writer().contentType("application/json")
                .body("{\"name\":\"Foo\"}")
                .when()
                .put(WRITE_PATH));
    }
}
