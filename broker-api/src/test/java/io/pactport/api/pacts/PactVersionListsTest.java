package io.pactport.api.pacts;

import static io.pactport.api.ApiFixture.branch;
import static io.pactport.api.ApiFixture.pact;
import static io.pactport.api.ApiFixture.pacticipant;
import static io.pactport.api.ApiFixture.putPact;
import static io.pactport.api.ApiFixture.tag;
import static io.pactport.api.ApiFixture.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.pactport.core.testing.KafkaResource;
import io.pactport.core.testing.PostgresResource;
import io.pactport.core.testing.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Pact Broker 2.120's lists of an integration's pacts by tag and branch, the provider's pacts by consumer branch,
 * the latest untagged pact and the deprecated pact paths: status, content type, HAL links and which pacts they hold.
 * Each test publishes versions 1 to 4 (1 and 2 on main, the consumer's main branch; 3 and 4 on feat-x; 1 and 3 tagged
 * prod; 3 and 4 with other content than 1 and 2).
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class PactVersionListsTest {

    private static final String HAL = "application/hal+json;charset=utf-8";
    private static final String TODAY = LocalDate.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("dd/MM/yyyy"));

    TestDatabase database;

    private String consumer;
    private String provider;
    private String integration;

    @BeforeEach
    void publish() {
        consumer = unique("ListConsumer");
        provider = unique("ListProvider");
        integration = "/pacts/provider/" + provider + "/consumer/" + consumer;
        for (String version : new String[] {"1", "2", "3", "4"}) {
            String content = version.compareTo("3") < 0
                    ? pact(consumer, provider, "a request")
                    : pact(consumer, provider, "a request", "another request");
            putPact(consumer, provider, version, content).statusCode(201);
        }
        branch(consumer, "main", "1");
        branch(consumer, "main", "2");
        branch(consumer, "feat-x", "3");
        branch(consumer, "feat-x", "4");
        tag(consumer, "1", "prod");
        tag(consumer, "3", "prod");
        given().contentType("application/json")
                .body("{\"mainBranch\":\"main\"}")
                .patch("/pacticipants/{p}", consumer)
                .then()
                .statusCode(200);
    }

    private static JsonPath hal(String path) {
        Response response = given().get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        assertThat(response.contentType()).as(path).isEqualTo(HAL);
        return response.jsonPath();
    }

    @Test
    void theTaggedListHoldsTheTaggedVersionsLatestFirstWithThePactBrokersLinks() {
        JsonPath body = hal(integration + "/tag/prod");

        assertThat(body.getList("_embedded.pacts._embedded.consumerVersion.number"))
                .containsExactly("3", "1");
        assertThat(body.getString("_links.self.href")).endsWith(integration + "/tag/prod");
        assertThat(body.getString("_links.self.title"))
                .isEqualTo("All versions of the pact between " + consumer + " and " + provider + " with tag prod");
        assertThat(body.getString("_links.'pb:consumer'.name")).isEqualTo(consumer);
        assertThat(body.getString("_links.'pb:provider'.href")).endsWith("/pacticipants/" + provider);
        assertThat(body.getList("_links.'pb:pact-versions'.title")).containsOnly("Pact version");
        assertThat(body.getList("_links.'pb:pact-versions'.name"))
                .containsExactly("Version 3 - " + TODAY, "Version 1 - " + TODAY);
        assertThat(body.getList("_links.'pb:pact-versions'.href", String.class))
                .satisfiesExactly(
                        href -> assertThat(href).endsWith(integration + "/version/3"),
                        href -> assertThat(href).endsWith(integration + "/version/1"));
    }

    @Test
    void aTagNoVersionHasGivesAnEmptyList() {
        assertThat(hal(integration + "/tag/none").getList("_embedded.pacts")).isEmpty();
    }

    @Test
    void theConsumerBranchListsHoldTheBranchOrItsHeadOrTheMainBranchs() {
        assertThat(hal(integration + "/branch/feat-x").getList("_embedded.pacts._embedded.consumerVersion.number"))
                .containsExactly("3", "4");
        assertThat(hal(integration + "/branch/feat-x/latest/versions")
                        .getList("_embedded.pacts._embedded.consumerVersion.number"))
                .containsExactly("4");
        assertThat(hal(integration + "/branch/versions").getList("_embedded.pacts._embedded.consumerVersion.number"))
                .containsExactly("1", "2");
        assertThat(hal(integration + "/branch").getList("_embedded.pacts._embedded.consumerVersion.number"))
                .as("where the official CLI's get-pacts --consumer asks")
                .containsExactly("1", "2");
        JsonPath latestMain = hal(integration + "/branch/latest/versions");
        assertThat(latestMain.getList("_embedded.pacts._embedded.consumerVersion.number"))
                .containsExactly("2");
        assertThat(latestMain.getString("_links.self.href")).endsWith(integration + "/branch/latest/versions");
        assertThat(latestMain.getString("_links.self.title"))
                .isEqualTo("All versions of the pact between " + consumer + " and " + provider);
        assertThat(latestMain.getList("_links.pact-versions.name")).containsExactly("Version 2 - " + TODAY);
        assertThat(latestMain.getString("_embedded.pacts[0]._links.self.href")).endsWith(integration + "/version/2");
    }

    @Test
    void theProviderBranchListsNameEachConsumersPactsOnTheBranch() {
        String base = "/pacts/provider/" + provider;
        JsonPath branch = hal(base + "/branch/feat-x");
        assertThat(branch.getList("_links.'pb:pacts'.href", String.class))
                .hasSize(2)
                .allSatisfy(href -> assertThat(href).contains(integration + "/version/"));
        assertThat(branch.getString("_links.self.title"))
                .isEqualTo("All pact versions for the provider " + provider + " with consumer version branch 'feat-x'");
        assertThat(branch.getString("_links.self.href")).endsWith(base + "/branch/feat-x");

        JsonPath latest = hal(base + "/branch/feat-x/latest");
        assertThat(latest.getList("_links.'pb:pacts'.href", String.class))
                .singleElement()
                .satisfies(href -> assertThat(href).endsWith(integration + "/version/4"));
        assertThat(latest.getString("_links.self.title"))
                .isEqualTo(
                        "Latest pact versions for the provider " + provider + " with consumer version branch 'feat-x'");

        assertThat(hal(base + "/branch").getList("_links.'pb:pacts'.href", String.class))
                .hasSize(2);
        JsonPath latestMain = hal(base + "/branch/latest");
        assertThat(latestMain.getList("_links.'pb:pacts'.href", String.class))
                .singleElement()
                .satisfies(href -> assertThat(href).endsWith(integration + "/version/2"));
        assertThat(latestMain.getString("_links.self.title"))
                .isEqualTo("Latest pact versions for the provider " + provider);
    }

    @Test
    void theLatestUntaggedPactIsTheLatestVersionWithoutTags() {
        Response response = given().get(integration + "/latest-untagged");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.contentType()).isEqualTo(HAL);
        assertThat(response.header("X-Pact-Consumer-Version")).isEqualTo("4");
        assertThat(response.jsonPath().getString("_links.self.href")).endsWith(integration + "/version/4");
        assertThat(response.jsonPath().getList("interactions")).hasSize(2);

        tag(consumer, "2", "dev");
        tag(consumer, "4", "dev");
        Response none = given().get(integration + "/latest-untagged");
        assertThat(none.statusCode()).isEqualTo(404);
        assertThat(none.jsonPath().getString("error")).contains("No pact found between " + consumer);
    }

    @Test
    void theDeprecatedPathsServeThePactsTheirCurrentFormsServe() {
        String current = given().get(integration + "/version/3")
                .then()
                .statusCode(200)
                .extract()
                .asString();

        assertThat(given().get(integration + "/versions/3")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString())
                .isEqualTo(current);
        assertThat(given().get("/pact/provider/" + provider + "/consumer/" + consumer + "/version/3")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString())
                .isEqualTo(current);
        Response latest = given().get("/pact/provider/" + provider + "/consumer/" + consumer + "/latest");
        assertThat(latest.statusCode()).isEqualTo(200);
        assertThat(latest.header("X-Pact-Consumer-Version")).isEqualTo("4");
        assertThat(given().get("/pact/provider/" + provider + "/consumer/" + consumer + "/version/9")
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void listsNamingAnUnknownConsumerOrProviderAre404InThePactBrokersWords() {
        String unknownConsumer = "/pacts/provider/" + provider + "/consumer/nobody";
        for (String path : new String[] {
            unknownConsumer + "/versions",
            unknownConsumer + "/tag/prod",
            unknownConsumer + "/branch/main",
            unknownConsumer + "/branch/versions"
        }) {
            Response response = given().get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.contentType()).as(path).startsWith("application/json");
            assertThat(response.jsonPath().getString("error"))
                    .as(path)
                    .isEqualTo("No consumer with name 'nobody' found");
        }
        for (String path : new String[] {
            "/pacts/provider/nobody/branch/main",
            "/pacts/provider/nobody",
            "/pacts/provider/nobody/tag/prod",
            "/pacts/provider/nobody/latest",
            "/pacts/provider/nobody/latest/prod"
        }) {
            Response response = given().get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.jsonPath().getString("error"))
                    .as(path)
                    .isEqualTo("No provider with name 'nobody' found");
        }
    }

    @Test
    void aKnownProviderWithoutPactsHasEmptyLists() {
        String lonely = unique("LonelyProvider");
        pacticipant(lonely);
        for (String path : new String[] {"", "/tag/prod", "/latest", "/latest/prod"}) {
            Response response = given().get("/pacts/provider/" + lonely + path);
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(response.jsonPath().getList("_links.'pb:pacts'"))
                    .as(path)
                    .isEmpty();
        }
    }
}
