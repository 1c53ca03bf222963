package io.pactport.api.badges;

import static io.pactport.api.ApiFixture.pact;
import static io.pactport.api.ApiFixture.putPact;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.pactport.core.pact.PactContent;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.w3c.dom.Element;

/** Pacts, verifications and tags built through the API for the badge tests, and what a drawn badge says. */
final class BadgeFixtures {

    private BadgeFixtures() {}

    /** What a drawn badge shows. */
    record Shown(String label, String message, String fill) {}

    /** Publishes the consumer version's pact, with content of its own unless {@code content} repeats one. */
    static String publish(String consumer, String version, String provider, String content) {
        String pact = pact(consumer, provider, content);
        putPact(consumer, provider, version, pact).statusCode(201);
        return PactContent.parse(pact).sha();
    }

    static void verify(String consumer, String provider, String sha, String providerVersion, boolean success) {
        verify(consumer, provider, sha, providerVersion, success, "");
    }

    /** A verification that says the pact was pending for the provider, as pacts-for-verification's metadata does. */
    static void verifyPending(String consumer, String provider, String sha, String providerVersion) {
        String metadata =
                Base64.getUrlEncoder().withoutPadding().encodeToString("p=true".getBytes(StandardCharsets.UTF_8));
        verify(consumer, provider, sha, providerVersion, false, "/metadata/" + metadata);
    }

    private static void verify(
            String consumer, String provider, String sha, String providerVersion, boolean success, String metadata) {
        int status = given().contentType("application/json")
                .body("{\"success\":" + success + ",\"providerApplicationVersion\":\"" + providerVersion + "\"}")
                .when()
                .post(
                        "/pacts/provider/{p}/consumer/{c}/pact-version/{sha}" + metadata + "/verification-results",
                        provider,
                        consumer,
                        sha)
                .statusCode();
        assertThat(status).isEqualTo(201);
    }

    static void tag(String pacticipant, String version, String tag) {
        int status = given().contentType("application/json")
                .body("{}")
                .when()
                .put("/pacticipants/{p}/versions/{v}/tags/{t}", pacticipant, version, tag)
                .statusCode();
        assertThat(status).isEqualTo(201);
    }

    /** A drawn badge's answer, checked for what every badge answer has: 200, SVG, never cached. */
    static Shown shown(Response response) {
        return shown(response, "no-cache");
    }

    /** A drawn badge's answer: 200, SVG, cached as {@code cacheControl} says. */
    static Shown shown(Response response, String cacheControl) {
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("image/svg+xml");
        assertThat(response.header("Cache-Control")).isEqualTo(cacheControl);
        Element svg = BadgeSvgTest.parse(response.asString()).getDocumentElement();
        Element message = (Element) svg.getElementsByTagName("rect").item(2);
        return new Shown(
                svg.getElementsByTagName("text").item(1).getTextContent(),
                svg.getElementsByTagName("text").item(3).getTextContent(),
                message.getAttribute("fill"));
    }

    static Shown get(String path, Object... pathParams) {
        return shown(given().when().get(path, pathParams));
    }
}
