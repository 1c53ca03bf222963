package io.pactport.api.index;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;

import io.pactport.core.testing.KafkaResource;
import io.pactport.core.testing.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class IndexResourceTest {

    @Test
    void servesTheRelsClientsNavigateBy() {
        given().accept("application/hal+json")
                .when().get("/")
                .then().statusCode(200)
                .contentType(startsWith("application/hal+json"))
                .header("X-Pact-Broker-Version", "2.120.0")
                .body("_links.'pb:publish-contracts'.href", endsWith("/contracts/publish"))
                .body("_links.'pb:publish-pact'.href",
                        endsWith("/pacts/provider/{provider}/consumer/{consumer}/version/{consumerApplicationVersion}"))
                .body("_links.'pb:publish-pact'.templated", equalTo(true))
                .body("_links.'pb:provider-pacts-for-verification'.href",
                        endsWith("/pacts/provider/{provider}/for-verification"))
                .body("_links.'pb:pacticipant-branch-version'.href",
                        endsWith("/pacticipants/{pacticipant}/branches/{branch}/versions/{version}"))
                .body("_links.'pb:can-i-deploy-pacticipant-version-to-environment'.href", endsWith(
                        "/can-i-deploy?pacticipant={pacticipant}&version={version}&environment={environment}"))
                .body("_links.'pb:environments'.href", endsWith("/environments"))
                .body("_links.curies.name", hasItems("pb", "beta"));
    }

    @Test
    void linksAreBuiltFromTheRequestWhenNoBaseUrlIsSet() {
        given().header("Host", "broker.example:8443")
                .when().get("/")
                .then().statusCode(200)
                .body("_links.self.href", equalTo("http://broker.example:8443"))
                .body("_links.'pb:pacticipants'.href", equalTo("http://broker.example:8443/pacticipants"));
    }

    @Test
    void everyResponseCarriesTheVersionHeader() {
        given().when().get("/no-such-resource")
                .then().statusCode(404)
                .header("X-Pact-Broker-Version", "2.120.0");
    }
}
