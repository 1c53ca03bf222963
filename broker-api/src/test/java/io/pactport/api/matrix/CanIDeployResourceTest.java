package io.pactport.api.matrix;

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

import io.pactport.api.http.Hal;
import io.pactport.core.testing.KafkaResource;
import io.pactport.core.testing.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class CanIDeployResourceTest {

    private static ValidatableResponse canIDeploy(String pacticipant, String version, String target, String value) {
        return given().queryParam("pacticipant", pacticipant)
                .queryParam("version", version)
                .queryParam(target, value)
                .when()
                .get("/can-i-deploy")
                .then()
                .statusCode(200)
                .contentType(Hal.MEDIA_TYPE);
    }

    @Test
    void deployableWhenThePactWasVerifiedByTheProviderVersionInTheEnvironment() {
        String consumer = unique("Foo");
        String provider = unique("Bar");
        String env = unique("prod");
        String uuid = environment(env, true);
        String sha = publish(consumer, provider, "1", "for 1");
        verify(consumer, provider, sha, "10", true);
        deploy(provider, "10", uuid);

        JsonPath json = canIDeploy(consumer, "1", "environment", env).extract().jsonPath();
        assertThat(json.getBoolean("summary.deployable")).isTrue();
        assertThat(json.getString("summary.reason"))
                .isEqualTo("All required verification results are published and successful");
        assertThat(json.getInt("summary.success")).isEqualTo(1);
        assertThat(json.getInt("summary.failed")).isEqualTo(0);
        assertThat(json.getInt("summary.unknown")).isEqualTo(0);
        assertThat(json.getString("notices[0].type")).isEqualTo("success");
        assertThat(json.getString("matrix[0].consumer.name")).isEqualTo(consumer);
        assertThat(json.getString("matrix[0].consumer.version.number")).isEqualTo("1");
        assertThat(json.getString("matrix[0].provider.version.number")).isEqualTo("10");
        assertThat(json.getString("matrix[0].provider.version.environments[0].name"))
                .isEqualTo(env);
        assertThat(json.getBoolean("matrix[0].verificationResult.success")).isTrue();
        // the provider has no provider of its own: it may go to production whatever its consumers did
        json = canIDeploy(provider, "10", "environment", env).extract().jsonPath();
        assertThat(json.getBoolean("summary.deployable")).isTrue();
    }

    @Test
    void unknownWhenTheVersionInTheEnvironmentDidNotVerifyThePact() {
        String consumer = unique("Foo");
        String provider = unique("Bar");
        String env = unique("prod");
        String uuid = environment(env, true);
        String sha = publish(consumer, provider, "1", "for 1");
        verify(consumer, provider, sha, "11", true);
        tag(provider, "10", "x");
        deploy(provider, "10", uuid);

        JsonPath json = canIDeploy(consumer, "1", "environment", env).extract().jsonPath();
        assertThat(json.getString("summary.deployable")).isNull();
        assertThat(json.getInt("summary.unknown")).isEqualTo(1);
        assertThat(json.getString("summary.reason"))
                .isEqualTo("There is no verified pact between version 1 of " + consumer + " and the version of "
                        + provider + " currently in " + env + " (10)");
    }

    @Test
    void unknownWhenNothingIsDeployedThereAndFalseWhenAVerificationFailed() {
        String consumer = unique("Foo");
        String provider = unique("Bar");
        String env = unique("prod");
        String uuid = environment(env, true);
        String sha = publish(consumer, provider, "1", "for 1");
        JsonPath json = canIDeploy(consumer, "1", "environment", env).extract().jsonPath();
        assertThat(json.getString("summary.deployable")).isNull();
        assertThat(json.getString("summary.reason"))
                .isEqualTo("There is no verified pact between version 1 of " + consumer
                        + " and a version of " + provider + " currently in " + env + " (no version is currently"
                        + " recorded as deployed/released in this environment)");

        verify(consumer, provider, sha, "10", false);
        deploy(provider, "10", uuid);
        json = canIDeploy(consumer, "1", "environment", env).extract().jsonPath();
        assertThat(json.getBoolean("summary.deployable")).isFalse();
        assertThat(json.getInt("summary.failed")).isEqualTo(1);
        assertThat(json.getList("notices.type")).containsExactly("error");
        assertThat(json.getString("summary.reason"))
                .isEqualTo("The verification for the pact between version 1 of " + consumer + " and the version of "
                        + provider + " currently in " + env + " (10) failed");
    }

    @Test
    void aVersionThatDoesNotExistIsNotDeployable() {
        String consumer = unique("Foo");
        publish(consumer, unique("Bar"), "1", "for 1");
        String env = unique("prod");
        environment(env, true);
        JsonPath json = canIDeploy(consumer, "9", "environment", env).extract().jsonPath();
        assertThat(json.getBoolean("summary.deployable")).isFalse();
        assertThat(json.getString("summary.reason"))
                .isEqualTo("No pacts or verifications have been published for version 9 of " + consumer);
    }

    @Test
    void toATagMeansTheLatestVersionsWithThatTag() {
        String consumer = unique("Foo");
        String provider = unique("Bar");
        String sha = publish(consumer, provider, "1", "for 1");
        verify(consumer, provider, sha, "10", true);
        tag(provider, "10", "prod");
        verify(consumer, provider, sha, "11", false);
        JsonPath json = canIDeploy(consumer, "1", "to", "prod").extract().jsonPath();
        assertThat(json.getBoolean("summary.deployable")).isTrue();
        assertThat(json.getList("matrix.provider.version.number")).containsExactly("10");
        tag(provider, "11", "prod");
        json = canIDeploy(consumer, "1", "to", "prod").extract().jsonPath();
        assertThat(json.getBoolean("summary.deployable")).isFalse();
        assertThat(json.getString("summary.reason"))
                .isEqualTo("The verification for the pact between version 1 of " + consumer
                        + " and the latest version of " + provider + " with tag prod (11) failed");
    }

    @Test
    void ignoredProvidersDoNotBlockAndAreCounted() {
        String consumer = unique("Foo");
        String provider = unique("Bar");
        String env = unique("prod");
        String uuid = environment(env, true);
        String sha = publish(consumer, provider, "1", "for 1");
        verify(consumer, provider, sha, "10", false);
        deploy(provider, "10", uuid);
        JsonPath json = given().queryParam("pacticipant", consumer)
                .queryParam("version", "1")
                .queryParam("environment", env)
                .queryParam("ignore[]", provider)
                .queryParam("ignore[]", "Nobody")
                .when()
                .get("/can-i-deploy")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(json.getBoolean("summary.deployable")).isTrue();
        assertThat(json.getInt("summary.ignored")).isEqualTo(1);
        assertThat(json.getInt("summary.failed")).isEqualTo(0);
        assertThat(json.getBoolean("matrix[0].ignored")).isTrue();
        assertThat(json.getString("summary.reason"))
                .isEqualTo("WARN: Cannot ignore any version of Nobody (no such pacticipant"
                        + " exists)\nThere are no missing dependencies");
    }

    @Test
    void invalidQueriesAreRefusedWithThePactBrokersMessages() {
        JsonPath json = given().when()
                .get("/can-i-deploy")
                .then()
                .statusCode(400)
                .extract()
                .jsonPath();
        assertThat(json.getList("errors.pacticipant")).containsExactly("is missing");
        assertThat(json.getList("errors.version")).containsExactly("is missing");
        String consumer = unique("Foo");
        publish(consumer, unique("Bar"), "1", "for 1");
        json = given().queryParam("pacticipant", consumer)
                .queryParam("version", "1")
                .when()
                .get("/can-i-deploy")
                .then()
                .statusCode(400)
                .extract()
                .jsonPath();
        assertThat(json.getList("errors.''")).containsExactly("Must specify either an environment or a 'to' tag.");
        json = given().queryParam("pacticipant", "Nobody")
                .queryParam("version", "1")
                .queryParam("environment", "nowhere")
                .when()
                .get("/can-i-deploy")
                .then()
                .statusCode(400)
                .extract()
                .jsonPath();
        assertThat(json.getList("errors.pacticipant")).containsExactly("does not match an existing pacticipant");
        assertThat(json.getList("errors.environment")).containsExactly("with name 'nowhere' does not exist");
    }

    @Test
    void theBranchAndTagShortcuts() {
        String consumer = unique("Foo");
        String provider = unique("Bar");
        String env = unique("prod");
        String uuid = environment(env, true);
        String sha = publish(consumer, provider, "1", "for 1");
        branch(consumer, "main", "1");
        tag(consumer, "1", "dev");
        verify(consumer, provider, sha, "10", true);
        deploy(provider, "10", uuid);
        tag(provider, "10", "prod");

        JsonPath json = getJson(
                "/pacticipants/{p}/branches/main/latest-version/can-i-deploy/to-environment/{e}", consumer, env);
        assertThat(json.getBoolean("summary.deployable")).isTrue();
        assertThat(json.getString("matrix[0].consumer.version.branch")).isEqualTo("main");
        given().when()
                .get("/pacticipants/{p}/branches/nope/latest-version/can-i-deploy/to-environment/{e}", consumer, env)
                .then()
                .statusCode(404);

        json = getJson("/pacticipants/{p}/latest-version/dev/can-i-deploy/to/prod", consumer);
        assertThat(json.getBoolean("summary.deployable")).isTrue();
        assertThat(json.getString("summary.reason"))
                .isEqualTo("WARN: It is recommended to specify the version number (rather than"
                        + " the tag or branch) of the pacticipant you wish to deploy to avoid race conditions. Without"
                        + " a version number, this result will not be reliable.\nAll required verification results"
                        + " are published and successful");
        given().when()
                .get("/pacticipants/{p}/latest-version/none/can-i-deploy/to/prod", consumer)
                .then()
                .statusCode(404);
    }
}
