package io.pactport.api.pactsforverification;

import io.pactport.api.pacts.MetadataCodec;
import io.pactport.api.pacts.PactFixtures;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * Builds what pacts for verification reads, through the API as a CI pipeline would: consumer versions with pacts,
 * branches and tags, environments with deployments and releases, provider verifications.
 */
final class PactsForVerificationFixtures {

    private PactsForVerificationFixtures() {
    }

    /** Publishes a pact for the consumer version, with content that differs for each {@code content}. */
    public static void publish(String consumer, String provider, String version, String content) {
        int status = PactFixtures.put(consumer, provider, version, PactFixtures.pact(consumer, provider, content))
                .extract().statusCode();
        assertThat(status).isIn(200, 201);
    }

    public static void branch(String pacticipant, String branch, String version) {
        int status = given().contentType("application/json").body("{}")
                .when().put("/pacticipants/{p}/branches/{b}/versions/{v}", pacticipant, branch, version)
                .then().extract().statusCode();
        assertThat(status).isLessThan(300);
    }

    public static void tag(String pacticipant, String version, String tag) {
        int status = given().contentType("application/json").body("{}")
                .when().put("/pacticipants/{p}/versions/{v}/tags/{t}", pacticipant, version, tag)
                .then().extract().statusCode();
        assertThat(status).isLessThan(300);
    }

    /** Creates the environment; answers its uuid. */
    public static String environment(String name, boolean production) {
        return given().contentType("application/json")
                .body("{\"name\":\"" + name + "\",\"production\":" + production + "}")
                .when().post("/environments")
                .then().statusCode(201).extract().path("uuid");
    }

    public static void deploy(String pacticipant, String version, String environmentUuid) {
        given().contentType("application/json").body("{}")
                .when().post("/pacticipants/{p}/versions/{v}/deployed-versions/environment/{e}", pacticipant, version,
                        environmentUuid)
                .then().statusCode(201);
    }

    public static void release(String pacticipant, String version, String environmentUuid) {
        given().contentType("application/json").body("{}")
                .when().post("/pacticipants/{p}/versions/{v}/released-versions/environment/{e}", pacticipant, version,
                        environmentUuid)
                .then().statusCode(201);
    }

    /** POSTs the query; answers the 200 response's JSON. */
    public static JsonPath forVerification(String provider, String query) {
        return given().contentType("application/json").body(query)
                .when().post("/pacts/provider/{p}/for-verification", provider)
                .then().statusCode(200).contentType("application/hal+json;charset=utf-8")
                .extract().jsonPath();
    }

    /** The consumer version number of each pact in the response, in order. */
    public static List<String> versions(JsonPath response) {
        return response.getList("_embedded.pacts._links.self.name").stream()
                .map(name -> ((String) name).replaceAll("^Pact between .* \\((.*)\\) and .*$", "$1")).toList();
    }

    /** The metadata segment of a pact's self link, decoded. */
    public static Map<String, Object> metadata(JsonPath response, int pact) {
        String href = response.getString("_embedded.pacts[" + pact + "]._links.self.href");
        return MetadataCodec.decode(href.substring(href.lastIndexOf("/metadata/") + "/metadata/".length()));
    }

    /**
     * Publishes a verification result through the pact's self link (as verifiers do), by a provider version on the
     * branch (when given) with the tags.
     */
    public static void verify(String pactHref, String provider, String providerVersion, String branch, boolean success,
            String... tags) {
        if (branch != null) {
            branch(provider, branch, providerVersion);
        }
        for (String tag : tags) {
            tag(provider, providerVersion, tag);
        }
        given().contentType("application/json")
                .body("{\"success\":" + success + ",\"providerApplicationVersion\":\"" + providerVersion + "\"}")
                .when().post(URI.create(pactHref).getRawPath() + "/verification-results")
                .then().statusCode(201);
    }
}
