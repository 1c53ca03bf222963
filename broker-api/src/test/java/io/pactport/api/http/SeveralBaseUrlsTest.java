package io.pactport.api.http;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.pactport.core.testing.KafkaResource;
import io.pactport.core.testing.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Several base URLs, set as a Pact Broker operator sets them: each client gets the one it asked for. */
@QuarkusTest
@TestProfile(SeveralBaseUrlsTest.SeveralNames.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class SeveralBaseUrlsTest {

    public static class SeveralNames implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "PACT_BROKER_BASE_URL",
                    "https://broker.example.org http://broker.internal:9292/",
                    "PACT_BROKER_BASE_URLS",
                    "https://pact.example.com");
        }
    }

    private static String indexSelf(String proto, String host) {
        return given().header("X-Forwarded-Proto", proto)
                .header("X-Forwarded-Host", host)
                .when()
                .get("/")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getString("_links.self.href");
    }

    @Test
    void eachClientGetsTheBaseUrlItAskedFor() {
        assertThat(indexSelf("https", "broker.example.org")).isEqualTo("https://broker.example.org");
        assertThat(indexSelf("http", "broker.internal:9292")).isEqualTo("http://broker.internal:9292");
        assertThat(indexSelf("https", "pact.example.com")).isEqualTo("https://pact.example.com");
    }

    @Test
    void aClientThatAskedForNoneOfThemGetsTheFirst() {
        assertThat(indexSelf("https", "attacker.example.net")).isEqualTo("https://broker.example.org");
        assertThat(given().when().get("/").then().extract().jsonPath().getString("_links.self.href"))
                .isEqualTo("https://broker.example.org");
    }
}
