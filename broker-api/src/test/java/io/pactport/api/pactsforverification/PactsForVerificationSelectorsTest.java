package io.pactport.api.pactsforverification;

import static io.pactport.api.ApiFixture.branch;
import static io.pactport.api.ApiFixture.deploy;
import static io.pactport.api.ApiFixture.environment;
import static io.pactport.api.ApiFixture.execute;
import static io.pactport.api.ApiFixture.forVerification;
import static io.pactport.api.ApiFixture.metadata;
import static io.pactport.api.ApiFixture.publish;
import static io.pactport.api.ApiFixture.release;
import static io.pactport.api.ApiFixture.tag;
import static io.pactport.api.ApiFixture.text;
import static io.pactport.api.ApiFixture.unique;
import static io.pactport.api.ApiFixture.versions;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

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
        assertThat(versions(main)).isEqualTo(List.of("1.1.0"));
        assertThat(main.getString("_embedded.pacts[0].shortDescription")).isEqualTo("latest from main branch");
        assertThat(metadata(main, 0))
                .isEqualTo(Map.of("s", List.of(Map.of("l", "true", "cv", versionId(consumer, "1.1.0"))), "p", "true"));
        assertThat(main.getString("_embedded.pacts[0].verificationProperties.notices[0].text"))
                .isEqualTo("The pact at " + pactUrl(main, 0)
                        + " is being verified because the pact content belongs to the"
                        + " consumer version matching the following criterion:\n    * latest version from the main branch"
                        + " 'main' (1.1.0)");

        JsonPath named = forVerification(provider, selectors("{\"branch\":\"feat-x\"}"));
        assertThat(versions(named)).isEqualTo(List.of("2.0.0"));
        assertThat(named.getString("_embedded.pacts[0].shortDescription")).isEqualTo("latest from branch feat-x");
        assertThat(((List<?>) metadata(named, 0).get("s")).get(0))
                .isEqualTo(Map.of("b", "feat-x", "l", "true", "cv", versionId(consumer, "2.0.0")));

        assertThat(versions(forVerification(provider, selectors("{\"branch\":\"feat-y\"}"))))
                .isEqualTo(List.of());
        JsonPath fallback = forVerification(provider, selectors("{\"branch\":\"feat-y\",\"fallbackBranch\":\"main\"}"));
        assertThat(versions(fallback)).isEqualTo(List.of("1.1.0"));
        assertThat(fallback.getString("_embedded.pacts[0].shortDescription")).isEqualTo("latest from branch main");
        // the fallback is not used when the branch has a pact
        assertThat(versions(
                        forVerification(provider, selectors("{\"branch\":\"feat-x\",\"fallbackBranch\":\"main\"}"))))
                .isEqualTo(List.of("2.0.0"));

        assertThat(versions(forVerification(provider, selectors("{\"branch\":true}"))))
                .isEqualTo(List.of("1.1.0", "2.0.0"));
        assertThat(
                        versions(
                                forVerification(
                                        provider,
                                        "{\"providerVersionBranch\":\"feat-x\",\"consumerVersionSelectors\":[{\"matchingBranch\":true}]}")))
                .isEqualTo(List.of("2.0.0"));
        assertThat(
                        versions(
                                forVerification(
                                        provider,
                                        "{\"providerVersionBranch\":\"feat-q\",\"consumerVersionSelectors\":[{\"matchingBranch\":true}]}")))
                .isEqualTo(List.of());
    }

    @Test
    void selectorsChoosingTheSameContentMakeOnePactWithEverySelector() {
        String consumer = unique("Web");
        String provider = unique("Orders");
        publish(consumer, provider, "1.0.0", "same");
        branch(consumer, "main", "1.0.0");
        publish(consumer, provider, "1.0.1", "same");
        tag(consumer, "1.0.1", "prod");

        JsonPath response =
                forVerification(provider, selectors("{\"mainBranch\":true},{\"tag\":\"prod\",\"latest\":true}"));
        assertThat(versions(response))
                .isEqualTo(List.of("1.0.1")); // the later of the two versions stands for the content
        assertThat(response.getString("_embedded.pacts[0].shortDescription"))
                .isEqualTo("latest with tag prod, latest from main branch");
        assertThat(((List<?>) metadata(response, 0).get("s")).size()).isEqualTo(2);
        assertThat(((List<?>) metadata(response, 0).get("s"))
                        .stream()
                                .map(selector -> versionNumber((String) ((Map<?, ?>) selector).get("cv")))
                                .toList())
                .isEqualTo(List.of("1.0.1", "1.0.0"));
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
        assertThat(versions(latestProd)).isEqualTo(List.of("1", "2"));
        assertThat(latestProd.getString("_embedded.pacts[1].shortDescription")).isEqualTo("latest with tag prod");
        assertThat(versions(forVerification(provider, selectors("{\"tag\":\"prod\"}"))))
                .isEqualTo(List.of("1", "1", "2"));
        JsonPath mobileProd =
                forVerification(provider, selectors("{\"tag\":\"prod\",\"consumer\":\"" + mobile + "\"}"));
        assertThat(versions(mobileProd)).isEqualTo(List.of("1"));
        assertThat(mobileProd.getString("_embedded.pacts[0].shortDescription")).isEqualTo("one of " + mobile + " prod");
        assertThat(((List<?>) metadata(mobileProd, 0).get("s")).get(0))
                .isEqualTo(Map.of("t", "prod", "cv", versionId(mobile, "1")));

        JsonPath fallback =
                forVerification(provider, selectors("{\"tag\":\"feat\",\"latest\":true,\"fallbackTag\":\"dev\"}"));
        assertThat(versions(fallback)).isEqualTo(List.of("3"));
        assertThat(fallback.getString("_embedded.pacts[0].shortDescription")).isEqualTo("latest with tag dev");
        assertThat(((Map<?, ?>) ((List<?>) metadata(fallback, 0).get("s")).get(0)).get("t"))
                .isEqualTo("feat");

        JsonPath latest = forVerification(provider, selectors("{\"latest\":true}"));
        assertThat(versions(latest)).isEqualTo(List.of("1", "3"));
        assertThat(latest.getString("_embedded.pacts[0].shortDescription")).isEqualTo("latest");
        assertThat(versions(forVerification(provider, selectors("{\"latest\":true,\"consumer\":\"" + web + "\"}"))))
                .isEqualTo(List.of("3"));
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
        assertThat(versions(deployed)).isEqualTo(List.of("1", "3"));
        assertThat(deployed.getString("_embedded.pacts[0].shortDescription")).isEqualTo("deployed to " + test);
        assertThat(deployed.getString("_embedded.pacts[1].verificationProperties.notices[0].text"))
                .isEqualTo("The pact at " + pactUrl(deployed, 1)
                        + " is being verified because the pact content belongs to"
                        + " the consumer version matching the following criterion:\n    * consumer version(s) currently"
                        + " deployed to " + production + " (3)");
        JsonPath released = forVerification(provider, selectors("{\"released\":true}"));
        assertThat(versions(released)).isEqualTo(List.of("2"));
        assertThat(released.getString("_embedded.pacts[0].shortDescription")).isEqualTo("released in " + production);
        assertThat(versions(forVerification(provider, selectors("{\"deployedOrReleased\":true}"))))
                .isEqualTo(List.of("1", "2", "3"));
        JsonPath inProduction = forVerification(provider, selectors("{\"environment\":\"" + production + "\"}"));
        assertThat(versions(inProduction)).isEqualTo(List.of("2", "3"));
        assertThat(((List<?>) metadata(inProduction, 0).get("s")).get(0))
                .isEqualTo(Map.of("e", production, "cv", versionId(consumer, "2")));
        assertThat(versions(forVerification(
                        provider,
                        selectors("{\"deployed\":true,\"environment\":\"" + test + "\",\"consumer\":\"" + consumer
                                + "\"}"))))
                .isEqualTo(List.of("1"));
        assertThat(versions(
                        forVerification(provider, selectors("{\"released\":true,\"environment\":\"" + test + "\"}"))))
                .isEqualTo(List.of());
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
        execute(database, "UPDATE pacticipants SET main_branch = 'trunk' WHERE name = '" + onTag + "'");
        publish(plain, provider, "1", "c1");
        publish(plain, provider, "2", "c2");

        JsonPath response = forVerification(provider, "{}");
        assertThat(versions(response)).isEqualTo(List.of("1", "2", "1", "2"));
        assertThat(response.getList("_embedded.pacts.shortDescription"))
                .isEqualTo(
                        List.of("latest from main branch", "deployed to " + test, "latest with tag trunk", "latest"));
        // the default main branch selector leaves latest unset, as the Pact Broker's does
        assertThat(((List<?>) metadata(response, 0).get("s")).get(0)).isEqualTo(Map.of("cv", versionId(onBranch, "1")));
    }

    @Test
    void invalidQueriesAreRefusedWithThePactBrokersMessages() {
        String provider = unique("Orders");
        publish(unique("Web"), provider, "1", "x");
        JsonPath json = given().contentType("application/json")
                .body("{\"consumerVersionSelectors\":[{\"tag\":\"prod\",\"branch\":\"main\"},"
                        + "{\"environment\":\"nowhere\"}],\"includeWipPactsSince\":\"soon\"}")
                .when()
                .post("/pacts/provider/{p}/for-verification", provider)
                .then()
                .statusCode(400)
                .extract()
                .jsonPath();
        assertThat(json.getList("errors.consumerVersionSelectors"))
                .isEqualTo(List.of(
                        "cannot specify both a tag and a branch (at index 0)",
                        "environment with name 'nowhere' does not exist (at index 1)"));
        assertThat(json.getList("errors.includeWipPactsSince")).isEqualTo(List.of("must be a date"));
        // the query is checked before the provider, as the Pact Broker does
        given().contentType("application/json")
                .body("{\"consumerVersionSelectors\":[{}]}")
                .when()
                .post("/pacts/provider/{p}/for-verification", unique("Nobody"))
                .then()
                .statusCode(400);
        json = given().contentType("application/json")
                .body("{}")
                .when()
                .post("/pacts/provider/{p}/for-verification", unique("Nobody"))
                .then()
                .statusCode(404)
                .extract()
                .jsonPath();
        assertThat(json.getString("error")).startsWith("No provider with name");
        json = given().contentType("application/json")
                .body("{\"consumerVersionSelectors\":")
                .when()
                .post("/pacts/provider/{p}/for-verification", provider)
                .then()
                .statusCode(400)
                .extract()
                .jsonPath();
        assertThat(json.getString("error")).startsWith("Error parsing JSON");
        given().contentType("text/plain")
                .body("{}")
                .when()
                .post("/pacts/provider/{p}/for-verification", provider)
                .then()
                .statusCode(415);
    }

    @Test
    void theGetFormStillAnswersWithADeprecationWarning() {
        String consumer = unique("Web");
        String provider = unique("Orders");
        publish(consumer, provider, "1", "g1");
        tag(consumer, "1", "prod");
        publish(consumer, provider, "2", "g2");

        JsonPath json = given().queryParam("consumer_version_selectors[][tag]", "prod")
                .queryParam("consumer_version_selectors[][latest]", "true")
                .when()
                .get("/pacts/provider/{p}/for-verification", provider)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(json.getInt("_embedded.pacts.size()")).isEqualTo(1);
        assertThat(json.getString("_embedded.pacts[0]._links.self.name"))
                .isEqualTo("Pact between " + consumer + " (1) and " + provider);
        assertThat(json.getString("_embedded.pacts[0].verificationProperties.notices[0].text"))
                .startsWith("WARNING - this version");
        assertThat(json.getString("_links.self.title")).isEqualTo("Pacts to be verified");
    }

    static String selectors(String selectors) {
        return "{\"consumerVersionSelectors\":[" + selectors + "]}";
    }

    private String versionId(String pacticipant, String number) {
        return text(
                database,
                "SELECT v.id FROM versions v JOIN pacticipants p ON p.id = v.pacticipant_id" + " WHERE p.name = '"
                        + pacticipant + "' AND v.number = '" + number + "'");
    }

    private String versionNumber(String id) {
        return text(database, "SELECT number FROM versions WHERE id = " + id);
    }

    private static String pactUrl(JsonPath response, int pact) {
        String href = response.getString("_embedded.pacts[" + pact + "]._links.self.href");
        return href.substring(0, href.lastIndexOf("/metadata/"));
    }
}
