package io.pactport.api.http;

import static io.pactport.api.ApiFixture.counts;
import static io.pactport.api.ApiFixture.environment;
import static io.pactport.api.ApiFixture.pact;
import static io.pactport.api.ApiFixture.putPact;
import static io.pactport.api.ApiFixture.unique;
import static io.pactport.api.ApiFixture.versionRow;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.pactport.core.pact.PactContent;
import io.pactport.core.testing.KafkaResource;
import io.pactport.core.testing.PostgresResource;
import io.pactport.core.testing.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** One test per way a request used to get a 500, an empty or HTML answer, or a 400 after writing (issue 12). */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class RequestRefusalTest {

    TestDatabase database;

    @Test
    void aVerificationWithHalfASurrogatePairIsRefusedBeforeAnythingIsWritten() {
        String consumer = unique("Surrogate");
        String provider = unique("SurrogateProvider");
        String pact = pact(consumer, provider, "a request");
        putPact(consumer, provider, "1.0.0", pact).statusCode(201);
        Map<String, Long> before = counts(database);

        Response response = given().contentType("application/json")
                .body("{\"success\":true,\"providerApplicationVersion\":\"9.9.9\",\"testResults\":[\"\\ud800\"]}")
                .post(
                        "/pacts/provider/{p}/consumer/{c}/pact-version/{sha}/verification-results",
                        provider,
                        consumer,
                        PactContent.parse(pact).sha());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.jsonPath().getList("errors.'testResults.0'", String.class))
                .containsExactly("testResults.0 cannot contain an unpaired UTF-16 surrogate (\\ud800): it is not"
                        + " valid Unicode");
        assertThat(counts(database)).isEqualTo(before);
    }

    @Test
    void aNulCharacterInABodyPathOrQueryIsA400NamingTheField() {
        Response body = given().contentType("application/json")
                .body("{\"name\":\"a\\u0000b\",\"production\":true}")
                .post("/environments");
        assertThat(body.statusCode()).isEqualTo(400);
        assertThat(body.jsonPath().getList("errors.name", String.class))
                .containsExactly("name cannot contain a NUL character (\\u0000)");

        Response query = given().urlEncodingEnabled(false).get("/can-i-deploy?pacticipant=%00&version=1");
        assertThat(query.statusCode()).isEqualTo(400);
        assertThat(query.jsonPath().getList("errors.pacticipant", String.class))
                .containsExactly("pacticipant cannot contain a NUL character (%00)");

        Response path = given().urlEncodingEnabled(false).delete("/webhooks/a%00b");
        assertThat(path.statusCode()).isEqualTo(400);
        assertThat(path.jsonPath().getList("errors.path", String.class)).hasSize(1);
    }

    @Test
    void aNulCharacterInAPactIsA400NamingTheField() {
        String consumer = unique("NulPact");
        String pact = pact(consumer, "NulProvider", "a request").replace("a state", "a\\u0000state");

        Response response = given().contentType("application/json")
                .body(pact)
                .put("/pacts/provider/NulProvider/consumer/{c}/version/1", consumer);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.jsonPath().getMap("errors")).containsKey("interactions.0.providerState");
    }

    @Test
    void textLongerThanTheIndexesHoldIsA400WithTheLimit() {
        String tenKb = "x".repeat(10_240);
        Response environment = given().contentType("application/json")
                .body("{\"name\":\"" + tenKb + "\",\"production\":false}")
                .post("/environments");
        assertThat(environment.statusCode()).isEqualTo(400);
        assertThat(environment.jsonPath().getList("errors.name", String.class))
                .containsExactly("name cannot be longer than 1000 bytes");

        String consumer = unique("LongBranch");
        String contracts = """
                {"pacticipantName":"%s","pacticipantVersionNumber":"1","branch":"%s","contracts":[]}""".formatted(consumer, tenKb);
        Response branch =
                given().contentType("application/json").body(contracts).post("/contracts/publish");
        assertThat(branch.statusCode()).isEqualTo(400);
        assertThat(branch.jsonPath().getList("errors.branch", String.class))
                .containsExactly("branch cannot be longer than 1000 bytes");
        String env = environment(unique("long-instance"), false);
        versionRow(database, consumer, "1");
        Response instance = given().contentType("application/json")
                .body("{\"applicationInstance\":\"" + tenKb + "\"}")
                .post("/pacticipants/{p}/versions/1/deployed-versions/environment/{e}", consumer, env);
        assertThat(instance.statusCode()).isEqualTo(400);
        assertThat(instance.jsonPath().getList("errors.applicationInstance", String.class))
                .containsExactly("applicationInstance cannot be longer than 1000 bytes");

        Response results = given().contentType("application/json")
                .body("{\"success\":true,\"providerApplicationVersion\":\"1\",\"testResults\":[\""
                        + "y".repeat(1024 * 1024 + 1) + "\"]}")
                .post("/pacts/provider/P/consumer/C/pact-version/0123456789abcdef/verification-results");
        assertThat(results.statusCode()).isEqualTo(400);
        assertThat(results.jsonPath().getList("errors.'testResults.0'", String.class))
                .containsExactly("testResults.0 cannot be longer than 1048576 characters");

        Response webhook = given().contentType("application/json").body("{}").put("/webhooks/" + "u".repeat(3000));
        assertThat(webhook.statusCode()).isEqualTo(400);
        assertThat(webhook.jsonPath().getList("errors.uuid", String.class))
                .containsExactly("uuid cannot be longer than 1000 bytes");
    }

    @Test
    void aQueryParameterGivenAsValueAndAsListIsA400() {
        Response response = given().urlEncodingEnabled(false).get("/pacts/provider/P/for-verification?q=1&q%5B%5D=2");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.contentType()).contains("json");
        assertThat(response.jsonPath().getList("errors.base", String.class))
                .singleElement()
                .asString()
                .contains("the parameter q is given both as a list");
    }

    @Test
    void parseErrorsSayWhatIsWrongWithoutNamingJacksonSettings() {
        Response nan = given().contentType("application/json")
                .body("{\"name\":\"x\",\"production\":NaN}")
                .post("/environments");
        assertThat(nan.statusCode()).isEqualTo(400);
        assertThat(nan.jsonPath().getString("error"))
                .contains("'NaN' is not a JSON number")
                .doesNotContain("JsonReadFeature", "ALLOW_NON_NUMERIC_NUMBERS");

        Response deep = given().contentType("application/json")
                .body("[".repeat(2000) + "]".repeat(2000))
                .post("/environments");
        assertThat(deep.statusCode()).isEqualTo(400);
        assertThat(deep.asString()).contains("nested too deeply").doesNotContain("StreamReadConstraints");

        String pact = "{\"consumer\":{\"name\":\"C\"},\"provider\":{\"name\":\"P\"},\"x\":NaN}";
        Response pactNan =
                given().contentType("application/json").body(pact).put("/pacts/provider/P/consumer/C/version/1");
        assertThat(pactNan.statusCode()).isEqualTo(400);
        assertThat(pactNan.asString()).contains("'NaN' is not a JSON number").doesNotContain("JsonReadFeature");
    }

    @Test
    void contractsPublishSaysWhichFieldHasTheWrongType() {
        Response branch = given().contentType("application/json")
                .body("{\"pacticipantName\":\"A\",\"pacticipantVersionNumber\":\"1\",\"branch\":[\"main\"],"
                        + "\"contracts\":[]}")
                .post("/contracts/publish");
        assertThat(branch.statusCode()).isEqualTo(400);
        assertThat(branch.jsonPath().getList("errors.branch", String.class)).containsExactly("must be a string");

        Response contracts = given().contentType("application/json")
                .body("{\"pacticipantName\":\"A\",\"pacticipantVersionNumber\":\"1\",\"contracts\":\"x\"}")
                .post("/contracts/publish");
        assertThat(contracts.statusCode()).isEqualTo(400);
        assertThat(contracts.jsonPath().getList("errors.contracts", String.class))
                .containsExactly("must be an array");

        Response empty = given().contentType("application/json").body("").post("/contracts/publish");
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.jsonPath().getList("errors.base", String.class)).isNotEmpty();

        Response deep = given().contentType("application/json")
                .body("[".repeat(500) + "]".repeat(500))
                .post("/contracts/publish");
        assertThat(deep.statusCode()).isEqualTo(400);
        assertThat(deep.asString()).contains("nested too deeply");
    }

    @Test
    void anEmptyVerificationBodySaysWhatIsMissing() {
        Response response = given().contentType("application/json")
                .body("")
                .post("/pacts/provider/P/consumer/C/pact-version/0123456789abcdef/verification-results");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.asString()).isNotBlank().contains("errors");
    }

    @Test
    void endingADeploymentWithPlainJsonSaysToSendAMergePatchAsThePactBrokerRequires() {
        Response response = given().contentType("application/json")
                .body("{\"currentlyDeployed\":false}")
                .patch("/deployed-versions/" + UUID.randomUUID());

        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(response.jsonPath().getString("error")).contains("send application/merge-patch+json");
    }

    @Test
    void everyRefusalOfTheHttpLayerHasAJsonMessage() {
        // a client's request (a browser's opens the API explorer instead)
        Response unknown = given().accept("application/hal+json").get("/no/such/route");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.contentType()).contains("json");
        assertThat(unknown.jsonPath().getString("error")).isNotBlank();

        Response method = given().delete("/contracts/publish");
        assertThat(method.statusCode()).isEqualTo(405);
        assertThat(method.jsonPath().getString("error")).isNotBlank();

        Response uri = given().urlEncodingEnabled(false).get("/pacticipants/" + "x".repeat(10_000));
        assertThat(uri.statusCode()).isEqualTo(414);
        assertThat(uri.jsonPath().getString("error")).contains("8192");

        Response headers = given().header("X-Big", "y".repeat(30_000)).get("/");
        assertThat(headers.statusCode()).isEqualTo(431);
        assertThat(headers.jsonPath().getString("error")).isNotBlank();

        // chunked, so no Content-Length for PactBodyLimit to refuse up front: the HTTP layer's own 413
        byte[] eleven = new byte[11 * 1024 * 1024];
        java.util.Arrays.fill(eleven, (byte) ' ');
        Response tooLarge = given().contentType("application/json")
                .body(new ByteArrayInputStream(eleven))
                .put("/pacts/provider/P/consumer/C/version/1");
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(tooLarge.jsonPath().getString("error")).isNotBlank();
    }

    @Test
    void aBodyOfMillionsOfTinyValuesIsA413BeforeItIsBuilt() {
        String body = "{\"name\":\"x\",\"production\":true,\"contacts\":[" + "[],".repeat(1_100_000) + "[]]}";

        Response response = given().contentType("application/json")
                .body(body.getBytes(StandardCharsets.UTF_8))
                .post("/environments");

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.jsonPath().getString("error")).contains("more than 1000000 JSON values");
    }
}
