package io.pactport.api.http;

import static io.pactport.api.ApiFixture.pact;
import static io.pactport.api.ApiFixture.putPact;
import static io.pactport.api.ApiFixture.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.pactport.core.testing.KafkaResource;
import io.pactport.core.testing.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** With no base URL set, links follow what a reverse proxy says the client asked for. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class ForwardedLinksTest {

    private static String indexSelf(String... headers) {
        var request = given();
        for (int i = 0; i < headers.length; i += 2) {
            request = request.header(headers[i], headers[i + 1]);
        }
        return request.when()
                .get("/")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getString("_links.self.href");
    }

    @Test
    void xForwardedHeadersShapeTheLinks() {
        assertThat(indexSelf("X-Forwarded-Proto", "https", "X-Forwarded-Host", "broker.example.org"))
                .isEqualTo("https://broker.example.org");
        assertThat(indexSelf(
                        "X-Forwarded-Proto", "https",
                        "X-Forwarded-Host", "broker.example.org",
                        "X-Forwarded-Port", "8443"))
                .isEqualTo("https://broker.example.org:8443");
    }

    @Test
    void theStandardForwardedHeaderShapesTheLinks() {
        assertThat(indexSelf("Forwarded", "for=10.0.0.1;proto=https;host=broker.example.org"))
                .isEqualTo("https://broker.example.org");
    }

    @Test
    void aForwardedPrefixIsKeptInTheLinks() {
        assertThat(indexSelf(
                        "X-Forwarded-Proto", "https",
                        "X-Forwarded-Host", "example.org",
                        "X-Forwarded-Prefix", "/pact-broker"))
                .isEqualTo("https://example.org/pact-broker");
    }

    @Test
    void aPrefixThatIsNotAPathIsIgnored() {
        assertThat(indexSelf("X-Forwarded-Host", "example.org", "X-Forwarded-Prefix", "/a\"><script>"))
                .isEqualTo("http://example.org");
    }

    @Test
    void aVerifierBehindTlsTerminationIsGivenAnHttpsLinkToPublishItsResults() {
        String consumer = unique("Consumer");
        String provider = unique("Provider");
        putPact(consumer, provider, "1.0.0", pact(consumer, provider, "a request"))
                .statusCode(201);
        String link = given().header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", "broker.example.org")
                .when()
                .get("/pacts/provider/{p}/consumer/{c}/version/1.0.0", provider, consumer)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getString("_links.'pb:publish-verification-results'.href");
        assertThat(link).startsWith("https://broker.example.org/pacts/provider/" + provider + "/consumer/");
    }
}
