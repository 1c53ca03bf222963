package io.pactport.api.index;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.pactport.core.testing.KafkaResource;
import io.pactport.core.testing.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class IndexResourceTest {

    @Test
    void servesTheRelsClientsNavigateBy() {
        Response response = given().accept("application/hal+json")
                .when()
                .get("/")
                .then()
                .statusCode(200)
                .header("X-Pact-Broker-Version", "2.120.0")
                .extract()
                .response();
        assertThat(response.contentType()).startsWith("application/hal+json");
        JsonPath json = response.jsonPath();
        assertThat(json.getString("_links.'pb:publish-contracts'.href")).endsWith("/contracts/publish");
        assertThat(json.getString("_links.'pb:publish-pact'.href"))
                .endsWith("/pacts/provider/{provider}/consumer/{consumer}/version/{consumerApplicationVersion}");
        assertThat(json.getBoolean("_links.'pb:publish-pact'.templated")).isTrue();
        assertThat(json.getString("_links.'pb:provider-pacts-for-verification'.href"))
                .endsWith("/pacts/provider/{provider}/for-verification");
        assertThat(json.getString("_links.'pb:pacticipant-branch-version'.href"))
                .endsWith("/pacticipants/{pacticipant}/branches/{branch}/versions/{version}");
        assertThat(json.getString("_links.'pb:can-i-deploy-pacticipant-version-to-environment'.href"))
                .endsWith("/can-i-deploy?pacticipant={pacticipant}&version={version}&environment={environment}");
        assertThat(json.getString("_links.'pb:environments'.href")).endsWith("/environments");
        assertThat(json.getList("_links.curies.name")).contains("pb", "beta");
    }

    @Test
    void linksAreBuiltFromTheRequestWhenNoBaseUrlIsSet() {
        JsonPath json = given().header("Host", "broker.example:8443")
                .when()
                .get("/")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(json.getString("_links.self.href")).isEqualTo("http://broker.example:8443");
        assertThat(json.getString("_links.'pb:pacticipants'.href"))
                .isEqualTo("http://broker.example:8443/pacticipants");
    }

    @Test
    void everyResponseCarriesTheVersionHeader() {
        given().when().get("/no-such-resource").then().statusCode(404).header("X-Pact-Broker-Version", "2.120.0");
    }
}
