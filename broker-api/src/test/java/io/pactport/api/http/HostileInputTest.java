package io.pactport.api.http;

import static io.pactport.api.ApiFixture.base64;
import static io.pactport.api.ApiFixture.environment;
import static io.pactport.api.ApiFixture.pact;
import static io.pactport.api.ApiFixture.putPact;
import static io.pactport.api.ApiFixture.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.pactport.api.http.HostileInput.Attempt;
import io.pactport.api.http.HostileInput.Route;
import io.pactport.core.pact.PactContent;
import io.pactport.core.testing.KafkaResource;
import io.pactport.core.testing.PostgresResource;
import io.pactport.core.testing.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Sends hostile values (NUL, half a surrogate pair, 10 KB strings, wrong types, NaN, deep nesting, broken JSON) into
 * every field and path segment of every write route, and holds each answer to the rule: never a 5xx; a refusal is a
 * 4xx with a JSON message and leaves every table as it was. Values a route may store as text (a long description, a
 * number for a string) may also be accepted. A new write route is one more row in {@link #routes}.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class HostileInputTest {

    TestDatabase database;

    /** The write routes, with values that exist (a published pact, an environment, a deployment, a release). */
    private List<Route> routes() {
        String consumer = unique("HostileConsumer");
        String provider = unique("HostileProvider");
        String pact = pact(consumer, provider, "a request");
        putPact(consumer, provider, "1.0.0", pact).statusCode(201);
        String sha = PactContent.parse(pact).sha();
        String environment = environment(unique("hostile-env"), false);
        String deployed = given().contentType("application/json")
                .body("{\"applicationInstance\":\"blue\"}")
                .post("/pacticipants/{p}/versions/1.0.0/deployed-versions/environment/{e}", consumer, environment)
                .then()
                .statusCode(201)
                .extract()
                .path("uuid");
        String released = given().contentType("application/json")
                .body("{}")
                .post("/pacticipants/{p}/versions/1.0.0/released-versions/environment/{e}", consumer, environment)
                .then()
                .statusCode(201)
                .extract()
                .path("uuid");
        String json = "application/json";
        String webhook = """
                {"description":"a webhook","enabled":false,"events":[{"name":"contract_published"}],\
                "request":{"method":"POST",\
                "url":"https://example.com/hook","headers":{"Content-Type":"application/json"},\
                "body":{"pact":"${pactbroker.pactUrl}"}}}""";
        String contracts = """
                {"pacticipantName":"%s","pacticipantVersionNumber":"2.0.0","branch":"main","tags":["main"],\
                "buildUrl":"http://ci/1","contracts":[{"consumerName":"%s","providerName":"%s",\
                "specification":"pact","contentType":"application/json","content":"%s"}]}""".formatted(consumer, consumer, provider, base64(pact));
        String verification = """
                {"success":true,"providerApplicationVersion":"3.0.0","buildUrl":"http://ci/2",\
                "testResults":[{"ok":true}],"verifiedBy":{"implementation":"Pact-JVM","version":"4.6.0"}}""";
        Map<String, String> pacticipant = Map.of("p", consumer);
        Map<String, String> version = Map.of("p", consumer, "v", "1.0.0");
        return List.of(
                new Route("POST", "/pacticipants", Map.of(), json, "{\"name\":\"new-one\",\"displayName\":\"d\"}"),
                new Route(
                        "PUT", "/pacticipants/{p}", pacticipant, json, "{\"displayName\":\"d\",\"mainBranch\":\"m\"}"),
                new Route("PATCH", "/pacticipants/{p}", pacticipant, json, "{\"repositoryUrl\":\"http://r\"}"),
                new Route("DELETE", "/pacticipants/{p}", Map.of("p", "no-such-one"), null, null),
                new Route("PUT", "/pacticipants/{p}/versions/{v}", version, json, "{\"buildUrl\":\"http://ci/3\"}"),
                new Route(
                        "PATCH",
                        "/pacticipants/{p}/versions/{v}",
                        version,
                        "application/merge-patch+json",
                        "{\"buildUrl\":\"http://ci/3\"}"),
                new Route(
                        "PUT",
                        "/pacticipants/{p}/versions/{v}/tags/{t}",
                        Map.of("p", consumer, "v", "1.0.0", "t", "prod"),
                        json,
                        "{}"),
                new Route(
                        "PUT",
                        "/pacticipants/{p}/branches/{b}/versions/{v}",
                        Map.of("p", consumer, "b", "main", "v", "1.0.0"),
                        json,
                        "{}"),
                new Route("PUT", "/pacticipants/{p}/labels/{l}", Map.of("p", consumer, "l", "team"), json, "{}"),
                new Route(
                        "PUT",
                        "/pacts/provider/{pr}/consumer/{c}/version/{v}",
                        Map.of("pr", provider, "c", consumer, "v", "1.0.1"),
                        json,
                        pact),
                new Route(
                        "PATCH",
                        "/pacts/provider/{pr}/consumer/{c}/version/{v}",
                        Map.of("pr", provider, "c", consumer, "v", "1.0.2"),
                        json,
                        pact),
                new Route(
                        "DELETE",
                        "/pacts/provider/{pr}/consumer/{c}/versions",
                        Map.of("pr", "no-such-provider", "c", consumer),
                        null,
                        null),
                new Route(
                        "DELETE",
                        "/pacts/provider/{pr}/consumer/{c}/tag/{t}",
                        Map.of("pr", provider, "c", "no-such-consumer", "t", "prod"),
                        null,
                        null),
                new Route(
                        "DELETE",
                        "/pacts/provider/{pr}/consumer/{c}/branch/{b}",
                        Map.of("pr", provider, "c", "no-such-consumer", "b", "main"),
                        null,
                        null),
                new Route(
                        "DELETE",
                        "/pacts/provider/{pr}/consumer/{c}/version/{v}",
                        Map.of("pr", provider, "c", consumer, "v", "no-such-version"),
                        null,
                        null),
                new Route("POST", "/contracts/publish", Map.of(), json, contracts),
                new Route(
                        "POST",
                        "/pacts/provider/{pr}/consumer/{c}/pact-version/{sha}/verification-results",
                        Map.of("pr", provider, "c", consumer, "sha", sha),
                        json,
                        verification),
                new Route(
                        "POST",
                        "/pacts/provider/{pr}/for-verification",
                        Map.of("pr", provider),
                        json,
                        "{\"consumerVersionSelectors\":[{\"tag\":\"prod\",\"latest\":true}],"
                                + "\"providerVersionBranch\":\"main\"}"),
                new Route(
                        "POST",
                        "/environments",
                        Map.of(),
                        json,
                        "{\"name\":\"staging\",\"displayName\":\"Staging\",\"production\":false,"
                                + "\"contacts\":[{\"name\":\"ops\",\"details\":{\"email\":\"ops@example.com\"}}]}"),
                new Route(
                        "PUT",
                        "/environments/{e}",
                        Map.of("e", environment),
                        json,
                        "{\"name\":\"renamed\",\"production\":false}"),
                new Route(
                        "POST",
                        "/pacticipants/{p}/versions/{v}/deployed-versions/environment/{e}",
                        Map.of("p", consumer, "v", "1.0.0", "e", environment),
                        json,
                        "{\"applicationInstance\":\"green\"}"),
                new Route(
                        "POST",
                        "/pacticipants/{p}/versions/{v}/released-versions/environment/{e}",
                        Map.of("p", consumer, "v", "1.0.0", "e", environment),
                        json,
                        "{}"),
                new Route(
                        "PATCH",
                        "/deployed-versions/{u}",
                        Map.of("u", deployed),
                        "application/merge-patch+json",
                        "{\"currentlyDeployed\":true}"),
                new Route(
                        "PATCH",
                        "/released-versions/{u}",
                        Map.of("u", released),
                        "application/merge-patch+json",
                        "{\"currentlySupported\":true}"),
                new Route("POST", "/webhooks", Map.of(), json, webhook),
                new Route("PUT", "/webhooks/{u}", Map.of("u", "hostile-" + UUID.randomUUID()), json, webhook),
                new Route(
                        "POST",
                        "/webhooks/provider/{pr}/consumer/{c}",
                        Map.of("pr", provider, "c", consumer),
                        json,
                        webhook),
                new Route("DELETE", "/webhooks/{u}", Map.of("u", "no-such-webhook-uuid"), null, null));
    }

    @Test
    void everyWriteRouteRefusesHostileInputWithA4xxInJsonAndWritesNothing() {
        List<String> broken = new ArrayList<>();
        int sent = 0;
        List<Route> routes = routes();
        Map<String, String> before = HostileInput.fingerprint(database);
        for (Route route : routes) {
            for (Attempt attempt : HostileInput.attempts(route)) {
                Response response = send(attempt);
                sent++;
                int status = response.statusCode();
                String body = response.asString();
                if (status >= 500) {
                    broken.add(attempt.description() + ": " + status + " " + body);
                } else if (status >= 400) {
                    if (!response.contentType().contains("json")
                            || !(body.contains("\"error\"") || body.contains("\"errors\""))) {
                        broken.add(attempt.description() + ": " + status + " without a JSON message: " + body);
                    }
                    Map<String, String> after = HostileInput.fingerprint(database);
                    if (!after.equals(before)) {
                        broken.add(attempt.description() + ": refused with " + status + " but wrote to "
                                + changed(before, after));
                    }
                    before = after;
                } else {
                    if (!attempt.mayBeStored()) {
                        broken.add(attempt.description() + ": accepted with " + status);
                    }
                    before = HostileInput.fingerprint(database);
                }
            }
        }
        assertThat(sent).isGreaterThan(500);
        assertThat(broken).isEmpty();
    }

    private static Response send(Attempt attempt) {
        var request = given().urlEncodingEnabled(false);
        if (attempt.contentType() != null) {
            request = request.contentType(attempt.contentType());
        }
        if (attempt.body() != null) {
            request = request.body(attempt.body().getBytes(StandardCharsets.UTF_8));
        }
        return request.request(attempt.method(), attempt.path());
    }

    private static List<String> changed(Map<String, String> before, Map<String, String> after) {
        return after.keySet().stream()
                .filter(table -> !after.get(table).equals(before.get(table)))
                .toList();
    }
}
