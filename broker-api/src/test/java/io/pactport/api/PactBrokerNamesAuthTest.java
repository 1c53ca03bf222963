package io.pactport.api;

import static io.pactport.api.Callers.WRITE_PATH;
import static io.pactport.api.Callers.anonymous;
import static io.pactport.api.Callers.passed;
import static io.pactport.api.Callers.reader;
import static io.pactport.api.Callers.writer;
import static org.assertj.core.api.Assertions.assertThat;

import io.pactport.core.auth.AuthFilter;
import io.pactport.core.testing.KafkaResource;
import io.pactport.core.testing.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

/** A team starts Pactport with its Pact Broker's PACT_BROKER_* environment, read through broker-core's legacy names. */
@QuarkusTest
@TestProfile(Callers.PactBrokerNames.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class PactBrokerNamesAuthTest {

    @Test
    void theOldUsersWork() {
        anonymous().when().get("/").then().statusCode(401);
        reader().when().get("/").then().statusCode(200);
        reader().when().delete(WRITE_PATH).then().statusCode(403);
        passed(writer().when().delete(WRITE_PATH));
    }

    @Test
    void theOldBadgeSettingMakesBadgesNeedReadCredentials() {
        Response anonymousBadge = anonymous().when().get(Callers.BADGE);
        assertThat(anonymousBadge.statusCode()).isEqualTo(401);
        assertThat(anonymousBadge.asString()).isEqualTo(AuthFilter.UNAUTHORIZED);
        Response readerBadge = reader().when().get(Callers.BADGE);
        assertThat(readerBadge.statusCode()).isEqualTo(200);
        assertThat(readerBadge.contentType()).startsWith("image/svg+xml");
    }

    @Test
    void theOldPublicHeartbeatWorks() {
        JsonPath json = anonymous()
                .when()
                .get("/diagnostic/status/heartbeat")
                .then()
                .statusCode(200)
                .contentType("application/hal+json;charset=utf-8")
                .extract()
                .jsonPath();
        assertThat(json.getBoolean("ok")).isTrue();
        assertThat(json.getString("_links.self.href")).endsWith("/diagnostic/status/heartbeat");
    }
}
