package io.pactport.api.matrix;

import io.pactport.api.http.Hal;
import io.pactport.api.pacts.PactFixtures;
import static io.pactport.api.matrix.MatrixFixtures.branch;
import static io.pactport.api.matrix.MatrixFixtures.deploy;
import static io.pactport.api.matrix.MatrixFixtures.environment;
import static io.pactport.api.matrix.MatrixFixtures.publish;
import static io.pactport.api.matrix.MatrixFixtures.tag;
import static io.pactport.api.matrix.MatrixFixtures.verify;
import static io.pactport.api.pacts.PactFixtures.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.pactport.core.testing.KafkaResource;
import io.pactport.core.testing.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class CanIDeployResourceTest {

    private static ValidatableResponse canIDeploy(String pacticipant, String version, String target, String value) {
        return given().queryParam("pacticipant", pacticipant).queryParam("version", version)
                .queryParam(target, value)
                .when().get("/can-i-deploy").then().statusCode(200).contentType(Hal.MEDIA_TYPE);
    }

    @Test
    void deployableWhenThePactWasVerifiedByTheProviderVersionInTheEnvironment() {
        String consumer = unique("Foo");
        String provider = unique("Bar");
        String env = unique("prod");
        String uuid = environment(env);
        String sha = publish(consumer, "1", provider);
        verify(consumer, provider, sha, "10", true);
        deploy(provider, "10", uuid);

        canIDeploy(consumer, "1", "environment", env)
                .body("summary.deployable", equalTo(true))
                .body("summary.reason", equalTo("All required verification results are published and successful"))
                .body("summary.success", equalTo(1)).body("summary.failed", equalTo(0))
                .body("summary.unknown", equalTo(0))
                .body("notices[0].type", equalTo("success"))
                .body("matrix[0].consumer.name", equalTo(consumer))
                .body("matrix[0].consumer.version.number", equalTo("1"))
                .body("matrix[0].provider.version.number", equalTo("10"))
                .body("matrix[0].provider.version.environments[0].name", equalTo(env))
                .body("matrix[0].verificationResult.success", equalTo(true));
        // the provider has no provider of its own: it may go to production whatever its consumers did
        canIDeploy(provider, "10", "environment", env).body("summary.deployable", equalTo(true));
    }

    @Test
    void unknownWhenTheVersionInTheEnvironmentDidNotVerifyThePact() {
        String consumer = unique("Foo");
        String provider = unique("Bar");
        String env = unique("prod");
        String uuid = environment(env);
        String sha = publish(consumer, "1", provider);
        verify(consumer, provider, sha, "11", true);
        tag(provider, "10", "x");
        deploy(provider, "10", uuid);

        canIDeploy(consumer, "1", "environment", env)
                .body("summary.deployable", nullValue())
                .body("summary.unknown", equalTo(1))
                .body("summary.reason", equalTo("There is no verified pact between version 1 of " + consumer
                        + " and the version of " + provider + " currently in " + env + " (10)"));
    }

    @Test
    void unknownWhenNothingIsDeployedThereAndFalseWhenAVerificationFailed() {
        String consumer = unique("Foo");
        String provider = unique("Bar");
        String env = unique("prod");
        String uuid = environment(env);
        String sha = publish(consumer, "1", provider);
        canIDeploy(consumer, "1", "environment", env)
                .body("summary.deployable", nullValue())
                .body("summary.reason", equalTo("There is no verified pact between version 1 of " + consumer
                        + " and a version of " + provider + " currently in " + env + " (no version is currently"
                        + " recorded as deployed/released in this environment)"));

        verify(consumer, provider, sha, "10", false);
        deploy(provider, "10", uuid);
        canIDeploy(consumer, "1", "environment", env)
                .body("summary.deployable", equalTo(false))
                .body("summary.failed", equalTo(1))
                .body("notices.type", contains("error"))
                .body("summary.reason", equalTo("The verification for the pact between version 1 of " + consumer
                        + " and the version of " + provider + " currently in " + env + " (10) failed"));
    }

    @Test
    void aVersionThatDoesNotExistIsNotDeployable() {
        String consumer = unique("Foo");
        publish(consumer, "1", unique("Bar"));
        String env = unique("prod");
        environment(env);
        canIDeploy(consumer, "9", "environment", env)
                .body("summary.deployable", equalTo(false))
                .body("summary.reason", equalTo("No pacts or verifications have been published for version 9 of "
                        + consumer));
    }

    @Test
    void toATagMeansTheLatestVersionsWithThatTag() {
        String consumer = unique("Foo");
        String provider = unique("Bar");
        String sha = publish(consumer, "1", provider);
        verify(consumer, provider, sha, "10", true);
        tag(provider, "10", "prod");
        verify(consumer, provider, sha, "11", false);
        canIDeploy(consumer, "1", "to", "prod")
                .body("summary.deployable", equalTo(true))
                .body("matrix.provider.version.number", contains("10"));
        tag(provider, "11", "prod");
        canIDeploy(consumer, "1", "to", "prod")
                .body("summary.deployable", equalTo(false))
                .body("summary.reason", equalTo("The verification for the pact between version 1 of " + consumer
                        + " and the latest version of " + provider + " with tag prod (11) failed"));
    }

    @Test
    void ignoredProvidersDoNotBlockAndAreCounted() {
        String consumer = unique("Foo");
        String provider = unique("Bar");
        String env = unique("prod");
        String uuid = environment(env);
        String sha = publish(consumer, "1", provider);
        verify(consumer, provider, sha, "10", false);
        deploy(provider, "10", uuid);
        given().queryParam("pacticipant", consumer).queryParam("version", "1").queryParam("environment", env)
                .queryParam("ignore[]", provider).queryParam("ignore[]", "Nobody")
                .when().get("/can-i-deploy").then().statusCode(200)
                .body("summary.deployable", equalTo(true))
                .body("summary.ignored", equalTo(1))
                .body("summary.failed", equalTo(0))
                .body("matrix[0].ignored", equalTo(true))
                .body("summary.reason", equalTo("WARN: Cannot ignore any version of Nobody (no such pacticipant"
                        + " exists)\nThere are no missing dependencies"));
    }

    @Test
    void invalidQueriesAreRefusedWithThePactBrokersMessages() {
        given().when().get("/can-i-deploy").then().statusCode(400)
                .body("errors.pacticipant", contains("is missing"))
                .body("errors.version", contains("is missing"));
        String consumer = unique("Foo");
        publish(consumer, "1", unique("Bar"));
        given().queryParam("pacticipant", consumer).queryParam("version", "1").when().get("/can-i-deploy")
                .then().statusCode(400)
                .body("errors.''", contains("Must specify either an environment or a 'to' tag."));
        given().queryParam("pacticipant", "Nobody").queryParam("version", "1").queryParam("environment", "nowhere")
                .when().get("/can-i-deploy").then().statusCode(400)
                .body("errors.pacticipant", contains("does not match an existing pacticipant"))
                .body("errors.environment", contains("with name 'nowhere' does not exist"));
    }

    @Test
    void theBranchAndTagShortcuts() {
        String consumer = unique("Foo");
        String provider = unique("Bar");
        String env = unique("prod");
        String uuid = environment(env);
        String sha = publish(consumer, "1", provider);
        branch(consumer, "1", "main");
        tag(consumer, "1", "dev");
        verify(consumer, provider, sha, "10", true);
        deploy(provider, "10", uuid);
        tag(provider, "10", "prod");

        given().when().get("/pacticipants/{p}/branches/main/latest-version/can-i-deploy/to-environment/{e}",
                consumer, env).then().statusCode(200).body("summary.deployable", equalTo(true))
                .body("matrix[0].consumer.version.branch", equalTo("main"));
        given().when().get("/pacticipants/{p}/branches/nope/latest-version/can-i-deploy/to-environment/{e}",
                consumer, env).then().statusCode(404);

        given().when().get("/pacticipants/{p}/latest-version/dev/can-i-deploy/to/prod", consumer)
                .then().statusCode(200).body("summary.deployable", equalTo(true))
                .body("summary.reason", equalTo("WARN: It is recommended to specify the version number (rather than"
                        + " the tag or branch) of the pacticipant you wish to deploy to avoid race conditions. Without"
                        + " a version number, this result will not be reliable.\nAll required verification results"
                        + " are published and successful"));
        given().when().get("/pacticipants/{p}/latest-version/none/can-i-deploy/to/prod", consumer)
                .then().statusCode(404);
    }
}
