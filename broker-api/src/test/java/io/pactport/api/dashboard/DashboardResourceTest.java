package io.pactport.api.dashboard;

import static io.pactport.api.ApiFixture.branch;
import static io.pactport.api.ApiFixture.deploy;
import static io.pactport.api.ApiFixture.environment;
import static io.pactport.api.ApiFixture.getJson;
import static io.pactport.api.ApiFixture.publish;
import static io.pactport.api.ApiFixture.tag;
import static io.pactport.api.ApiFixture.unique;
import static io.pactport.api.ApiFixture.verify;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.pactport.core.testing.KafkaResource;
import io.pactport.core.testing.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code GET /dashboard} and one integration's dashboard. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class DashboardResourceTest {

    private static final String INTEGRATION = "/dashboard/provider/{p}/consumer/{c}";

    @Test
    void showsTheHeadPactsWithTheirLatestVerificationInThePactBrokersShape() {
        String consumer = unique("Foo");
        String provider = unique("Bar");
        String old = publish(consumer, provider, "1", "first");
        tag(consumer, "1", "prod");
        branch(consumer, "main", "2");
        String latest = publish(consumer, provider, "2", "second");
        verify(consumer, provider, latest, "10", true);
        tag(provider, "10", "dev");
        verify(consumer, provider, old, "9", false);

        JsonPath json = getJson(INTEGRATION, provider, consumer);

        List<Map<String, Object>> items = json.getList("items");
        assertThat(items).hasSize(2);
        String newest = "items.find { it.consumer.version.number == '2' }.";
        assertThat(json.getString(newest + "consumer.name")).isEqualTo(consumer);
        assertThat(json.getString(newest + "consumer.version.branch")).isEqualTo("main");
        assertThat(json.getList(newest + "consumer.version.headBranchNames")).containsExactly("main");
        assertThat(json.getString(newest + "consumer.version._links.self.href"))
                .endsWith("/pacticipants/" + consumer + "/versions/2");
        assertThat(json.getString(newest + "provider.version.number")).isEqualTo("10");
        assertThat(json.getString(newest + "pact._links.self.href"))
                .endsWith("/pacts/provider/" + provider + "/consumer/" + consumer + "/version/2");
        assertThat(json.getBoolean(newest + "latestVerificationResult.success")).isTrue();
        assertThat(json.getString(newest + "latestVerificationResult._links.self.href"))
                .endsWith("/pact-version/" + latest + "/verification-results/latest");
        assertThat(json.getList(newest + "latestVerificationResultTags.name")).containsExactly("dev");
        assertThat(json.getString(newest + "verificationStatus")).isEqualTo("success");
        assertThat(json.getString(newest + "webhookStatus")).isEqualTo("none");
        assertThat(json.getString(newest + "_links.'pb:webhook-status'.href"))
                .endsWith("/pacts/provider/" + provider + "/consumer/" + consumer + "/webhooks/status");
        String tagged = "items.find { it.consumer.version.number == '1' }.";
        assertThat(json.getList(tagged + "pactTags.name")).containsExactly("prod");
        assertThat(json.getString(tagged + "verificationStatus")).isEqualTo("failed");
        // the most recent activity first: version 1's verification came last
        assertThat(json.getString("items[0].consumer.version.number")).isEqualTo("1");
    }

    @Test
    void theWholeDashboardIsPagedAndRefusesABadPage() {
        String consumer = unique("Foo");
        publish(consumer, unique("Bar"), "1", "x");

        assertThat(given().queryParam("size", "1").get("/dashboard").jsonPath().getList("items"))
                .hasSize(1);
        given().queryParam("page", "0").get("/dashboard").then().statusCode(400);
        given().queryParam("size", "lots").get("/dashboard").then().statusCode(400);
    }

    @Test
    void aConsumerVersionDeployedNowHasItsLineThoughNeitherNewestNorTagged() {
        String consumer = unique("Foo");
        String provider = unique("Bar");
        publish(consumer, provider, "1", "first");
        publish(consumer, provider, "2", "second");
        publish(consumer, provider, "3", "third");
        deploy(consumer, "1", environment(unique("test"), false));

        JsonPath json = getJson(INTEGRATION, provider, consumer);

        assertThat(json.getList("items.consumer.version.number")).containsExactlyInAnyOrder("3", "1");
    }

    @Test
    void aNeverVerifiedPactHasNoProviderVersion() {
        String consumer = unique("Foo");
        String provider = unique("Bar");
        publish(consumer, provider, "1", "x");

        JsonPath json = getJson(INTEGRATION, provider, consumer);

        assertThat(json.getMap("items[0].provider")).containsEntry("version", null);
        assertThat(json.getMap("items[0]")).containsEntry("latestVerificationResult", null);
        assertThat(json.getString("items[0].verificationStatus")).isEqualTo("never");
    }

    @Test
    void theTextFormIsATable() {
        String consumer = unique("Foo");
        String provider = unique("Bar");
        String sha = publish(consumer, provider, "1", "x");
        tag(consumer, "1", "prod");
        verify(consumer, provider, sha, "10", true);

        String text = given().accept("text/plain")
                .get(INTEGRATION, provider, consumer)
                .then()
                .statusCode(200)
                .contentType("text/plain")
                .extract()
                .asString();

        List<String> lines = text.lines().toList();
        assertThat(lines.get(0)).startsWith("CONSUMER_NAME").contains("| C_VERSION", "| SUCCESS");
        assertThat(lines.get(1)).matches("[-|]+");
        assertThat(lines.get(2).split("\\s*\\|\\s*"))
                .containsExactly(consumer, "1", "prod", provider, "10", "", "success");
    }

    @Test
    void anUnknownPacticipantIsNotFound() {
        String consumer = unique("Foo");
        String provider = unique("Bar");
        publish(consumer, provider, "1", "x");

        given().get(INTEGRATION, unique("Nobody"), consumer).then().statusCode(404);
        given().get(INTEGRATION, provider, unique("Nobody")).then().statusCode(404);
    }
}
