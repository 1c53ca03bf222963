package io.pactport.api.webhooks;

import static io.pactport.api.ApiFixture.disabled;
import static io.pactport.api.ApiFixture.event;
import static io.pactport.api.ApiFixture.getJson;
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
import io.restassured.response.Response;
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
        pacticipant(consumer);
        pacticipant(provider);

        Response response = post(
                        "/webhooks/provider/{p}/consumer/{c}",
                        webhook("", URL, event("contract_content_changed")),
                        provider,
                        consumer)
                .statusCode(201)
                .contentType("application/hal+json;charset=utf-8")
                .extract()
                .response();
        assertThat(response.header("Location")).matches(".*/webhooks/[A-Za-z0-9_-]{22}$");
        JsonPath json = response.jsonPath();
        assertThat(json.getString("consumer.name")).isEqualTo(consumer);
        assertThat(json.getString("provider.name")).isEqualTo(provider);
        assertThat(json.getBoolean("enabled")).isTrue();
        assertThat(json.getString("request.password")).isEqualTo("**********");
        assertThat(json.getString("request.headers.authorization")).isEqualTo("**********");
        assertThat(json.getString("request.headers.content-type")).isEqualTo("application/json");
        assertThat(json.getString("request.body.pact")).isEqualTo("${pactbroker.pactUrl}");
        assertThat(json.getList("events.name")).containsExactly("contract_content_changed");
        assertThat(json.getString("_links.'pb:execute'.href")).endsWith("/execute");
        assertThat(json.getString("_links.'pb:pact-webhooks'.href")).contains("/webhooks/provider/");
        String location = response.header("Location");
        String uuid = location.substring(location.lastIndexOf('/') + 1);

        response = given().when()
                .get("/webhooks/{uuid}", uuid)
                .then()
                .statusCode(200)
                .extract()
                .response();
        assertThat(response.asString()).doesNotContain("p4ssw0rd");
        assertThat(response.asString()).doesNotContain("secret-token");
        json = response.jsonPath();
        assertThat(json.getString("uuid")).isEqualTo(uuid);
        assertThat(json.getString("request.password")).isEqualTo("**********");
        // Base64, as the Ruby broker reads it back; headers as a JSON object with lower-case names
        assertThat(text(database, "SELECT password FROM webhooks WHERE uuid = '" + uuid + "'"))
                .isEqualTo(Base64.getEncoder().encodeToString("p4ssw0rd".getBytes(StandardCharsets.UTF_8)));
        assertThat(text(database, "SELECT headers FROM webhooks WHERE uuid = '" + uuid + "'"))
                .contains("\"authorization\":\"Bearer secret-token\"");
        assertThat(text(database, "SELECT is_json_request_body::text FROM webhooks WHERE uuid = '" + uuid + "'"))
                .isEqualTo("true");
        json = getJson("/webhooks/provider/{p}/consumer/{c}", provider, consumer);
        assertThat(json.getList("_links.'pb:webhooks'.href", String.class))
                .satisfiesExactly(item -> assertThat(item).endsWith("/webhooks/" + uuid));
        assertThat(json.getString("_links.'pb:webhooks'[0].title"))
                .isEqualTo("A webhook for the pact between " + consumer + " and " + provider);
        json = getJson("/pacts/provider/{p}/consumer/{c}/webhooks", provider, consumer);
        assertThat(json.getString("_links.self.title")).isEqualTo("Pact webhooks");
        assertThat(json.getList("_links.'pb:webhooks'.href", String.class))
                .satisfiesExactly(item -> assertThat(item).endsWith("/webhooks/" + uuid));
    }

    @Test
    void everyUrlFormScopesTheWebhookAndListsOnlyItsOwn() {
        String consumer = unique("Condor");
        String provider = unique("Pricing");
        pacticipant(consumer);
        pacticipant(provider);
        Response created = post("/webhooks/provider/{p}", webhook("", URL, event("contract_published")), provider)
                .statusCode(201)
                .extract()
                .response();
        assertThat(created.jsonPath().getString("provider.name")).isEqualTo(provider);
        assertThat(created.jsonPath().getMap("$")).doesNotContainKey("consumer");
        String forProvider = uuidOf(created.header("Location"));
        created = post("/webhooks/consumer/{c}", webhook("", URL, event("contract_published")), consumer)
                .statusCode(201)
                .extract()
                .response();
        assertThat(created.jsonPath().getString("consumer.name")).isEqualTo(consumer);
        String forConsumer = uuidOf(created.header("Location"));
        String forPact = uuidOf(post(
                        "/pacts/provider/{p}/consumer/{c}/webhooks",
                        webhook("", URL, event("contract_published")),
                        provider,
                        consumer)
                .statusCode(201)
                .extract()
                .header("Location"));
        created = post("/webhooks", disabled(webhook("", URL, event("contract_published"))))
                .statusCode(201)
                .extract()
                .response();
        assertThat(created.jsonPath().getBoolean("enabled")).isFalse();
        assertThat(created.jsonPath().getMap("$")).doesNotContainKeys("consumer", "provider");
        String global = uuidOf(created.header("Location"));
        created = post(
                        "/webhooks",
                        webhook(
                                "\"consumer\":{\"label\":\"team-a\"},\"provider\":{\"name\":\"" + provider + "\"},",
                                URL,
                                event("contract_published")))
                .statusCode(201)
                .extract()
                .response();
        assertThat(created.jsonPath().getString("consumer.label")).isEqualTo("team-a");
        assertThat(created.jsonPath().getString("_links.'pb:consumers'.href")).endsWith("/pacticipants/label/team-a");
        String byLabel = uuidOf(created.header("Location"));

        JsonPath json = getJson("/webhooks/provider/{p}", provider);
        assertThat(json.getList("_links.'pb:webhooks'.href", String.class))
                .satisfiesExactly(
                        item -> assertThat(item).endsWith(forProvider),
                        item -> assertThat(item).endsWith(byLabel));
        json = getJson("/webhooks/consumer/{c}", consumer);
        assertThat(json.getList("_links.'pb:webhooks'.href", String.class))
                .satisfiesExactly(item -> assertThat(item).endsWith(forConsumer));
        json = getJson("/webhooks/provider/{p}/consumer/{c}", provider, consumer);
        assertThat(json.getList("_links.'pb:webhooks'.href", String.class))
                .satisfiesExactly(item -> assertThat(item).endsWith(forPact));
        json = getJson("/webhooks");
        assertThat(json.getList("_links.'pb:webhooks'.href", String.class))
                .anySatisfy(item -> assertThat(item).endsWith(global));
        assertThat(json.getString("_links.'pb:create'.href")).endsWith("/webhooks");
        assertThat(text(
                        database,
                        "SELECT consumer_label || '/' || (consumer_id IS NULL) FROM webhooks WHERE uuid = '" + byLabel
                                + "'"))
                .isEqualTo("team-a/true");
    }

    @Test
    void anUnknownPacticipantIs404InTheUrlAnd400InTheBody() {
        String missing = unique("Nobody");
        post("/webhooks/provider/{p}/consumer/{c}", webhook("", URL, event("contract_published")), missing, missing)
                .statusCode(404);
        JsonPath json = post(
                        "/webhooks",
                        webhook("\"consumer\":{\"name\":\"" + missing + "\"},", URL, event("contract_published")))
                .statusCode(400)
                .extract()
                .jsonPath();
        assertThat(json.getList("errors.'consumer.name'")).containsExactly("does not match an existing pacticipant");
        assertThat(text(database, "SELECT count(*) FROM webhooks WHERE description = '" + missing + "'"))
                .isEqualTo("0");
    }

    @Test
    void invalidWebhooksAreRefusedWithThePactBrokerMessagesAndNothingIsWritten() {
        String before = text(database, "SELECT count(*) FROM webhooks");
        JsonPath json = post(
                        "/webhooks",
                        "{\"events\":[{\"name\":\"contract_published\"}],\"request\":{\"method\":\"POST\"}}")
                .statusCode(400)
                .extract()
                .jsonPath();
        assertThat(json.getList("errors.'request.url'")).containsExactly("is missing");
        json = post(
                        "/webhooks",
                        "{\"events\":[{\"name\":\"nope\"}],\"request\":{\"method\":\"GET\",\"url\":\"http://x\"}}")
                .statusCode(400)
                .extract()
                .jsonPath();
        assertThat(json.getString("errors.'events[0].name'[0]")).contains("must be one of: contract_published");
        assertThat(json.getList("errors.'request.method'"))
                .containsExactly("must be POST. See /doc/webhooks#whitelist for more" + " information.");
        assertThat(json.getList("errors.'request.url'"))
                .containsExactly("scheme must be https. See /doc/webhooks#whitelist for more" + " information.");
        json = post(
                        "/webhooks",
                        webhook("", "https://${pactbroker.consumerName}.example.org/", event("contract_published")))
                .statusCode(400)
                .extract()
                .jsonPath();
        assertThat(json.getList("errors.'request.url'"))
                .containsExactly("cannot have a template parameter in the host");
        json = post("/webhooks", webhook("", "not a url", event("contract_published")))
                .statusCode(400)
                .extract()
                .jsonPath();
        assertThat(json.getList("errors.'request.url'")).containsExactly("is not a valid URL eg. http://example.org");
        json = post("/webhooks", "{\"request\":{\"method\":\"FETCH\",\"url\":\"https://x.org\"},\"events\":[]}")
                .statusCode(400)
                .extract()
                .jsonPath();
        assertThat(json.getList("errors.'request.method'")).containsExactly("is not a recognised HTTP method");
        assertThat(json.getList("errors.events")).containsExactly("size cannot be less than 1");
        json = post(
                        "/webhooks",
                        webhook("\"consumer\":{\"name\":\"a\",\"label\":\"b\"},", URL, event("contract_published")))
                .statusCode(400)
                .extract()
                .jsonPath();
        assertThat(json.getList("errors.'consumer.label'"))
                .containsExactly("name and label cannot be provided at the" + " same time");
        json = post("/webhooks", "{\"request\":").statusCode(400).extract().jsonPath();
        assertThat(json.getString("error")).contains("Error parsing JSON");
        assertThat(text(database, "SELECT count(*) FROM webhooks")).isEqualTo(before);
    }

    @Test
    void internalAddressesAreRefusedUnlessAllowed() {
        for (String url : new String[] {
            "https://127.0.0.1/hook",
            "https://localhost:8443/hook",
            "https://10.1.2.3/hook",
            "https://192.168.0.10/hook",
            "https://169.254.169.254/latest/meta-data",
            "https://[::1]/hook",
            "https://[fd00::1]/hook"
        }) {
            JsonPath json = post("/webhooks", webhook("", url, event("contract_published")))
                    .statusCode(400)
                    .extract()
                    .jsonPath();
            assertThat(json.getString("errors.'request.url'[0]")).contains("PACTFLOW_WEBHOOK_HOST_WHITELIST");
        }
    }

    @Test
    void putCreatesThenReplacesKeepingTheMaskedSecrets() {
        String uuid = "webhook-" + unique("put").replace("-", "x") + "0123";
        JsonPath json = given().contentType("application/json")
                .body(disabled(webhook("", URL, event("contract_published"))))
                .when()
                .put("/webhooks/{uuid}", uuid)
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
        assertThat(json.getString("uuid")).isEqualTo(uuid);
        // a client sends back what it read: the password and the secret header masked
        String readBack = """
                {"description":"renamed","enabled":false,"events":[{"name":"provider_verification_published"}],
                 "request":{"method":"POST","url":"https://ci.example.org/other",
                 "headers":{"authorization":"**********"},"body":"plain text","username":"user",
                 "password":"**********"}}""";
        json = given().contentType("application/json")
                .body(readBack)
                .when()
                .put("/webhooks/{uuid}", uuid)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(json.getString("description")).isEqualTo("renamed");
        assertThat(json.getBoolean("enabled")).isFalse();
        assertThat(json.getString("request.body")).isEqualTo("plain text");
        assertThat(json.getList("events.name")).containsExactly("provider_verification_published");
        assertThat(text(database, "SELECT password FROM webhooks WHERE uuid = '" + uuid + "'"))
                .isEqualTo(Base64.getEncoder().encodeToString("p4ssw0rd".getBytes(StandardCharsets.UTF_8)));
        assertThat(text(database, "SELECT headers FROM webhooks WHERE uuid = '" + uuid + "'"))
                .contains("Bearer secret-token");
        json = given().contentType("application/json")
                .body(webhook("", URL, event("contract_published")))
                .when()
                .put("/webhooks/{uuid}", "short")
                .then()
                .statusCode(400)
                .extract()
                .jsonPath();
        assertThat(json.getString("errors.uuid[0]")).contains("must be 16 or more characters");
    }

    @Test
    void deletingKeepsTheTriggeredHistoryWithoutTheWebhook() {
        String uuid = uuidOf(post("/webhooks", disabled(webhook("", URL, event("contract_published"))))
                .statusCode(201)
                .extract()
                .header("Location"));
        given().when().delete("/webhooks/{uuid}", uuid).then().statusCode(204);
        given().when().get("/webhooks/{uuid}", uuid).then().statusCode(404);
        given().when().delete("/webhooks/{uuid}", uuid).then().statusCode(404);
        JsonPath json = given().when().get("/webhooks").then().extract().jsonPath();
        assertThat(json.getList("_links.'pb:webhooks'.href", String.class))
                .noneSatisfy(item -> assertThat(item).endsWith(uuid));
    }

    @Test
    void theIndexLinksToWebhooks() {
        JsonPath json = getJson("/");
        assertThat(json.getString("_links.'pb:webhooks'.href")).endsWith("/webhooks");
        assertThat(json.getBoolean("_links.'pb:webhook'.templated")).isTrue();
        assertThat(json.getString("_links.'pb:webhook'.href")).isNotNull();
    }

    static String uuidOf(String location) {
        return location.substring(location.lastIndexOf('/') + 1);
    }
}
