package io.pactport.api.webhooks;

import static io.pactport.api.ApiFixture.column;
import static io.pactport.api.ApiFixture.execute;
import static io.pactport.api.ApiFixture.getJson;
import static io.pactport.api.ApiFixture.pact;
import static io.pactport.api.ApiFixture.unique;
import static io.pactport.api.ApiFixture.verify;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.pactport.api.webhooks.WebhookReceiver.Received;
import io.pactport.core.events.CloudEvent;
import io.pactport.core.events.CloudEventJson;
import io.pactport.core.events.EventType;
import io.pactport.core.pact.PactContent;
import io.pactport.core.testing.KafkaResource;
import io.pactport.core.testing.PostgresResource;
import io.pactport.core.testing.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Webhooks run by the executor against a real local receiver: triggered per event type from publications and
 * verifications (the first attempt from the Kafka event: the poll would wait a minute), templates rendered, retries on
 * the schedule, failure after the last one, resumption after a restart from the database schedule, no attempt sent
 * twice, secrets masked in every log, and addresses checked after the name is resolved.
 */
@QuarkusTest
@TestProfile(WebhookExecutionTest.LocalReceiverAllowed.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class WebhookExecutionTest {

    /** The receiver is on loopback: allowed by name; http allowed; retries after 1 s and 2 s. */
    public static class LocalReceiverAllowed implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "pactflow.webhook.host-whitelist",
                    "localhost /.*/",
                    "pactflow.webhook.scheme-whitelist",
                    "http https",
                    "pactflow.webhook.http-method-whitelist",
                    "POST PUT",
                    "pactflow.webhook.retry-schedule",
                    "1 2",
                    "pactflow.webhook.poll-interval",
                    "0.2s",
                    "pactflow.webhook.unclaimed-after",
                    "60s",
                    "pactflow.webhook.timeout",
                    "5s",
                    "pactflow.base-url",
                    "http://broker.example.org");
        }
    }

    private static final Duration WAIT = Duration.ofSeconds(40);
    private static final WebhookReceiver RECEIVER = new WebhookReceiver();

    @Inject
    WebhookExecutor executor;

    TestDatabase database;

    @AfterAll
    static void stopReceiver() {
        RECEIVER.close();
    }

    @Test
    void aPublicationTriggersPublishedAndChangedWithTheTemplatesRenderedAndSecretsMasked() {
        String consumer = unique("Condor");
        String provider = unique("Pricing");
        String path = "/" + consumer + "/publication";
        createWebhook(
                consumer,
                provider,
                "http://localhost:" + RECEIVER.port() + path
                        + "?branch=${pactbroker.consumerVersionBranch}&event=${pactbroker.eventName}",
                """
                {"pact":"${pactbroker.pactUrl}","tags":"${pactbroker.consumerVersionTags}",
                 "consumer":"${pactbroker.consumerName}","version":"${pactbroker.consumerVersionNumber}",
                 "status":"${pactbroker.githubVerificationStatus}"}""",
                "\"contract_published\",\"contract_content_changed\"");
        String pact = pact(consumer, provider, "a request");

        publishContracts(consumer, "1.0.0", "feat/x", pact).statusCode(200);

        List<Received> calls = RECEIVER.await(r -> r.uri().startsWith(path), 2, WAIT);
        assertThat(calls)
                .extracting(Received::uri)
                .containsExactlyInAnyOrder(
                        path + "?branch=feat%2Fx&event=contract_published",
                        path + "?branch=feat%2Fx&event=contract_content_changed");
        Received call = calls.get(0);
        String sha = PactContent.parse(pact).sha();
        assertThat(call.body())
                .contains("\"pact\":\"http://broker.example.org/pacts/provider/" + provider + "/consumer/" + consumer
                        + "/pact-version/" + sha + "/metadata/")
                .contains("\"tags\":\"dev\"")
                .contains("\"consumer\":\"" + consumer + "\"")
                .contains("\"version\":\"1.0.0\"")
                .contains("\"status\":\"pending\"");
        assertThat(call.header("X-Build")).isEqualTo("http://ci/builds/1");
        assertThat(call.header("Authorization"))
                .isEqualTo("Basic "
                        + Base64.getEncoder().encodeToString("user:p4ssw0rd".getBytes(StandardCharsets.UTF_8)));

        awaitStatuses(consumer, "success", "success");
        JsonPath json = given().accept("application/hal+json")
                .when()
                .get("/pacts/provider/{p}/consumer/{c}/version/1.0.0/triggered-webhooks", provider, consumer)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(json.getList("_embedded.triggeredWebhooks.status")).containsExactly("success", "success");
        assertThat(json.getInt("_embedded.triggeredWebhooks[0].attemptsMade")).isEqualTo(1);
        assertThat(json.getInt("_embedded.triggeredWebhooks[0].attemptsRemaining"))
                .isEqualTo(0);
        assertThat(json.getString("_embedded.triggeredWebhooks[0].name")).isEqualTo("POST localhost");
        json = getJson("/pacts/provider/{p}/consumer/{c}/webhooks/status", provider, consumer);
        assertThat(json.getInt("summary.successful")).isEqualTo(2);
        assertThat(json.getInt("summary.failed")).isEqualTo(0);
        String logsUrl = given().accept("application/hal+json")
                .when()
                .get("/pacts/provider/{p}/consumer/{c}/version/1.0.0/triggered-webhooks", provider, consumer)
                .then()
                .extract()
                .path("_embedded.triggeredWebhooks[0]._links.'pb:logs'.href");
        String logsPath = logsUrl.substring(logsUrl.indexOf("/triggered-webhooks/"));
        Response reply =
                given().when().get(logsPath).then().statusCode(200).extract().response();
        assertThat(reply.contentType()).contains("text/plain");
        Response response = reply;
        assertThat(response.asString()).contains("Successfully executed webhook");
        assertThat(response.asString()).doesNotContain("p4ssw0rd");
        json = given().accept("application/hal+json")
                .when()
                .get(logsPath)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(json.getString("consumerName")).isEqualTo(consumer);
        assertThat(json.getBoolean("executions[0].success")).isTrue();
        assertThat(json.getString("_links.'pb:webhook'.href")).contains("/webhooks/");
        String logs = allLogs(consumer);
        assertThat(logs)
                .contains("HTTP/1.1 POST http://localhost:")
                .contains("Successfully executed webhook")
                .contains("HTTP/1.1 200")
                .contains("authorization: **********")
                .doesNotContain("p4ssw0rd")
                .doesNotContain("secret-token")
                .doesNotContain(Base64.getEncoder().encodeToString("user:p4ssw0rd".getBytes(StandardCharsets.UTF_8)));

        // the same content again: published, but not changed
        publishContracts(consumer, "1.0.0", "feat/x", pact).statusCode(200);
        RECEIVER.await(r -> r.uri().startsWith(path), 3, WAIT);
        awaitStatuses(consumer, "success", "success", "success");
        assertThat(RECEIVER.matching(r -> r.uri().startsWith(path)))
                .extracting(Received::uri)
                .filteredOn(uri -> uri.endsWith("contract_content_changed"))
                .hasSize(1);
    }

    @Test
    void aVerificationTriggersPublishedAndSucceededOrFailedWithItsParameters() {
        String consumer = unique("Condor");
        String provider = unique("Pricing");
        String path = "/" + consumer + "/verification";
        createWebhook(
                consumer,
                provider,
                "http://localhost:" + RECEIVER.port() + path,
                "${pactbroker.eventName}|${pactbroker.providerVersionNumber}|${pactbroker.githubVerificationStatus}"
                        + "|${pactbroker.bitbucketVerificationStatus}|${pactbroker.verificationResultUrl}",
                "\"provider_verification_published\",\"provider_verification_succeeded\","
                        + "\"provider_verification_failed\"");
        String pact = pact(consumer, provider, "a request");
        publishContracts(consumer, "1.0.0", "main", pact).statusCode(200);
        String sha = PactContent.parse(pact).sha();

        verify(consumer, provider, sha, "2.0.0", true);
        verify(consumer, provider, sha, "2.0.1", false);

        List<String> bodies = RECEIVER.await(r -> r.uri().equals(path), 4, WAIT).stream()
                .map(Received::body)
                .toList();
        assertThat(bodies)
                .filteredOn(body -> body.startsWith("provider_verification_published|"))
                .hasSize(2);
        String number = column(
                        database,
                        "SELECT v.number FROM verifications v JOIN pacticipants p ON p.id = v.provider_id"
                                + " JOIN versions pv ON pv.id = v.provider_version_id WHERE p.name = '" + provider
                                + "' AND pv.number = '2.0.0'")
                .get(0);
        JsonPath triggered = given().accept("application/hal+json")
                .when()
                .get(
                        "/pacts/provider/{p}/consumer/{c}/pact-version/{sha}/verification-results/{n}/triggered-webhooks",
                        provider,
                        consumer,
                        sha,
                        number)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(triggered.getList("_embedded.triggeredWebhooks.eventName"))
                .containsExactlyInAnyOrder("provider_verification_published", "provider_verification_succeeded");
        String results = "http://broker.example.org/pacts/provider/" + provider + "/consumer/" + consumer
                + "/pact-version/" + sha + "/verification-results/";
        assertThat(bodies)
                .anySatisfy(body -> assertThat(body)
                        .startsWith("provider_verification_succeeded|2.0.0|success|SUCCESSFUL|" + results));
        assertThat(bodies)
                .anySatisfy(body ->
                        assertThat(body).startsWith("provider_verification_failed|2.0.1|failure|FAILED|" + results));
    }

    @Test
    void aNewVersionWithThePreviousVersionsContentIsPublishedButNotChanged() {
        String consumer = unique("Condor");
        String provider = unique("Pricing");
        String path = "/" + consumer + "/same";
        createWebhook(
                consumer,
                provider,
                "http://localhost:" + RECEIVER.port() + path,
                "${pactbroker.eventName}" + " ${pactbroker.consumerVersionNumber}",
                "\"contract_published\",\"contract_content_changed\"");
        String pact = pact(consumer, provider, "a request");

        publishContracts(consumer, "1.0.0", "main", pact).statusCode(200);
        RECEIVER.await(r -> r.uri().equals(path), 2, WAIT);
        publishContracts(consumer, "1.0.1", "main", pact).statusCode(200);
        publishContracts(consumer, "1.0.2", "main", pact(consumer, provider, "another request"))
                .statusCode(200);

        assertThat(RECEIVER.await(r -> r.uri().equals(path), 5, WAIT))
                .extracting(Received::body)
                .containsExactlyInAnyOrder(
                        "contract_published 1.0.0",
                        "contract_content_changed 1.0.0",
                        "contract_published 1.0.1",
                        "contract_published 1.0.2",
                        "contract_content_changed 1.0.2");
    }

    @Test
    void aWebhookForALabelFiresForThePacticipantsWithIt() {
        String consumer = unique("Condor");
        String provider = unique("Pricing");
        String label = unique("team");
        String path = "/" + consumer + "/labelled";
        given().contentType("application/json")
                .body("{\"name\":\"" + consumer + "\"}")
                .when()
                .post("/pacticipants")
                .then()
                .statusCode(201);
        given().contentType("application/json")
                .body("{}")
                .when()
                .put("/pacticipants/{c}/labels/{l}", consumer, label)
                .then()
                .statusCode(201);
        given().contentType("application/json")
                .body("""
                {"consumer":{"label":"%s"},"events":[{"name":"contract_published"}],
                 "request":{"method":"POST","url":"http://localhost:%d%s","body":"${pactbroker.consumerLabels}"}}""".formatted(label, RECEIVER.port(), path))
                .when()
                .post("/webhooks")
                .then()
                .statusCode(201);

        publishContracts(consumer, "1.0.0", "main", pact(consumer, provider, "a request"))
                .statusCode(200);

        assertThat(RECEIVER.await(r -> r.uri().equals(path), 1, WAIT))
                .extracting(Received::body)
                .containsExactly(label);
    }

    @Test
    void aPublicationRequiringVerificationTriggersOncePerProviderVersionToVerifyIt() {
        String consumer = unique("Condor");
        String provider = unique("Pricing");
        String path = "/" + consumer + "/required";
        given().contentType("application/json")
                .body("{\"name\":\"" + provider + "\",\"mainBranch\":\"main\"}")
                .when()
                .post("/pacticipants")
                .then()
                .statusCode(201);
        given().contentType("application/json")
                .body("{}")
                .when()
                .put("/pacticipants/{p}/branches/main/versions/p-1", provider)
                .then()
                .statusCode(201);
        createWebhook(
                consumer,
                provider,
                "http://localhost:" + RECEIVER.port() + path,
                "${pactbroker.providerVersionNumber}|${pactbroker.providerVersionBranch}"
                        + "|${pactbroker.providerVersionDescriptions}",
                "\"contract_requiring_verification_published\"");

        publishContracts(consumer, "1.0.0", "main", pact(consumer, provider, "a request"))
                .statusCode(200);

        assertThat(RECEIVER.await(r -> r.uri().equals(path), 1, WAIT))
                .extracting(Received::body)
                .containsExactly("p-1|main|latest from main branch");
    }

    @Test
    void aFailingReceiverIsRetriedOnTheScheduleUntilItSucceeds() {
        String consumer = unique("Condor");
        String provider = unique("Pricing");
        String path = "/" + consumer + "/flaky";
        RECEIVER.answer(path, 500);
        createWebhook(consumer, provider, "http://localhost:" + RECEIVER.port() + path, "x", "\"contract_published\"");

        publishContracts(consumer, "1.0.0", "main", pact(consumer, provider, "a request"))
                .statusCode(200);

        List<Received> calls = RECEIVER.await(r -> r.uri().equals(path), 2, WAIT);
        assertThat(Duration.between(calls.get(0).at(), calls.get(1).at()))
                .isGreaterThanOrEqualTo(Duration.ofMillis(900));
        awaitStatuses(consumer, "success");
        List<String> executions = column(
                database,
                "SELECT x.success || ' ' || x.logs FROM webhook_executions x"
                        + " JOIN triggered_webhooks t ON t.id = x.triggered_webhook_id JOIN pacticipants c ON c.id ="
                        + " t.consumer_id WHERE c.name = '" + consumer + "' ORDER BY x.id");
        assertThat(executions).hasSize(2);
        assertThat(executions.get(0))
                .startsWith("false")
                .contains("HTTP/1.1 500")
                .contains("Retrying webhook in 1" + " seconds");
        assertThat(executions.get(1)).startsWith("true").contains("Successfully executed webhook");
    }

    @Test
    void aReceiverThatKeepsFailingEndsInFailureAfterTheLastRetry() {
        String consumer = unique("Condor");
        String provider = unique("Pricing");
        String path = "/" + consumer + "/down";
        RECEIVER.answer(path, 503, 503, 503, 503);
        createWebhook(consumer, provider, "http://localhost:" + RECEIVER.port() + path, "x", "\"contract_published\"");

        publishContracts(consumer, "1.0.0", "main", pact(consumer, provider, "a request"))
                .statusCode(200);

        RECEIVER.await(r -> r.uri().equals(path), 3, WAIT);
        awaitStatuses(consumer, "failure");
        assertThat(allLogs(consumer)).contains("Webhook execution failed after 3 attempts");
        JsonPath json = given().when()
                .get("/pacts/provider/{p}/consumer/{c}/webhooks/status", provider, consumer)
                .then()
                .extract()
                .jsonPath();
        assertThat(json.getInt("summary.failed")).isEqualTo(1);
        assertThat(json.getInt("_embedded.triggeredWebhooks[0].attemptsRemaining"))
                .isEqualTo(0);
        assertThat(json.getString("_links.'pb:error-logs'[0].href")).contains("/triggered-webhooks/");
        sleep(Duration.ofSeconds(3));
        assertThat(RECEIVER.matching(r -> r.uri().equals(path))).hasSize(3);
    }

    @Test
    void afterARestartTheScheduleResumesWithoutSendingAClaimedAttemptAgain() throws Exception {
        String consumer = unique("Condor");
        String provider = unique("Pricing");
        String path = "/" + consumer + "/resumed";
        String interruptedPath = "/" + consumer + "/interrupted";
        createWebhook(consumer, provider, "http://localhost:" + RECEIVER.port() + path, "x", "\"contract_published\"");
        String abandoned = createWebhook(
                consumer,
                provider,
                "http://localhost:" + RECEIVER.port() + interruptedPath,
                "x",
                "\"contract_content_changed\"");
        execute(
                database,
                "DELETE FROM webhook_events WHERE webhook_id IN (SELECT id FROM webhooks WHERE uuid IN ('"
                        + webhookUuid(path) + "', '" + abandoned + "'))");
        publishContracts(consumer, "1.0.0", "main", pact(consumer, provider, "a request"))
                .statusCode(200);
        // what a replica that died leaves behind: attempt 1 claimed and never finished, so attempt 2 is due; and a
        // trigger whose last attempt (3 of 3) was claimed and never finished
        String resumed = insertTrigger(consumer, provider, webhookUuid(path), "retrying", 1);
        String interrupted = insertTrigger(consumer, provider, abandoned, "retrying", 3);

        awaitStatus(resumed, "success");
        awaitStatus(interrupted, "failure");
        assertThat(RECEIVER.matching(r -> r.uri().equals(path))).hasSize(1);
        assertThat(RECEIVER.matching(r -> r.uri().equals(interruptedPath))).isEmpty();
        assertThat(column(
                        database,
                        "SELECT count(*) FROM webhook_executions x JOIN triggered_webhooks t ON t.id ="
                                + " x.triggered_webhook_id WHERE t.uuid = '" + resumed + "'"))
                .containsExactly("1");

        // a redelivered event, and the poll racing itself, find nothing left to claim
        CloudEvent again = CloudEvent.of(
                "1",
                "/test",
                EventType.WEBHOOK_TRIGGERED.type(),
                consumer,
                null,
                CloudEventJson.mapper().createObjectNode().put("triggeredWebhookUuid", resumed));
        executor.onTriggered(again).await().atMost(Duration.ofSeconds(10));
        Uni.join()
                .all(executor.runDue(Instant.now()), executor.runDue(Instant.now()))
                .andFailFast()
                .await()
                .atMost(Duration.ofSeconds(10));
        assertThat(RECEIVER.matching(r -> r.uri().equals(path))).hasSize(1);
    }

    @Test
    void twoExecutorsRacingForOneDueAttemptSendItOnce() throws Exception {
        String consumer = unique("Condor");
        String provider = unique("Pricing");
        String path = "/" + consumer + "/raced";
        String uuid = createWebhook(
                consumer, provider, "http://localhost:" + RECEIVER.port() + path, "x", "\"contract_content_changed\"");
        execute(
                database,
                "DELETE FROM webhook_events WHERE webhook_id = (SELECT id FROM webhooks WHERE uuid = '" + uuid + "')");
        publishContracts(consumer, "1.0.0", "main", pact(consumer, provider, "a request"))
                .statusCode(200);
        String trigger = insertTrigger(consumer, provider, uuid, "not_run", 0);

        Instant now = Instant.now().plusSeconds(1);
        List<Uni<Integer>> racers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            racers.add(executor.runDue(now));
        }
        Uni.join().all(racers).andFailFast().await().atMost(Duration.ofSeconds(20));

        awaitStatus(trigger, "success");
        assertThat(RECEIVER.matching(r -> r.uri().equals(path))).hasSize(1);
    }

    @Test
    void aTestExecutionAnswersWithTheResultAndRecordsNothing() throws Exception {
        String consumer = unique("Condor");
        String provider = unique("Pricing");
        String path = "/" + consumer + "/test";
        String uuid = createWebhook(
                consumer,
                provider,
                "http://localhost:" + RECEIVER.port() + path,
                "${pactbroker.eventName} ${pactbroker.consumerVersionNumber}",
                "\"contract_content_changed\"");
        execute(database, "UPDATE webhooks SET enabled = false WHERE uuid = '" + uuid + "'");
        publishContracts(consumer, "1.0.0", "main", pact(consumer, provider, "a request"))
                .statusCode(200);

        JsonPath json = given().when()
                .post("/webhooks/{uuid}/execute", uuid)
                .then()
                .statusCode(200)
                .contentType("application/hal+json;charset=utf-8")
                .extract()
                .jsonPath();
        assertThat(json.getBoolean("success")).isTrue();
        assertThat(json.getInt("response.status")).isEqualTo(200);
        assertThat(json.getString("request.headers.authorization")).isEqualTo("**********");
        assertThat(json.getString("request.body")).isEqualTo("test 1.0.0");
        assertThat(json.getString("logs")).contains("Successfully executed webhook");
        assertThat(json.getString("logs")).doesNotContain("p4ssw0rd");
        assertThat(json.getString("_links.try-again.href")).contains("/execute");
        assertThat(RECEIVER.matching(r -> r.uri().equals(path)))
                .extracting(Received::body)
                .containsExactly("test 1.0.0");
        assertThat(column(database, "SELECT count(*) FROM triggered_webhooks WHERE webhook_uuid = '" + uuid + "'"))
                .containsExactly("0");

        // a webhook not saved yet, tried as it would run
        String unsaved = path + "-unsaved";
        json = given().contentType("application/json")
                .body("""
                {"consumer":{"name":"%s"},"request":{"method":"PUT","url":"http://localhost:%d%s",
                 "body":"${pactbroker.consumerName}"}}""".formatted(consumer, RECEIVER.port(), unsaved))
                .when()
                .post("/webhooks/execute")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(json.getBoolean("success")).isTrue();
        assertThat(RECEIVER.matching(r -> r.uri().equals(unsaved)))
                .extracting(Received::body)
                .containsExactly(consumer);
        json = given().contentType("application/json")
                .body("{\"request\":{\"method\":\"POST\"}}")
                .when()
                .post("/webhooks/execute")
                .then()
                .statusCode(400)
                .extract()
                .jsonPath();
        assertThat(json.getString("errors.'request.url'[0]")).isEqualTo("is missing");
    }

    @Test
    void aNameThatResolvesToAnInternalAddressIsNotCalled() throws Exception {
        // a name (not an IP, not localhost) that the whitelist's pattern allows but that resolves to loopback here
        String host = InetAddress.getLocalHost().getHostName();
        Assumptions.assumeTrue(
                InetAddress.getByName(host).isLoopbackAddress() && !host.equals("localhost"),
                "skipped: this machine's name does not resolve to a loopback address");
        String consumer = unique("Condor");
        String provider = unique("Pricing");
        String path = "/" + consumer + "/rebound";
        String uuid = createWebhook(
                consumer, provider, "http://" + host + ":" + RECEIVER.port() + path, "x", "\"contract_published\"");

        JsonPath json = given().when()
                .post("/webhooks/{uuid}/execute", uuid)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(json.getBoolean("success")).isFalse();
        assertThat(json.getString("error.message")).contains("is a loopback address");
        assertThat(json.getString("logs")).contains("PACTFLOW_WEBHOOK_HOST_WHITELIST");
        assertThat(RECEIVER.matching(r -> r.uri().equals(path))).isEmpty();
    }

    // ---- fixtures

    private String createWebhook(String consumer, String provider, String url, String body, String events) {
        for (String name : new String[] {consumer, provider}) {
            given().contentType("application/json")
                    .body("{\"name\":\"" + name + "\"}")
                    .when()
                    .post("/pacticipants");
        }
        String eventList = String.join(
                ",",
                java.util.Arrays.stream(events.split(","))
                        .map(e -> "{\"name\":" + e + "}")
                        .toList());
        String bodyJson = body.trim().startsWith("{") ? body : "\"" + body.replace("\"", "\\\"") + "\"";
        String location = given().contentType("application/json")
                .body("""
                {"events":[%s],"request":{"method":"POST","url":"%s","body":%s,"username":"user",
                 "password":"p4ssw0rd","headers":{"X-Build":"${pactbroker.buildUrl}",
                 "Token":"secret-token"}}}""".formatted(eventList, url, bodyJson))
                .when()
                .post("/webhooks/provider/{p}/consumer/{c}", provider, consumer)
                .then()
                .statusCode(201)
                .extract()
                .header("Location");
        return location.substring(location.lastIndexOf('/') + 1);
    }

    private static ValidatableResponse publishContracts(String consumer, String version, String branch, String pact) {
        String provider = pact.replaceAll("(?s).*\"provider\":\\{\"name\":\"([^\"]+)\".*", "$1");
        return given().contentType("application/json")
                .body("""
                {"pacticipantName":"%s","pacticipantVersionNumber":"%s","branch":"%s","tags":["dev"],
                 "buildUrl":"http://ci/builds/1","contracts":[{"consumerName":"%s","providerName":"%s",
                 "specification":"pact","contentType":"application/json","content":"%s"}]}""".formatted(
                                consumer,
                                version,
                                branch,
                                consumer,
                                provider,
                                Base64.getEncoder().encodeToString(pact.getBytes(StandardCharsets.UTF_8))))
                .when()
                .post("/contracts/publish")
                .then();
    }

    /** A triggered webhook as a replica leaves it when it dies after claiming {@code claimed} attempts. */
    private String insertTrigger(String consumer, String provider, String webhookUuid, String status, int claimed)
            throws Exception {
        String uuid = UUID.randomUUID().toString();
        execute(database, """
                WITH t AS (
                  INSERT INTO triggered_webhooks (uuid, trigger_uuid, trigger_type, pact_publication_id, webhook_id,
                    webhook_uuid, consumer_id, provider_id, status, created_at, updated_at, event_name, event_context)
                  SELECT '%1$s', '%1$s', 'resource_creation', pp.id, w.id, w.uuid, pp.consumer_id, pp.provider_id,
                    '%2$s', now(), now(), 'contract_published', '{"event_name":"contract_published"}'
                  FROM pact_publications pp JOIN pacticipants c ON c.id = pp.consumer_id, webhooks w
                  WHERE c.name = '%3$s' AND w.uuid = '%4$s' RETURNING id)
                INSERT INTO pactport_webhook_attempts (triggered_webhook_id, attempts_claimed, next_attempt_at)
                SELECT id, %5$d, now() - interval '1 second' FROM t""".formatted(uuid, status, consumer, webhookUuid, claimed));
        return uuid;
    }

    private String webhookUuid(String path) {
        return column(database, "SELECT uuid FROM webhooks WHERE url LIKE '%" + path + "'")
                .get(0);
    }

    private String allLogs(String consumer) {
        return String.join(
                "\n",
                column(
                        database,
                        "SELECT x.logs FROM webhook_executions x JOIN triggered_webhooks t"
                                + " ON t.id = x.triggered_webhook_id JOIN pacticipants c ON c.id = t.consumer_id WHERE c.name = '"
                                + consumer + "' ORDER BY x.id"));
    }

    private void awaitStatuses(String consumer, String... expected) {
        awaitRows(
                "SELECT t.status FROM triggered_webhooks t JOIN pacticipants c ON c.id = t.consumer_id"
                        + " WHERE c.name = '" + consumer + "' ORDER BY t.id",
                List.of(expected));
    }

    private void awaitStatus(String triggeredUuid, String expected) {
        awaitRows("SELECT status FROM triggered_webhooks WHERE uuid = '" + triggeredUuid + "'", List.of(expected));
    }

    private void awaitRows(String sql, List<String> expected) {
        Instant end = Instant.now().plus(WAIT);
        List<String> rows = List.of();
        while (Instant.now().isBefore(end)) {
            rows = column(database, sql);
            if (rows.equals(expected)) {
                return;
            }
            sleep(Duration.ofMillis(100));
        }
        assertThat(rows).isEqualTo(expected);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
