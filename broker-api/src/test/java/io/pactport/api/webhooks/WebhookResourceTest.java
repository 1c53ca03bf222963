package io.pactport.api.webhooks;

import io.pactport.api.pacts.PactFixtures;
import static io.pactport.api.pacts.PactFixtures.text;
import static io.pactport.api.pacts.PactFixtures.unique;
import static io.pactport.api.webhooks.WebhookFixtures.createPacticipant;
import static io.pactport.api.webhooks.WebhookFixtures.disabled;
import static io.pactport.api.webhooks.WebhookFixtures.event;
import static io.pactport.api.webhooks.WebhookFixtures.post;
import static io.pactport.api.webhooks.WebhookFixtures.webhook;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.pactport.core.testing.KafkaResource;
import io.pactport.core.testing.PostgresResource;
import io.pactport.core.testing.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Webhook CRUD in every URL form, validation with the Pact Broker's messages, and secrets never shown. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class WebhookResourceTest {

    private static final String URL = "https://ci.example.org/build?pact=${pactbroker.pactUrl}";

    TestDatabase database;

    @Test
    void createdForAConsumerAndProviderInTheUrlWithSecretsMaskedAndStoredAsThePactBrokerStoresThem() {
        String consumer = unique("Condor");
        String provider = unique("Pricing");
        createPacticipant(consumer).statusCode(201);
        createPacticipant(provider).statusCode(201);

        String location = post("/webhooks/provider/{p}/consumer/{c}", webhook("", URL,
                event("contract_content_changed")), provider, consumer)
                .statusCode(201).contentType("application/hal+json;charset=utf-8")
                .header("Location", matchesPattern(".*/webhooks/[A-Za-z0-9_-]{22}$"))
                .body("consumer.name", equalTo(consumer)).body("provider.name", equalTo(provider))
                .body("enabled", equalTo(true))
                .body("request.password", equalTo("**********"))
                .body("request.headers.authorization", equalTo("**********"))
                .body("request.headers.content-type", equalTo("application/json"))
                .body("request.body.pact", equalTo("${pactbroker.pactUrl}"))
                .body("events.name", contains("contract_content_changed"))
                .body("_links.'pb:execute'.href", endsWith("/execute"))
                .body("_links.'pb:pact-webhooks'.href", containsString("/webhooks/provider/"))
                .extract().header("Location");
        String uuid = location.substring(location.lastIndexOf('/') + 1);

        given().when().get("/webhooks/{uuid}", uuid).then().statusCode(200)
                .body("uuid", equalTo(uuid)).body("request.password", equalTo("**********"))
                .body(not(containsString("p4ssw0rd"))).body(not(containsString("secret-token")));
        // Base64, as the Ruby broker reads it back; headers as a JSON object with lower-case names
        assertThat(text(database, "SELECT password FROM webhooks WHERE uuid = '" + uuid + "'"))
                .isEqualTo(Base64.getEncoder().encodeToString("p4ssw0rd".getBytes(StandardCharsets.UTF_8)));
        assertThat(text(database, "SELECT headers FROM webhooks WHERE uuid = '" + uuid + "'"))
                .contains("\"authorization\":\"Bearer secret-token\"");
        assertThat(text(database, "SELECT is_json_request_body::text FROM webhooks WHERE uuid = '" + uuid + "'"))
                .isEqualTo("true");
        given().when().get("/webhooks/provider/{p}/consumer/{c}", provider, consumer).then().statusCode(200)
                .body("_links.'pb:webhooks'.href", contains(endsWith("/webhooks/" + uuid)))
                .body("_links.'pb:webhooks'[0].title", equalTo("A webhook for the pact between " + consumer + " and "
                        + provider));
        given().when().get("/pacts/provider/{p}/consumer/{c}/webhooks", provider, consumer).then().statusCode(200)
                .body("_links.self.title", equalTo("Pact webhooks"))
                .body("_links.'pb:webhooks'.href", contains(endsWith("/webhooks/" + uuid)));
    }

    @Test
    void everyUrlFormScopesTheWebhookAndListsOnlyItsOwn() {
        String consumer = unique("Condor");
        String provider = unique("Pricing");
        createPacticipant(consumer).statusCode(201);
        createPacticipant(provider).statusCode(201);
        String forProvider = uuidOf(post("/webhooks/provider/{p}", webhook("", URL, event("contract_published")),
                provider).statusCode(201).body("provider.name", equalTo(provider)).body("$", not(hasKey("consumer")))
                .extract().header("Location"));
        String forConsumer = uuidOf(post("/webhooks/consumer/{c}", webhook("", URL, event("contract_published")),
                consumer).statusCode(201).body("consumer.name", equalTo(consumer)).extract().header("Location"));
        String forPact = uuidOf(post("/pacts/provider/{p}/consumer/{c}/webhooks", webhook("", URL,
                event("contract_published")), provider, consumer).statusCode(201).extract().header("Location"));
        String global = uuidOf(post("/webhooks", disabled(webhook("", URL, event("contract_published"))))
                .statusCode(201).body("enabled", equalTo(false))
                .body("$", not(hasKey("consumer"))).body("$", not(hasKey("provider"))).extract().header("Location"));
        String byLabel = uuidOf(post("/webhooks", webhook("\"consumer\":{\"label\":\"team-a\"},\"provider\":{\"name\":\""
                + provider + "\"},", URL, event("contract_published"))).statusCode(201)
                .body("consumer.label", equalTo("team-a")).body("_links.'pb:consumers'.href",
                        endsWith("/pacticipants/label/team-a")).extract().header("Location"));

        given().when().get("/webhooks/provider/{p}", provider).then().statusCode(200)
                .body("_links.'pb:webhooks'.href", contains(endsWith(forProvider), endsWith(byLabel)));
        given().when().get("/webhooks/consumer/{c}", consumer).then().statusCode(200)
                .body("_links.'pb:webhooks'.href", contains(endsWith(forConsumer)));
        given().when().get("/webhooks/provider/{p}/consumer/{c}", provider, consumer).then().statusCode(200)
                .body("_links.'pb:webhooks'.href", contains(endsWith(forPact)));
        given().when().get("/webhooks").then().statusCode(200)
                .body("_links.'pb:webhooks'.href", hasItem(endsWith(global)))
                .body("_links.'pb:create'.href", endsWith("/webhooks"));
        assertThat(text(database, "SELECT consumer_label || '/' || (consumer_id IS NULL) FROM webhooks WHERE uuid = '"
                + byLabel + "'")).isEqualTo("team-a/true");
    }

    @Test
    void anUnknownPacticipantIs404InTheUrlAnd400InTheBody() {
        String missing = unique("Nobody");
        post("/webhooks/provider/{p}/consumer/{c}", webhook("", URL, event("contract_published")), missing, missing)
                .statusCode(404);
        post("/webhooks", webhook("\"consumer\":{\"name\":\"" + missing + "\"},", URL, event("contract_published")))
                .statusCode(400).body("errors.'consumer.name'", contains("does not match an existing pacticipant"));
        assertThat(text(database, "SELECT count(*) FROM webhooks WHERE description = '" + missing + "'"))
                .isEqualTo("0");
    }

    @Test
    void invalidWebhooksAreRefusedWithThePactBrokerMessagesAndNothingIsWritten() {
        String before = text(database, "SELECT count(*) FROM webhooks");
        post("/webhooks", "{\"events\":[{\"name\":\"contract_published\"}],\"request\":{\"method\":\"POST\"}}")
                .statusCode(400).body("errors.'request.url'", contains("is missing"));
        post("/webhooks", "{\"events\":[{\"name\":\"nope\"}],\"request\":{\"method\":\"GET\",\"url\":\"http://x\"}}")
                .statusCode(400)
                .body("errors.'events[0].name'[0]", containsString("must be one of: contract_published"))
                .body("errors.'request.method'", contains("must be POST. See /doc/webhooks#whitelist for more"
                        + " information."))
                .body("errors.'request.url'", contains("scheme must be https. See /doc/webhooks#whitelist for more"
                        + " information."));
        post("/webhooks", webhook("", "https://${pactbroker.consumerName}.example.org/", event("contract_published")))
                .statusCode(400).body("errors.'request.url'", contains("cannot have a template parameter in the host"));
        post("/webhooks", webhook("", "not a url", event("contract_published"))).statusCode(400)
                .body("errors.'request.url'", contains("is not a valid URL eg. http://example.org"));
        post("/webhooks", "{\"request\":{\"method\":\"FETCH\",\"url\":\"https://x.org\"},\"events\":[]}")
                .statusCode(400).body("errors.'request.method'", contains("is not a recognised HTTP method"))
                .body("errors.events", contains("size cannot be less than 1"));
        post("/webhooks", webhook("\"consumer\":{\"name\":\"a\",\"label\":\"b\"},", URL, event("contract_published")))
                .statusCode(400).body("errors.'consumer.label'", contains("name and label cannot be provided at the"
                        + " same time"));
        post("/webhooks", "{\"request\":").statusCode(400).body("error", containsString("Error parsing JSON"));
        assertThat(text(database, "SELECT count(*) FROM webhooks")).isEqualTo(before);
    }

    @Test
    void internalAddressesAreRefusedUnlessAllowed() {
        for (String url : new String[] {"https://127.0.0.1/hook", "https://localhost:8443/hook",
            "https://10.1.2.3/hook", "https://192.168.0.10/hook", "https://169.254.169.254/latest/meta-data",
            "https://[::1]/hook", "https://[fd00::1]/hook"}) {
            post("/webhooks", webhook("", url, event("contract_published"))).statusCode(400)
                    .body("errors.'request.url'[0]", containsString("PACTFLOW_WEBHOOK_HOST_WHITELIST"));
        }
    }

    @Test
    void putCreatesThenReplacesKeepingTheMaskedSecrets() {
        String uuid = "webhook-" + unique("put").replace("-", "x") + "0123";
        given().contentType("application/json").body(disabled(webhook("", URL, event("contract_published"))))
                .when().put("/webhooks/{uuid}", uuid).then().statusCode(201).body("uuid", equalTo(uuid));
        // a client sends back what it read: the password and the secret header masked
        String readBack = """
                {"description":"renamed","enabled":false,"events":[{"name":"provider_verification_published"}],
                 "request":{"method":"POST","url":"https://ci.example.org/other",
                 "headers":{"authorization":"**********"},"body":"plain text","username":"user",
                 "password":"**********"}}""";
        given().contentType("application/json").body(readBack).when().put("/webhooks/{uuid}", uuid).then()
                .statusCode(200).body("description", equalTo("renamed")).body("enabled", equalTo(false))
                .body("request.body", equalTo("plain text"))
                .body("events.name", contains("provider_verification_published"));
        assertThat(text(database, "SELECT password FROM webhooks WHERE uuid = '" + uuid + "'"))
                .isEqualTo(Base64.getEncoder().encodeToString("p4ssw0rd".getBytes(StandardCharsets.UTF_8)));
        assertThat(text(database, "SELECT headers FROM webhooks WHERE uuid = '" + uuid + "'"))
                .contains("Bearer secret-token");
        given().contentType("application/json").body(webhook("", URL, event("contract_published")))
                .when().put("/webhooks/{uuid}", "short").then().statusCode(400)
                .body("errors.uuid[0]", containsString("must be 16 or more characters"));
    }

    @Test
    void deletingKeepsTheTriggeredHistoryWithoutTheWebhook() {
        String uuid = uuidOf(post("/webhooks", disabled(webhook("", URL, event("contract_published"))))
                .statusCode(201).extract().header("Location"));
        given().when().delete("/webhooks/{uuid}", uuid).then().statusCode(204);
        given().when().get("/webhooks/{uuid}", uuid).then().statusCode(404);
        given().when().delete("/webhooks/{uuid}", uuid).then().statusCode(404);
        given().when().get("/webhooks").then().body("_links.'pb:webhooks'.href", not(hasItem(endsWith(uuid))));
    }

    @Test
    void theIndexLinksToWebhooks() {
        given().when().get("/").then().statusCode(200).body("_links.'pb:webhooks'.href", endsWith("/webhooks"))
                .body("_links.'pb:webhook'.templated", equalTo(true))
                .body("_links.'pb:webhook'.href", not(nullValue()));
    }

    static String uuidOf(String location) {
        return location.substring(location.lastIndexOf('/') + 1);
    }
}
