package io.pactport.api.pactsforverification;

import io.pactport.api.pacts.PactFixtures;
import static io.pactport.api.pacts.PactFixtures.unique;
import static io.pactport.api.pactsforverification.PactsForVerificationFixtures.branch;
import static io.pactport.api.pactsforverification.PactsForVerificationFixtures.deploy;
import static io.pactport.api.pactsforverification.PactsForVerificationFixtures.environment;
import static io.pactport.api.pactsforverification.PactsForVerificationFixtures.forVerification;
import static io.pactport.api.pactsforverification.PactsForVerificationFixtures.metadata;
import static io.pactport.api.pactsforverification.PactsForVerificationFixtures.publish;
import static io.pactport.api.pactsforverification.PactsForVerificationFixtures.release;
import static io.pactport.api.pactsforverification.PactsForVerificationFixtures.tag;
import static io.pactport.api.pactsforverification.PactsForVerificationFixtures.versions;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pactport.core.testing.KafkaResource;
import io.pactport.core.testing.PostgresResource;
import io.pactport.core.testing.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which pacts each consumer version selector chooses, and how the response names them. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class PactsForVerificationSelectorsTest {

    TestDatabase database;

    @Test
    void branchSelectorsChooseTheBranchHeadsPacts() {
        String consumer = unique("Web");
        String provider = unique("Orders");
        publish(consumer, provider, "1.0.0", "a");
        branch(consumer, "main", "1.0.0");
        publish(consumer, provider, "1.1.0", "b");
        branch(consumer, "main", "1.1.0");
        publish(consumer, provider, "2.0.0", "c");
        branch(consumer, "feat-x", "2.0.0");
        branch(consumer, "feat-y", "2.1.0"); // the head of feat-y has no pact with this provider

        JsonPath main = forVerification(provider, selectors("{\"mainBranch\":true}"));
        assertEquals(List.of("1.1.0"), versions(main));
        assertEquals("latest from main branch", main.getString("_embedded.pacts[0].shortDescription"));
        assertEquals(Map.of("s", List.of(Map.of("l", "true", "cv", versionId(consumer, "1.1.0"))), "p", "true"),
                metadata(main, 0));
        assertEquals("The pact at " + pactUrl(main, 0) + " is being verified because the pact content belongs to the"
                + " consumer version matching the following criterion:\n    * latest version from the main branch"
                + " 'main' (1.1.0)", main.getString("_embedded.pacts[0].verificationProperties.notices[0].text"));

        JsonPath named = forVerification(provider, selectors("{\"branch\":\"feat-x\"}"));
        assertEquals(List.of("2.0.0"), versions(named));
        assertEquals("latest from branch feat-x", named.getString("_embedded.pacts[0].shortDescription"));
        assertEquals(Map.of("b", "feat-x", "l", "true", "cv", versionId(consumer, "2.0.0")),
                ((List<?>) metadata(named, 0).get("s")).get(0));

        assertEquals(List.of(), versions(forVerification(provider, selectors("{\"branch\":\"feat-y\"}"))));
        JsonPath fallback = forVerification(provider, selectors("{\"branch\":\"feat-y\",\"fallbackBranch\":\"main\"}"));
        assertEquals(List.of("1.1.0"), versions(fallback));
        assertEquals("latest from branch main", fallback.getString("_embedded.pacts[0].shortDescription"));
        // the fallback is not used when the branch has a pact
        assertEquals(List.of("2.0.0"), versions(forVerification(provider,
                selectors("{\"branch\":\"feat-x\",\"fallbackBranch\":\"main\"}"))));

        assertEquals(List.of("1.1.0", "2.0.0"), versions(forVerification(provider, selectors("{\"branch\":true}"))));
        assertEquals(List.of("2.0.0"), versions(forVerification(provider,
                "{\"providerVersionBranch\":\"feat-x\",\"consumerVersionSelectors\":[{\"matchingBranch\":true}]}")));
        assertEquals(List.of(), versions(forVerification(provider,
                "{\"providerVersionBranch\":\"feat-q\",\"consumerVersionSelectors\":[{\"matchingBranch\":true}]}")));
    }

    @Test
    void selectorsChoosingTheSameContentMakeOnePactWithEverySelector() {
        String consumer = unique("Web");
        String provider = unique("Orders");
        publish(consumer, provider, "1.0.0", "same");
        branch(consumer, "main", "1.0.0");
        publish(consumer, provider, "1.0.1", "same");
        tag(consumer, "1.0.1", "prod");

        JsonPath response = forVerification(provider,
                selectors("{\"mainBranch\":true},{\"tag\":\"prod\",\"latest\":true}"));
        assertEquals(List.of("1.0.1"), versions(response)); // the later of the two versions stands for the content
        assertEquals("latest with tag prod, latest from main branch",
                response.getString("_embedded.pacts[0].shortDescription"));
        assertEquals(2, ((List<?>) metadata(response, 0).get("s")).size());
        assertEquals(List.of("1.0.1", "1.0.0"), ((List<?>) metadata(response, 0).get("s")).stream()
                .map(selector -> versionNumber((String) ((Map<?, ?>) selector).get("cv"))).toList());
    }

    @Test
    void tagAndLatestSelectors() {
        String web = unique("web");
        String mobile = unique("Mobile");
        String provider = unique("Orders");
        publish(web, provider, "1", "w1");
        tag(web, "1", "prod");
        publish(web, provider, "2", "w2");
        tag(web, "2", "prod");
        publish(web, provider, "3", "w3");
        tag(web, "3", "dev");
        publish(mobile, provider, "1", "m1");
        tag(mobile, "1", "prod");

        // by consumer name, ignoring case: Mobile before web
        JsonPath latestProd = forVerification(provider, selectors("{\"tag\":\"prod\",\"latest\":true}"));
        assertEquals(List.of("1", "2"), versions(latestProd));
        assertEquals("latest with tag prod", latestProd.getString("_embedded.pacts[1].shortDescription"));
        assertEquals(List.of("1", "1", "2"), versions(forVerification(provider, selectors("{\"tag\":\"prod\"}"))));
        JsonPath mobileProd = forVerification(provider,
                selectors("{\"tag\":\"prod\",\"consumer\":\"" + mobile + "\"}"));
        assertEquals(List.of("1"), versions(mobileProd));
        assertEquals("one of " + mobile + " prod", mobileProd.getString("_embedded.pacts[0].shortDescription"));
        assertEquals(Map.of("t", "prod", "cv", versionId(mobile, "1")),
                ((List<?>) metadata(mobileProd, 0).get("s")).get(0));

        JsonPath fallback = forVerification(provider,
                selectors("{\"tag\":\"feat\",\"latest\":true,\"fallbackTag\":\"dev\"}"));
        assertEquals(List.of("3"), versions(fallback));
        assertEquals("latest with tag dev", fallback.getString("_embedded.pacts[0].shortDescription"));
        assertEquals("feat", ((Map<?, ?>) ((List<?>) metadata(fallback, 0).get("s")).get(0)).get("t"));

        JsonPath latest = forVerification(provider, selectors("{\"latest\":true}"));
        assertEquals(List.of("1", "3"), versions(latest));
        assertEquals("latest", latest.getString("_embedded.pacts[0].shortDescription"));
        assertEquals(List.of("3"), versions(forVerification(provider,
                selectors("{\"latest\":true,\"consumer\":\"" + web + "\"}"))));
    }

    @Test
    void environmentSelectors() {
        String consumer = unique("Web");
        String provider = unique("Orders");
        String test = unique("test");
        String production = unique("production");
        String testUuid = environment(test, false);
        String productionUuid = environment(production, true);
        publish(consumer, provider, "1", "e1");
        deploy(consumer, "1", testUuid);
        publish(consumer, provider, "2", "e2");
        release(consumer, "2", productionUuid);
        publish(consumer, provider, "3", "e3");
        deploy(consumer, "3", productionUuid);
        publish(consumer, provider, "4", "e4"); // neither deployed nor released

        JsonPath deployed = forVerification(provider, selectors("{\"deployed\":true}"));
        assertEquals(List.of("1", "3"), versions(deployed));
        assertEquals("deployed to " + test, deployed.getString("_embedded.pacts[0].shortDescription"));
        assertEquals("The pact at " + pactUrl(deployed, 1) + " is being verified because the pact content belongs to"
                + " the consumer version matching the following criterion:\n    * consumer version(s) currently"
                + " deployed to " + production + " (3)",
                deployed.getString("_embedded.pacts[1].verificationProperties.notices[0].text"));
        JsonPath released = forVerification(provider, selectors("{\"released\":true}"));
        assertEquals(List.of("2"), versions(released));
        assertEquals("released in " + production, released.getString("_embedded.pacts[0].shortDescription"));
        assertEquals(List.of("1", "2", "3"), versions(forVerification(provider,
                selectors("{\"deployedOrReleased\":true}"))));
        JsonPath inProduction = forVerification(provider, selectors("{\"environment\":\"" + production + "\"}"));
        assertEquals(List.of("2", "3"), versions(inProduction));
        assertEquals(Map.of("e", production, "cv", versionId(consumer, "2")),
                ((List<?>) metadata(inProduction, 0).get("s")).get(0));
        assertEquals(List.of("1"), versions(forVerification(provider,
                selectors("{\"deployed\":true,\"environment\":\"" + test + "\",\"consumer\":\"" + consumer + "\"}"))));
        assertEquals(List.of(), versions(forVerification(provider,
                selectors("{\"released\":true,\"environment\":\"" + test + "\"}"))));
    }

    @Test
    void withoutSelectorsEachConsumersMainBranchOrLatestAndEverythingDeployedOrReleased() {
        String onBranch = unique("a-web");
        String onTag = unique("b-web");
        String plain = unique("c-web");
        String provider = unique("Orders");
        String test = unique("test");
        String environment = environment(test, false);
        publish(onBranch, provider, "1", "a1");
        branch(onBranch, "main", "1");
        publish(onBranch, provider, "2", "a2");
        branch(onBranch, "feat", "2");
        deploy(onBranch, "2", environment);
        publish(onTag, provider, "1", "b1");
        branch(onTag, "other", "1"); // else its first tag would become its branch
        tag(onTag, "1", "trunk");
        publish(onTag, provider, "2", "b2");
        PactFixtures.execute(database, "UPDATE pacticipants SET main_branch = 'trunk' WHERE name = '" + onTag + "'");
        publish(plain, provider, "1", "c1");
        publish(plain, provider, "2", "c2");

        JsonPath response = forVerification(provider, "{}");
        assertEquals(List.of("1", "2", "1", "2"), versions(response));
        assertEquals(List.of("latest from main branch", "deployed to " + test, "latest with tag trunk", "latest"),
                response.getList("_embedded.pacts.shortDescription"));
        // the default main branch selector leaves latest unset, as the Pact Broker's does
        assertEquals(Map.of("cv", versionId(onBranch, "1")), ((List<?>) metadata(response, 0).get("s")).get(0));
    }

    @Test
    void invalidQueriesAreRefusedWithThePactBrokersMessages() {
        String provider = unique("Orders");
        publish(unique("Web"), provider, "1", "x");
        given().contentType("application/json")
                .body("{\"consumerVersionSelectors\":[{\"tag\":\"prod\",\"branch\":\"main\"},"
                        + "{\"environment\":\"nowhere\"}],\"includeWipPactsSince\":\"soon\"}")
                .when().post("/pacts/provider/{p}/for-verification", provider)
                .then().statusCode(400)
                .body("errors.consumerVersionSelectors", equalTo(List.of(
                        "cannot specify both a tag and a branch (at index 0)",
                        "environment with name 'nowhere' does not exist (at index 1)")))
                .body("errors.includeWipPactsSince", equalTo(List.of("must be a date")));
        // the query is checked before the provider, as the Pact Broker does
        given().contentType("application/json").body("{\"consumerVersionSelectors\":[{}]}")
                .when().post("/pacts/provider/{p}/for-verification", unique("Nobody"))
                .then().statusCode(400);
        given().contentType("application/json").body("{}")
                .when().post("/pacts/provider/{p}/for-verification", unique("Nobody"))
                .then().statusCode(404).body("error", startsWith("No provider with name"));
        given().contentType("application/json").body("{\"consumerVersionSelectors\":")
                .when().post("/pacts/provider/{p}/for-verification", provider)
                .then().statusCode(400).body("error", startsWith("Error parsing JSON"));
        given().contentType("text/plain").body("{}")
                .when().post("/pacts/provider/{p}/for-verification", provider)
                .then().statusCode(415);
    }

    @Test
    void theGetFormStillAnswersWithADeprecationWarning() {
        String consumer = unique("Web");
        String provider = unique("Orders");
        publish(consumer, provider, "1", "g1");
        tag(consumer, "1", "prod");
        publish(consumer, provider, "2", "g2");

        given().queryParam("consumer_version_selectors[][tag]", "prod")
                .queryParam("consumer_version_selectors[][latest]", "true")
                .when().get("/pacts/provider/{p}/for-verification", provider)
                .then().statusCode(200)
                .body("_embedded.pacts.size()", equalTo(1))
                .body("_embedded.pacts[0]._links.self.name", equalTo("Pact between " + consumer + " (1) and "
                        + provider))
                .body("_embedded.pacts[0].verificationProperties.notices[0].text", startsWith("WARNING - this version"))
                .body("_links.self.title", equalTo("Pacts to be verified"));
    }

    static String selectors(String selectors) {
        return "{\"consumerVersionSelectors\":[" + selectors + "]}";
    }

    private String versionId(String pacticipant, String number) {
        return PactFixtures.text(database, "SELECT v.id FROM versions v JOIN pacticipants p ON p.id = v.pacticipant_id"
                + " WHERE p.name = '" + pacticipant + "' AND v.number = '" + number + "'");
    }

    private String versionNumber(String id) {
        return PactFixtures.text(database, "SELECT number FROM versions WHERE id = " + id);
    }

    private static String pactUrl(JsonPath response, int pact) {
        String href = response.getString("_embedded.pacts[" + pact + "]._links.self.href");
        return href.substring(0, href.lastIndexOf("/metadata/"));
    }
}
