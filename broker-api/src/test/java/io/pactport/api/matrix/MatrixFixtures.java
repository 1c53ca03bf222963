package io.pactport.api.matrix;

import io.pactport.api.pacts.PactFixtures;
import static io.restassured.RestAssured.given;

import io.pactport.core.pact.PactContent;

/**
 * Matrix data built through the API, as CI builds it: pacts published, verification results posted, branches, tags,
 * environments and deployments recorded. Names are unique per test, so tests sharing a database stay independent.
 */
final class MatrixFixtures {

    private MatrixFixtures() {
    }

    /** Publishes the consumer version's pact (its own content) and returns the content's SHA. */
    public static String publish(String consumer, String version, String provider) {
        String pact = PactFixtures.pact(consumer, provider, "for " + version);
        PactFixtures.put(consumer, provider, version, pact).statusCode(201);
        return PactContent.parse(pact).sha();
    }

    public static void verify(String consumer, String provider, String sha, String providerVersion, boolean success) {
        given().contentType("application/json")
                .body("{\"success\":" + success + ",\"providerApplicationVersion\":\"" + providerVersion + "\"}")
                .when().post("/pacts/provider/{p}/consumer/{c}/pact-version/{sha}/verification-results", provider,
                        consumer, sha)
                .then().statusCode(201);
    }

    public static void tag(String pacticipant, String version, String tag) {
        given().contentType("application/json").body("{}")
                .when().put("/pacticipants/{p}/versions/{v}/tags/{t}", pacticipant, version, tag)
                .then().statusCode(201);
    }

    public static void branch(String pacticipant, String version, String branch) {
        given().contentType("application/json").body("{}")
                .when().put("/pacticipants/{p}/branches/{b}/versions/{v}", pacticipant, branch, version)
                .then().statusCode(201);
    }

    /** Creates the environment and returns its uuid. */
    public static String environment(String name) {
        return given().contentType("application/json").body("{\"name\":\"" + name + "\",\"production\":true}")
                .when().post("/environments").then().statusCode(201).extract().path("uuid");
    }

    public static void deploy(String pacticipant, String version, String environmentUuid) {
        given().contentType("application/json").body("{}")
                .when().post("/pacticipants/{p}/versions/{v}/deployed-versions/environment/{e}", pacticipant, version,
                        environmentUuid)
                .then().statusCode(201);
    }
}
