package io.pactport.api;

import static io.pactport.api.ApiFixture.branch;
import static io.pactport.api.ApiFixture.deploy;
import static io.pactport.api.ApiFixture.disabled;
import static io.pactport.api.ApiFixture.environment;
import static io.pactport.api.ApiFixture.event;
import static io.pactport.api.ApiFixture.getJson;
import static io.pactport.api.ApiFixture.post;
import static io.pactport.api.ApiFixture.publish;
import static io.pactport.api.ApiFixture.release;
import static io.pactport.api.ApiFixture.tag;
import static io.pactport.api.ApiFixture.unique;
import static io.pactport.api.ApiFixture.verify;
import static io.pactport.api.ApiFixture.webhook;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.pactport.api.pacts.MetadataCodec;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One integration with something behind every route of the Pact Broker's API, seeded through the API: three consumer
 * versions on a main branch (two tagged, the last untagged, the first two with different pacts), a verified pact, a
 * production environment with a deployment and a release, a label, webhooks (one triggered), and the values that fill
 * the placeholders of the route table and of templated links.
 */
public record RouteDataset(Map<String, String> values) {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");

    public static RouteDataset seed() {
        String consumer = unique("Consumer");
        String provider = unique("Provider");
        String label = unique("label");
        String environmentName = unique("production");
        String previousSha = publish(consumer, provider, "1.0.0", "a request");
        String sha = publish(consumer, provider, "2.0.0", "another request");
        for (String version : List.of("1.0.0", "2.0.0")) {
            branch(consumer, "main", version);
            tag(consumer, version, "prod");
        }
        given().contentType("application/merge-patch+json")
                .body("{\"mainBranch\":\"main\"}")
                .patch("/pacticipants/{p}", consumer)
                .then()
                .statusCode(200);
        branch(provider, "main", "9.0.0");
        tag(provider, "9.0.0", "prod");
        given().contentType("application/merge-patch+json")
                .body("{\"mainBranch\":\"main\"}")
                .patch("/pacticipants/{p}", provider)
                .then()
                .statusCode(200);
        verify(consumer, provider, sha, "9.0.0", true);
        String environment = environment(environmentName, true);
        deploy(consumer, "2.0.0", environment);
        deploy(provider, "9.0.0", environment);
        release(consumer, "2.0.0", environment);
        given().contentType("application/json")
                .body("{}")
                .put("/pacticipants/{p}/labels/{l}", consumer, label)
                .then()
                .statusCode(201);
        String webhookUrl = "https://webhook-target.invalid/hook";
        String webhook = post(
                        "/webhooks",
                        webhook(
                                "\"consumer\":{\"name\":\"" + consumer + "\"},",
                                webhookUrl,
                                event("contract_published")))
                .statusCode(201)
                .extract()
                .path("uuid");
        post(
                        "/webhooks/provider/{p}/consumer/{c}",
                        disabled(webhook("", webhookUrl, event("provider_verification_published"))),
                        provider,
                        consumer)
                .statusCode(201);
        publish(consumer, provider, "3.0.0", "another request");
        branch(consumer, "main", "3.0.0");

        Map<String, String> values = new LinkedHashMap<>();
        values.put("provider", provider);
        values.put("consumer", consumer);
        values.put("pacticipant", consumer);
        values.put("consumerVersion", "2.0.0");
        values.put("previousConsumerVersion", "1.0.0");
        values.put("version", "2.0.0");
        values.put("sha", sha);
        values.put("previousSha", previousSha);
        values.put("metadata", MetadataCodec.encode(Map.of("cvn", "2.0.0")));
        values.put("tag", "prod");
        values.put("rel", "publish-pact");
        values.put("branch", "main");
        values.put("providerBranch", "main");
        // result numbers come from one sequence for the whole broker, as in the Pact Broker's schema
        values.put(
                "verificationNumber",
                getJson(
                                "/pacts/provider/{p}/consumer/{c}/pact-version/{sha}/verification-results/latest",
                                provider,
                                consumer,
                                sha)
                        .getString("_links.self.href")
                        .replaceAll(".*/", ""));
        values.put("label", label);
        values.put("environment", environment);
        values.put("environmentName", environmentName);
        values.put("webhook", webhook);
        values.put("triggeredWebhook", triggeredWebhook(consumer, provider));
        values.put(
                "deployedVersion",
                currentUuid(environment, "deployed-versions/currently-deployed", "deployedVersions"));
        values.put(
                "releasedVersion",
                currentUuid(environment, "released-versions/currently-supported", "releasedVersions"));
        return new RouteDataset(Map.copyOf(values));
    }

    /** The path with every {@code {name}} replaced by the dataset's value; an unknown name fails the test. */
    public String fill(String template) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder filled = new StringBuilder();
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            assertThat(value)
                    .as("a value for {%s} in %s", matcher.group(1), template)
                    .isNotNull();
            matcher.appendReplacement(filled, Matcher.quoteReplacement(value));
        }
        return matcher.appendTail(filled).toString();
    }

    /** The uuid of the dataset's triggered webhook, once its first attempt is logged. */
    private static String triggeredWebhook(String consumer, String provider) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (true) {
            JsonPath json =
                    getJson("/pacts/provider/{p}/consumer/{c}/version/3.0.0/triggered-webhooks", provider, consumer);
            String logs = json.getString("_embedded.triggeredWebhooks[0]._links.'pb:logs'.href");
            String status = json.getString("_embedded.triggeredWebhooks[0].status");
            if (logs != null && !"not_run".equals(status)) {
                return logs.replaceAll(".*/triggered-webhooks/([^/]+)/logs$", "$1");
            }
            assertThat(Instant.now())
                    .as("the triggered webhook's first attempt")
                    .isBefore(deadline);
            sleep();
        }
    }

    private static String currentUuid(String environment, String path, String embedded) {
        return getJson("/environments/{e}/" + path, environment).getString("_embedded." + embedded + "[0].uuid");
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
