package io.pactport.api.pacts;

import static io.pactport.api.ApiFixture.branch;
import static io.pactport.api.ApiFixture.environment;
import static io.pactport.api.ApiFixture.pact;
import static io.pactport.api.ApiFixture.putPact;
import static io.pactport.api.ApiFixture.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.pactport.core.testing.KafkaResource;
import io.pactport.core.testing.PostgresResource;
import io.pactport.core.testing.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /pacts/provider/{p}/provider-states[/branch/{b}|/environment/{uuid}]}, which
 * {@code pact-broker provider-states list} reads: the Pact Broker's {@code ProviderStatesDecorator} shape, each state
 * once with the consumers that ask for it, sorted by name. Two consumers: Alpha (a v2 pact with the state "a state", on
 * main, its main branch, and a later version on feat-x without states) and Beta (a v3 pact with "a user exists" and
 * params, on main, also asking for "a state").
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class ProviderStatesTest {

    TestDatabase database;

    private String provider;
    private String alpha;
    private String beta;

    @BeforeEach
    void publish() {
        provider = unique("StatesProvider");
        alpha = unique("Alpha");
        beta = unique("Beta");
        putPact(alpha, provider, "1", pact(alpha, provider, "a request")).statusCode(201);
        putPact(alpha, provider, "2", """
                {"consumer":{"name":"%s"},"provider":{"name":"%s"},"interactions":[{"description":"stateless",\
                "request":{"method":"GET","path":"/"},"response":{"status":200}}],\
                "metadata":{"pactSpecification":{"version":"2.0.0"}}}""".formatted(alpha, provider)).statusCode(201);
        putPact(beta, provider, "1", """
                {"consumer":{"name":"%s"},"provider":{"name":"%s"},"interactions":[\
                {"description":"get a user","providerStates":[{"name":"a user exists","params":{"id":1.50}}],\
                "request":{"method":"GET","path":"/users/1"},"response":{"status":200}},\
                {"description":"get","providerStates":[{"name":"a state"}],\
                "request":{"method":"GET","path":"/"},"response":{"status":200}}],\
                "metadata":{"pactSpecification":{"version":"3.0.0"}}}""".formatted(beta, provider)).statusCode(201);
        branch(alpha, "main", "1");
        branch(alpha, "feat-x", "2");
        branch(beta, "main", "1");
    }

    private static String states(String path) {
        Response response = given().get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        assertThat(response.contentType()).as(path).isEqualTo("application/hal+json;charset=utf-8");
        return response.asString();
    }

    /** The params are the stored pact's, whose numbers the Pact Broker writes as Ruby does (1.50 as 1.5). */
    @Test
    void theMainBranchHeadsStatesAreListedOnceEachWithTheirConsumers() {
        assertThat(states("/pacts/provider/" + provider + "/provider-states"))
                .isEqualTo("""
                {"providerStates":[{"name":"a state","consumers":["%s","%s"]},\
                {"name":"a user exists","params":{"id":1.5},"consumers":["%s"]}]}""".formatted(alpha, beta, beta));
    }

    @Test
    void aBranchListsTheStatesOfItsHeads() {
        assertThat(states("/pacts/provider/" + provider + "/provider-states/branch/feat-x"))
                .isEqualTo("{\"providerStates\":[]}");
        branch(beta, "feat-x", "1");
        assertThat(states("/pacts/provider/" + provider + "/provider-states/branch/feat-x"))
                .contains("\"consumers\":[\"" + beta + "\"]")
                .doesNotContain(alpha);
    }

    @Test
    void anEnvironmentListsTheStatesOfWhatIsDeployedOrReleasedThere() {
        String environment = environment(unique("states-env"), false);
        given().contentType("application/json")
                .body("{}")
                .post("/pacticipants/{p}/versions/1/deployed-versions/environment/{e}", beta, environment)
                .then()
                .statusCode(201);

        assertThat(states("/pacts/provider/" + provider + "/provider-states/environment/" + environment))
                .contains("a user exists")
                .doesNotContain(alpha);
    }

    @Test
    void anUnknownProviderIs404InThePactBrokersWords() {
        Response response = given().get("/pacts/provider/nobody/provider-states");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.jsonPath().getString("error")).isEqualTo("No provider with name 'nobody' found");
    }
}
