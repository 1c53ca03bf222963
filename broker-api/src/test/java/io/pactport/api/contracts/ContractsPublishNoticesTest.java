package io.pactport.api.contracts;

import static io.pactport.api.ApiFixture.base64;
import static io.pactport.api.ApiFixture.counts;
import static io.pactport.api.ApiFixture.disabled;
import static io.pactport.api.ApiFixture.event;
import static io.pactport.api.ApiFixture.pact;
import static io.pactport.api.ApiFixture.pacticipant;
import static io.pactport.api.ApiFixture.post;
import static io.pactport.api.ApiFixture.text;
import static io.pactport.api.ApiFixture.unique;
import static io.pactport.api.ApiFixture.webhook;
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

/**
 * The notices of {@code POST /contracts/publish}, word for word, type for type and in order, against the Pact Broker
 * 2.120's texts (lib/pact_broker/contracts/service.rb and locale/en.yml): what {@code pact-broker publish} prints.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class ContractsPublishNoticesTest {

    private static final String VERIFY = "prompt|    * Add Pact verification tests to the %s build. See"
            + " https://docs.pact.io/go/provider_verification";
    private static final String WEBHOOK = "prompt|    * Configure separate %s pact verification build and webhook to"
            + " trigger it when the pact content changes. See https://docs.pact.io/go/webhooks";

    TestDatabase database;

    private static String body(String consumer, String version, String labels, String... contracts) {
        return """
                {"pacticipantName":"%s","pacticipantVersionNumber":"%s",%s"contracts":[%s]}""".formatted(consumer, version, labels, String.join(",", contracts));
    }

    private static String contract(String consumer, String provider, String onConflict, String... descriptions) {
        return """
                {"consumerName":"%s","providerName":"%s","specification":"pact","contentType":"application/json",
                 "content":"%s","onConflict":"%s"}""".formatted(consumer, provider, base64(pact(consumer, provider, descriptions)), onConflict);
    }

    private static JsonPath publish(String body, int status) {
        return given().contentType("application/json")
                .body(body)
                .when()
                .post("/contracts/publish")
                .then()
                .statusCode(status)
                .extract()
                .jsonPath();
    }

    /** Each notice as {@code type|text}. */
    private static List<String> notices(JsonPath answer) {
        List<Map<String, String>> notices = answer.getList("notices");
        return notices.stream().map(n -> n.get("type") + "|" + n.get("text")).toList();
    }

    private static String pactUrl(JsonPath answer) {
        return answer.getString("_links.'pb:contracts'[0].href");
    }

    @Test
    void aFirstPublicationWithBranchAndTagsAndNothingSetUp() {
        String consumer = unique("Foo");
        String provider = unique("Bar");

        JsonPath answer = publish(
                body(
                        consumer,
                        "1",
                        "\"branch\":\"main\",\"tags\":[\"dev\",\"prod\"],",
                        contract(consumer, provider, "overwrite", "a request")),
                200);

        assertThat(notices(answer))
                .containsExactly(
                        "debug|Created " + consumer + " version 1 with branch main and tags dev, prod",
                        "success|Pact successfully published for " + consumer + " version 1 and provider " + provider
                                + ".",
                        "debug|  View the published pact at " + pactUrl(answer),
                        "debug|  Events detected: contract_published, contract_content_changed (first time any pact published"
                                + " for this consumer with consumer version tagged dev, first time any pact published for this"
                                + " consumer with consumer version tagged prod)",
                        "prompt|  Next steps:",
                        VERIFY.formatted(provider),
                        WEBHOOK.formatted(provider));
        assertThat(answer.getList("logs.level"))
                .containsExactly("debug", "success", "debug", "debug", "prompt", "prompt", "prompt");
    }

    @Test
    void withoutBranchOrTagsTheVersionBranchIsANextStep() {
        String consumer = unique("Foo");
        String provider = unique("Bar");

        JsonPath answer = publish(body(consumer, "1", "", contract(consumer, provider, "overwrite", "a")), 200);

        assertThat(notices(answer))
                .startsWith(
                        "debug|Created " + consumer + " version 1",
                        "prompt|  Next steps:\n    Configure the version branch to be the value of your repository branch.",
                        "success|Pact successfully published for " + consumer + " version 1 and provider " + provider
                                + ".",
                        "debug|  View the published pact at " + pactUrl(answer),
                        "debug|  Events detected: contract_published, contract_content_changed (first time untagged pact"
                                + " published)");
    }

    @Test
    void tagsWithoutBranchAndTheSameContentAsThePreviousVersionWithTheTag() {
        String consumer = unique("Foo");
        String provider = unique("Bar");
        publish(body(consumer, "1", "\"tags\":[\"dev\"],", contract(consumer, provider, "overwrite", "a")), 200);

        JsonPath answer = publish(
                body(consumer, "2", "\"tags\":[\"dev\"],", contract(consumer, provider, "overwrite", "a")), 200);

        assertThat(notices(answer))
                .startsWith(
                        "debug|Created " + consumer + " version 2 with tags dev",
                        "prompt|  Next steps:\n    Configure the version branch to be the value of your repository branch.",
                        "success|Pact successfully published for " + consumer + " version 2 and provider " + provider
                                + ".",
                        "debug|  View the published pact at " + pactUrl(answer),
                        "debug|  Events detected: contract_published (pact content is the same as previous version with tag"
                                + " dev and no new tags were applied)");
    }

    @Test
    void republishingTheSameContentUpdatesTheVersionAndSaysNoContentChanged() {
        String consumer = unique("Foo");
        String provider = unique("Bar");
        String body = body(consumer, "1", "\"branch\":\"main\",", contract(consumer, provider, "overwrite", "a"));
        publish(body, 200);

        JsonPath answer = publish(body, 200);

        assertThat(notices(answer))
                .startsWith(
                        "debug|Updated " + consumer + " version 1 with branch main",
                        "success|Pact successfully republished for " + consumer + " version 1 and provider " + provider
                                + " with no content changes.",
                        "debug|  View the published pact at " + pactUrl(answer),
                        "debug|  Events detected: contract_published",
                        "prompt|  Next steps:");
    }

    @Test
    void mergingIntoAnExistingPactSaysMerged() {
        String consumer = unique("Foo");
        String provider = unique("Bar");
        String body = body(consumer, "1", "\"branch\":\"main\",", contract(consumer, provider, "merge", "a"));
        publish(body, 200);

        JsonPath answer = publish(body, 200);

        assertThat(notices(answer))
                .contains("success|Pact content merged with existing content for " + consumer
                        + " version 1 and provider " + provider + ".");
    }

    @Test
    void aTriggeredWebhookIsNamedWithItsLogsAndTheNextStepsLeaveWebhooksOut() {
        String consumer = unique("Foo");
        String provider = unique("Bar");
        pacticipant(consumer);
        pacticipant(provider);
        post(
                        "/webhooks/provider/{p}/consumer/{c}",
                        webhook("", "https://ci.example.org/build", event("contract_published"))
                                .replace("\"a webhook\"", "\"Build \\\"#{provider}\\\"\""),
                        provider,
                        consumer)
                .statusCode(201);

        JsonPath answer = publish(
                body(consumer, "1", "\"branch\":\"main\",", contract(consumer, provider, "overwrite", "a")), 200);

        String uuid = text(
                database,
                "SELECT tw.uuid FROM triggered_webhooks tw JOIN pacticipants"
                        + " p ON p.id = tw.consumer_id WHERE p.name = '" + consumer + "'");
        String base = pactUrl(answer).substring(0, pactUrl(answer).indexOf("/pacts/"));
        assertThat(notices(answer))
                .containsExactly(
                        "debug|Created " + consumer + " version 1 with branch main",
                        "success|Pact successfully published for " + consumer + " version 1 and provider " + provider
                                + ".",
                        "debug|  View the published pact at " + pactUrl(answer),
                        "debug|  Events detected: contract_published, contract_content_changed (first time untagged pact"
                                + " published)",
                        "debug|  Webhook \"Build \\\"\\#{provider}\\\"\" triggered for event contract_published.\n"
                                + "    View logs at " + base + "/triggered-webhooks/" + uuid + "/logs",
                        "prompt|  Next steps:",
                        VERIFY.formatted(provider));
    }

    @Test
    void aWebhookForNoneOfTheEventsIsSaid() {
        String consumer = unique("Foo");
        String provider = unique("Bar");
        pacticipant(consumer);
        pacticipant(provider);
        post(
                        "/webhooks/provider/{p}/consumer/{c}",
                        disabled(webhook("", "https://ci.example.org/build", event("contract_published"))),
                        provider,
                        consumer)
                .statusCode(201);

        JsonPath answer = publish(
                body(consumer, "1", "\"branch\":\"main\",", contract(consumer, provider, "overwrite", "a")), 200);

        assertThat(notices(answer))
                .containsSubsequence(
                        "debug|  Events detected: contract_published, contract_content_changed (first time untagged pact"
                                + " published)",
                        "debug|  No enabled webhooks found for the detected events",
                        "prompt|  Next steps:",
                        VERIFY.formatted(provider));
        assertThat(notices(answer)).doesNotContain(WEBHOOK.formatted(provider));
    }

    @Test
    void changedContentUnderAPublishedVersionIs409WithAnErrorAndTheDiffForEachChangedPact() {
        String consumer = unique("Foo");
        String provider = unique("Bar");
        String other = unique("Baz");
        publish(
                body(
                        consumer,
                        "1",
                        "\"branch\":\"main\",",
                        contract(consumer, provider, "overwrite", "a"),
                        contract(consumer, other, "merge", "a")),
                200);
        Map<String, Long> before = counts(database);

        JsonPath answer = publish(
                body(
                        consumer,
                        "1",
                        "\"branch\":\"main\",",
                        contract(consumer, provider, "overwrite", "b"),
                        contract(consumer, other, "merge", "b")),
                409);

        String refused = "Cannot change the content of the pact for %s version 1 and provider %s, as race conditions"
                + " will cause unreliable results for can-i-deploy. Each pact must be published with a unique consumer"
                + " version number. Some Pact libraries generate random data when a concrete value for a type matcher"
                + " is not specified, and this can cause the contract to mutate - ensure you have given example values"
                + " for all type matchers. For more information see https://docs.pact.io/go/versioning";
        // the Pact Broker's CreateFormattedDiff of the published pact and the new one
        String diff = """
                info| {
                   "interactions": [
                     {
                -      "description": "a",
                +      "description": "b",
                       "request": {
                -        "path": "/a"
                +        "path": "/b"
                       }
                     }
                   ]""";
        assertThat(notices(answer))
                .containsExactly(
                        "error|" + refused.formatted(consumer, provider),
                        diff,
                        "error|" + refused.formatted(consumer, other),
                        diff);
        assertThat(answer.getList("errors.contracts"))
                .containsExactly(refused.formatted(consumer, provider), refused.formatted(consumer, other));
        assertThat(counts(database)).isEqualTo(before);
    }
}
