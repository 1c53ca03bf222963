package io.pactport.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pactport.core.events.Topics;
import io.pactport.core.remote.BrokerCredentials;
import io.pactport.core.remote.BrokerReader;
import io.pactport.core.remote.BrokerWriter;
import io.pactport.core.remote.PactBrokerClient;
import io.pactport.core.remote.RemoteBrokerException;
import io.pactport.core.remote.RemoteModel.Deployment;
import io.pactport.core.remote.RemoteModel.Environment;
import io.pactport.core.remote.RemoteModel.Pact;
import io.pactport.core.remote.RemoteModel.Verification;
import io.pactport.core.remote.RemoteModel.VerificationDetails;
import io.pactport.core.remote.RemoteModel.Version;
import io.pactport.core.testing.TestDatabase;
import io.pactport.core.testing.TestKafka;
import io.pactport.core.testing.TestPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Pactport and two old brokers side by side, all real broker-api processes on their own databases, with
 * parallel-sync-service writing Pactport's events to both: old broker "a" directly, old broker "b" behind a proxy that
 * can play a broker that is down. Each test works on pacticipants of its own.
 */
class ParallelSyncIT {

    private static final Duration START = Duration.ofSeconds(180);
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static TestDatabase oldBDatabase;
    private static ServiceProcess pactport;
    private static ServiceProcess oldA;
    private static ServiceProcess oldB;
    private static ServiceProcess sync;
    private static FaultProxy proxyB;
    private static BrokerWriter toPactport;
    private static BrokerWriter toOldA;
    private static BrokerWriter toOldB;

    @BeforeAll
    static void start() throws Exception {
        TestDatabase pactportDatabase = TestPostgres.newDatabase("sync-pactport");
        TestDatabase oldADatabase = TestPostgres.newDatabase("sync-old-a");
        oldBDatabase = TestPostgres.newDatabase("sync-old-b");
        pactport = ServiceProcess.start(
                "broker-api",
                Map.of(
                        "PACTFLOW_DATABASE_URL",
                        pactportDatabase.rubyUrl(),
                        "PACTFLOW_DATABASE_AUTO_MIGRATE",
                        "true",
                        "KAFKA_BOOTSTRAP_SERVERS",
                        TestKafka.bootstrapServers()));
        // one start at a time: on a busy machine, parallel starts time out waiting for database connections
        pactport.awaitReady(START);
        // the old brokers' own events must not reach Pactport's topics
        String noKafka = "127.0.0.1:" + ServiceProcess.freePort();
        oldA = ServiceProcess.start(
                "broker-api",
                Map.of(
                        "PACTFLOW_DATABASE_URL",
                        oldADatabase.rubyUrl(),
                        "PACTFLOW_DATABASE_AUTO_MIGRATE",
                        "true",
                        "KAFKA_BOOTSTRAP_SERVERS",
                        noKafka));
        oldA.awaitAnswer("/q/health/live", START);
        oldB = ServiceProcess.start(
                "broker-api",
                Map.of(
                        "PACTFLOW_DATABASE_URL",
                        oldBDatabase.rubyUrl(),
                        "PACTFLOW_DATABASE_AUTO_MIGRATE",
                        "true",
                        "KAFKA_BOOTSTRAP_SERVERS",
                        noKafka));
        oldB.awaitAnswer("/q/health/live", START);
        proxyB = new FaultProxy(url(oldB));
        Map<String, String> env = new HashMap<>();
        env.put("PACTFLOW_DATABASE_URL", pactportDatabase.rubyUrl());
        env.put("KAFKA_BOOTSTRAP_SERVERS", TestKafka.bootstrapServers());
        env.put("PACTFLOW_SYNC_PACTPORT_URL", url(pactport));
        env.put("PACTFLOW_SYNC_TARGETS_0__NAME", "a");
        env.put("PACTFLOW_SYNC_TARGETS_0__URL", url(oldA));
        env.put("PACTFLOW_SYNC_TARGETS_1__NAME", "b");
        env.put("PACTFLOW_SYNC_TARGETS_1__URL", proxyB.url());
        env.put("PACTFLOW_SYNC_TARGETS_1__CUTOVER", "false");
        env.put("PACTFLOW_SYNC_RETRY_MAX_BACKOFF", "1s");
        env.put("PACTFLOW_SYNC_TIMEOUT", "5s");
        // the recent can-i-deploy questions are replayed every second on their own (the default is every 10 minutes)
        env.put("PACTFLOW_SYNC_SHADOW_EVERY", "1s");
        sync = ServiceProcess.start("parallel-sync-service", env);
        sync.awaitReady(START);
        toPactport = writer(url(pactport));
        toOldA = writer(url(oldA));
        toOldB = writer(url(oldB));
    }

    @AfterAll
    static void stop() throws Exception {
        for (AutoCloseable closeable : new AutoCloseable[] {sync, proxyB, oldB, oldA, pactport}) {
            if (closeable != null) {
                closeable.close();
            }
        }
    }

    @Test
    void publicationsVerificationsAndDeploymentsReachEveryTarget() throws Exception {
        String consumer = unique("Fan-Consumer");
        String provider = unique("Fan-Provider");
        String environment = unique("fan-env");
        toPactport.pact(
                pact(consumer, provider, "1.0.0", "a request"),
                new Version(consumer, "1.0.0", "https://ci/1", List.of("main"), List.of("dev")));
        String sha = toPactport
                .reader()
                .pact(consumer, provider, "1.0.0")
                .orElseThrow()
                .sha();
        toPactport.verification(
                new Verification(consumer, provider, sha, "1.0.0", "p-1", true, "https://ci/p1", null),
                new VerificationDetails("main", List.of("dev"), null, null));
        toPactport.environment(new Environment(null, environment, "Fan", true, null));
        toPactport.deployment(new Deployment(consumer, "1.0.0", environment, null), true);

        for (BrokerWriter old : List.of(toOldA, toOldB)) {
            BrokerReader reader = old.reader();
            await(() -> reader.pact(consumer, provider, "1.0.0")
                    .map(p -> p.sha().equals(sha))
                    .orElse(false));
            // the writer labels the version after publishing, so its build URL, branch and tag travel as their own
            // events on the pacticipants topic and may arrive after the pact
            await(() -> reader.version(consumer, "1.0.0")
                    .map(v -> v.tags().equals(List.of("dev"))
                            && v.branches().equals(List.of("main"))
                            && "https://ci/1".equals(v.buildUrl()))
                    .orElse(false));
            await(() -> reader
                    .verifications(reader.pact(consumer, provider, "1.0.0").orElseThrow())
                    .stream()
                    .anyMatch(v -> v.providerVersion().equals("p-1") && v.success()));
            await(() -> reader.environments().stream()
                    .filter(e -> e.name().equals(environment))
                    .anyMatch(e -> e.production()
                            && reader.currentDeployments(e).stream()
                                    .anyMatch(d -> d.pacticipant().equals(consumer)
                                            && d.version().equals("1.0.0"))));
        }
    }

    @Test
    void aTargetDownForAWhileCatchesUpWithNothingLostAndNothingDuplicated() throws Exception {
        String consumer = unique("Down-Consumer");
        String provider = unique("Down-Provider");
        proxyB.down();
        try {
            for (int i = 1; i <= 3; i++) {
                toPactport.pact(pact(consumer, provider, i + ".0", "request " + i), null);
                String sha = toPactport
                        .reader()
                        .pact(consumer, provider, i + ".0")
                        .orElseThrow()
                        .sha();
                toPactport.verification(
                        new Verification(consumer, provider, sha, i + ".0", "p-" + i, true, null, null), null);
            }
            await(() -> toOldA.reader().pact(consumer, provider, "3.0").isPresent()
                    && countVerifications(url(oldA), consumer, provider, "3.0") == 1);
            JsonNode b = target("b");
            assertThat(b.path("retried").asLong()).isPositive();
            assertThat(toOldB.reader().pact(consumer, provider, "1.0")).isEmpty();
        } finally {
            proxyB.up();
        }
        await(() -> toOldB.reader().pact(consumer, provider, "3.0").isPresent()
                && countVerifications(url(oldB), consumer, provider, "3.0") == 1);
        await(() -> target("b").path("lagEvents").asLong() == 0);
        assertThat(rows(oldBDatabase, """
                SELECT count(*) FROM pact_publications pp JOIN pacticipants c ON c.id = pp.consumer_id
                WHERE c.name = ?""", consumer)).isEqualTo(3);
        assertThat(rows(oldBDatabase, """
                SELECT count(*) FROM verifications v JOIN pacticipants p ON p.id = v.provider_id
                WHERE p.name = ?""", provider)).isEqualTo(3);
    }

    @Test
    void aPoisonEventIsDeadLetteredTheRestFlowAndTheReDriveDeliversItOnceFixed() throws Exception {
        String consumer = unique("Poison-Consumer");
        String provider = unique("Poison-Provider");
        // old broker a already has other content for this consumer version: it will refuse Pactport's with 409
        toOldA.pact(pact(consumer, provider, "1", "what a had"), null);
        toPactport.pact(pact(consumer, provider, "1", "what Pactport has"), null);
        toPactport.pact(pact(consumer, provider, "2", "the next one"), null);

        await(() -> toOldA.reader().pact(consumer, provider, "2").isPresent());
        JsonNode letter = deadLetter("a", consumer);
        assertThat(letter.path("status").asInt()).isEqualTo(409);
        assertThat(letter.path("answer").asText()).isNotBlank();
        assertThat(letter.path("event").path("type").asText()).isEqualTo("io.pactport.pact.published.v1");
        JsonNode a = target("a");
        assertThat(a.path("deadLettered").asLong()).isPositive();
        assertThat(a.path("deadLettersWaiting").asLong()).isPositive();
        // version 2 was delivered after the refusal: the error stays, with its time
        assertThat(a.path("lastError").asText()).contains("409");
        assertThat(a.path("lastErrorAt").asText()).isNotBlank();
        // b had no such conflict
        await(() -> toOldB.reader().pact(consumer, provider, "1").isPresent());

        toOldA.delete("/pacts/provider/" + PactBrokerClient.segment(provider) + "/consumer/"
                + PactBrokerClient.segment(consumer));
        JsonNode redriven = post("/sync/dlq/redrive?target=a");
        assertThat(redriven.get(0).path("delivered").asInt())
                .as(redriven.toString())
                .isPositive();
        String sha =
                toPactport.reader().pact(consumer, provider, "1").orElseThrow().sha();
        assertThat(toOldA.reader().pact(consumer, provider, "1").orElseThrow().sha())
                .isEqualTo(sha);
        assertThat(target("a").path("deadLettersWaiting").asLong()).isZero();
        assertThat(target("a").path("deadLettered").asLong()).isPositive();
    }

    @Test
    void aVersionTheOldBrokerAlreadyHoldsKeepsItsBuildUrl() throws Exception {
        String consumer = unique("Kept-Consumer");
        String provider = unique("Kept-Provider");
        // published to the old broker before Pactport ran: Pactport has the versions without build URLs
        toOldA.version(new Version(consumer, "1.0.0", "http://ci/orders/100", List.of(), List.of()));
        toOldA.version(new Version(provider, "p-1", "http://ci/prices/7", List.of(), List.of()));
        toPactport.pact(pact(consumer, provider, "1.0.0", "a kept request"), null);
        String sha = toPactport
                .reader()
                .pact(consumer, provider, "1.0.0")
                .orElseThrow()
                .sha();
        toPactport.verification(
                new Verification(consumer, provider, sha, "1.0.0", "p-1", true, null, null),
                new VerificationDetails("main", List.of(), null, null));

        BrokerReader a = toOldA.reader();
        await(() -> a.pact(consumer, provider, "1.0.0")
                .map(p -> a.verifications(p).stream()
                        .anyMatch(v -> v.providerVersion().equals("p-1")))
                .orElse(false));
        await(() -> target("a").path("lagEvents").asLong() == 0);
        assertThat(a.version(consumer, "1.0.0").orElseThrow().buildUrl()).isEqualTo("http://ci/orders/100");
        Version providerVersion = a.version(provider, "p-1").orElseThrow();
        assertThat(providerVersion.buildUrl()).isEqualTo("http://ci/prices/7");
        assertThat(providerVersion.branches()).containsExactly("main");
    }

    @Test
    void aPactTheOldBrokerRefusesLeavesItsVersionAsItWas() {
        String consumer = unique("Refused-Consumer");
        String provider = unique("Refused-Provider");
        toOldB.pact(
                pact(consumer, provider, "1", "what b had"),
                new Version(consumer, "1", "http://ci/b/1", List.of("main"), List.of("prod")));

        // what a publication event writes: the pact with its version's build URL, branch and tags
        assertThatThrownBy(() -> toOldB.pact(
                        pact(consumer, provider, "1", "what Pactport has"),
                        new Version(consumer, "1", "http://ci/pactport/1", List.of("feat/x"), List.of("dev"))))
                .isInstanceOfSatisfying(
                        RemoteBrokerException.class, e -> assertThat(e.status()).isEqualTo(409));

        Version after = toOldB.reader().version(consumer, "1").orElseThrow();
        assertThat(after.buildUrl()).isEqualTo("http://ci/b/1");
        assertThat(after.branches()).containsExactly("main");
        assertThat(after.tags()).containsExactly("prod");
    }

    @Test
    void cutoverReadinessFlipsExactlyWhenTheLastProductionDataArrivesAndTheBackfillMakesItReady() throws Exception {
        String production = unique("production");
        String consumer = unique("Cut-Consumer");
        String provider = unique("Cut-Provider");
        // what old broker a holds and Pactport does not: production versions of a consumer and its provider
        toOldA.environment(new Environment(null, production, "Production", true, null));
        seedProduction(toOldA, consumer, provider, production);
        assertThat(missing(consumer, provider))
                .extracting(m -> m.path("kind").asText())
                .contains("version", "deployed", "pact", "verification");
        assertThat(cutover("a").path("ready").asBoolean()).isFalse();

        JsonNode backfill = post("/cutover/backfill");
        assertThat(backfill.path("written").path("a").asInt()).isPositive();
        assertThat(missing(consumer, provider)).isEmpty();
        assertThat(cutover("a").path("ready").asBoolean()).isTrue();
        assertThat(toPactport
                        .reader()
                        .pact(consumer, provider, "c-1")
                        .orElseThrow()
                        .sha())
                .isEqualTo(toOldA.reader()
                        .pact(consumer, provider, "c-1")
                        .orElseThrow()
                        .sha());

        // new production versions on the old broker; the pipeline then writes them to Pactport too, piece by piece
        String consumer2 = unique("Flip-Consumer");
        String provider2 = unique("Flip-Provider");
        seedProduction(toOldA, consumer2, provider2, production);
        assertThat(cutover("a").path("ready").asBoolean()).isFalse();
        Pact pact = toOldA.reader().pact(consumer2, provider2, "c-1").orElseThrow();
        toPactport.pact(pact, null);
        toPactport.verification(
                new Verification(consumer2, provider2, pact.sha(), "c-1", "p-1", true, null, null), null);
        toPactport.deployment(new Deployment(provider2, "p-1", production, null), true);
        assertThat(missing(consumer2, provider2))
                .extracting(m -> m.path("kind").asText())
                .containsExactly("deployed");
        assertThat(cutover("a").path("ready").asBoolean()).isFalse();
        toPactport.deployment(new Deployment(consumer2, "c-1", production, null), true);
        assertThat(missing(consumer2, provider2)).isEmpty();
        assertThat(cutover("a").path("ready").asBoolean()).isTrue();
        assertThat(metric("pactport_cutover_missing{target=\"a\"}")).isEqualTo(0.0);

        // shadow can-i-deploy: the same question to both (whatever they answer today), and bad input is a 400
        JsonNode shadow = post("/cutover/shadow", """
                {"questions":[{"pacticipant":"%s","version":"c-1","environment":"%s"}]}""".formatted(consumer2, production), 200);
        assertThat(shadow.path("asked").asInt()).isEqualTo(1);
        assertThat(shadow.path("comparisons")
                        .get(0)
                        .path("question")
                        .path("pacticipant")
                        .asText())
                .isEqualTo(consumer2);
        assertThat(post("/cutover/shadow", "{\"questions\":[{\"pacticipant\":\"x\"}]}", 400)
                        .path("error")
                        .asText())
                .contains("needs pacticipant, version and environment");

        // the questions pipelines ask Pactport are replayed against the old brokers: the same answer from "a"
        askAsAPipeline(consumer2, "c-1", production);
        await(() -> recentComparison(consumer2) != null);
        JsonNode recent = recentComparison(consumer2);
        assertThat(recent.path("question").path("environment").asText()).isEqualTo(production);
        assertThat(recent.path("agree").asBoolean()).as(recent.toString()).isTrue();
        assertThat(recent.path("old").asBoolean()).isTrue();
        assertThat(metric("pactport_cutover_shadow_disagreements{target=\"a\"}"))
                .isZero();
    }

    @Test
    void theScheduledShadowReplayKeepsTheDisagreementMetricCurrentWithoutARequest() throws Exception {
        String consumer = unique("Shadow-Consumer");
        String provider = unique("Shadow-Provider");
        String environment = unique("shadow-env");
        String series = "pactport_cutover_shadow_disagreements{target=\"a\"}";
        // Pactport, and through the sync old broker a: the pact, and the provider version live in the environment
        toPactport.pact(pact(consumer, provider, "c-1", "a shadowed request"), null);
        toPactport.deployment(new Deployment(provider, "p-1", environment, null), true);
        BrokerReader a = toOldA.reader();
        await(() -> a.pact(consumer, provider, "c-1").isPresent()
                && a.environments().stream()
                        .filter(e -> e.name().equals(environment))
                        .anyMatch(e -> a.currentDeployments(e).stream()
                                .anyMatch(d -> d.version().equals("p-1"))));
        // the provider's pipeline still publishes its verification to the old broker only
        Verification verified = new Verification(
                consumer,
                provider,
                toPactport
                        .reader()
                        .pact(consumer, provider, "c-1")
                        .orElseThrow()
                        .sha(),
                "c-1",
                "p-1",
                true,
                null,
                null);
        toOldA.verification(verified, null);
        assertThat(deployable(a, consumer, environment)).isTrue();
        // a pipeline asks Pactport, which says no: the question is recorded
        assertThat(askAsAPipeline(consumer, "c-1", environment)
                        .path("summary")
                        .path("deployable")
                        .asBoolean())
                .isFalse();

        // nobody asks for /cutover/shadow: the scheduled replay alone finds the disagreement, and then the agreement
        try {
            await(() -> {
                Double disagreements = metricOrNull(series);
                return disagreements != null && disagreements > 0;
            });
            toPactport.verification(verified, null);
            await(() -> Double.valueOf(0).equals(metricOrNull(series)));
        } catch (AssertionError e) {
            throw new AssertionError("parallel-sync-service's log:\n" + sync.output(), e);
        }
    }

    @Test
    void importCopiesASecondBrokerIdempotentlyAndResumesAfterAnInterruption() throws Exception {
        String consumer = unique("Import-Consumer");
        String provider = unique("Import-Provider");
        String production = unique("import-prod");
        toOldB.environment(new Environment(null, production, null, true, null));
        seedProduction(toOldB, consumer, provider, production);
        toOldB.pact(
                pact(consumer, provider, "c-0", "an older one"),
                new Version(consumer, "c-0", null, List.of("main"), List.of("prod")));

        proxyB.failAfter(12);
        ServiceProcess interrupted = importFrom(proxyB.url());
        assertThat(interrupted.awaitExit(START)).as(interrupted.output()).isEqualTo(1);
        assertThat(interrupted.output()).contains("run the same command again");
        proxyB.up();

        ServiceProcess resumed = importFrom(proxyB.url());
        assertThat(resumed.awaitExit(START)).as(resumed.output()).isZero();
        BrokerReader copy = toPactport.reader();
        for (String version : List.of("c-0", "c-1")) {
            assertThat(copy.pact(consumer, provider, version).orElseThrow().sha())
                    .isEqualTo(toOldB.reader()
                            .pact(consumer, provider, version)
                            .orElseThrow()
                            .sha());
        }
        assertThat(copy.version(consumer, "c-0").orElseThrow().tags()).containsExactly("prod");
        assertThat(copy.verifications(copy.pact(consumer, provider, "c-1").orElseThrow()))
                .anyMatch(v -> v.providerVersion().equals("p-1") && v.success());
        assertThat(copy.environments().stream()
                        .filter(e -> e.name().equals(production))
                        .flatMap(e -> copy.currentDeployments(e).stream())
                        .map(Deployment::version))
                .containsExactlyInAnyOrder("c-1", "p-1");

        ServiceProcess again = importFrom(url(oldB));
        assertThat(again.awaitExit(START)).as(again.output()).isZero();
        assertThat(again.output()).contains("done: written 0,");
    }

    /** Consumer c-1 with a pact verified by provider p-1, both deployed to the production environment. */
    private static void seedProduction(BrokerWriter broker, String consumer, String provider, String environment) {
        broker.pact(
                pact(consumer, provider, "c-1", "a production request"),
                new Version(consumer, "c-1", null, List.of("main"), List.of()));
        String sha =
                broker.reader().pact(consumer, provider, "c-1").orElseThrow().sha();
        broker.verification(new Verification(consumer, provider, sha, "c-1", "p-1", true, null, null), null);
        broker.deployment(new Deployment(consumer, "c-1", environment, null), true);
        broker.deployment(new Deployment(provider, "p-1", environment, null), true);
    }

    private static ServiceProcess importFrom(String from) throws Exception {
        return ServiceProcess.start(
                "migration-service", Map.of(), "import", "--from", from, "--to", url(pactport), "--timeout", "5");
    }

    private static Pact pact(String consumer, String provider, String version, String description) {
        String content = """
                {"consumer":{"name":"%s"},"provider":{"name":"%s"},
                 "interactions":[{"description":"%s","request":{"method":"GET","path":"/price","query":"q=1.50"},
                                  "response":{"status":200,"body":{"price":1.50,"count":3}}}],
                 "metadata":{"pactSpecification":{"version":"2.0.0"}}}""".formatted(consumer, provider, description);
        return new Pact(consumer, provider, version, null, content);
    }

    private static List<JsonNode> missing(String... pacticipants) throws Exception {
        List<String> names = List.of(pacticipants);
        List<JsonNode> found = new java.util.ArrayList<>();
        cutover("a").path("missing").forEach(m -> {
            if (names.contains(m.path("pacticipant").asText())) {
                found.add(m);
            }
        });
        return found;
    }

    private static JsonNode cutover(String target) throws Exception {
        JsonNode report = JSON.readTree(sync.get("/cutover").body());
        for (JsonNode t : report.path("targets")) {
            if (target.equals(t.path("target").asText())) {
                return t;
            }
        }
        throw new AssertionError("no target " + target + " in " + report);
    }

    /** Old broker a's comparison of a recent can-i-deploy question about {@code pacticipant}, or null. */
    private static JsonNode recentComparison(String pacticipant) throws Exception {
        JsonNode shadow = JSON.readTree(sync.get("/cutover/shadow").body());
        assertThat(shadow.path("questions").asText()).isEqualTo("recent");
        for (JsonNode c : shadow.path("comparisons")) {
            if (c.path("target").asText().equals("a")
                    && c.path("question").path("pacticipant").asText().equals(pacticipant)) {
                return c;
            }
        }
        return null;
    }

    private static JsonNode target(String name) throws Exception {
        for (JsonNode t : JSON.readTree(sync.get("/sync/targets").body())) {
            if (name.equals(t.path("name").asText())) {
                return t;
            }
        }
        throw new AssertionError("no target " + name);
    }

    private static double metric(String series) throws Exception {
        Double value = metricOrNull(series);
        if (value == null) {
            throw new AssertionError("no metric " + series);
        }
        return value;
    }

    /** The series' value, or null while it is not there. */
    private static Double metricOrNull(String series) throws Exception {
        for (String line : sync.get("/q/metrics").body().split("\n")) {
            if (line.startsWith(series + " ")) {
                return Double.parseDouble(line.substring(series.length() + 1).trim());
            }
        }
        return null;
    }

    /**
     * can-i-deploy asked of Pactport as a pipeline asks it (not through {@code PactBrokerClient}, whose questions
     * broker-api does not record: they are shadow replays).
     */
    private static JsonNode askAsAPipeline(String pacticipant, String version, String environment) throws Exception {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(url(pactport)
                                + "/can-i-deploy?pacticipant=" + PactBrokerClient.query(pacticipant) + "&version="
                                + PactBrokerClient.query(version) + "&environment="
                                + PactBrokerClient.query(environment)))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** {@code summary.deployable} of can-i-deploy {@code pacticipant} c-1 to {@code environment}, or null. */
    private static Boolean deployable(BrokerReader broker, String pacticipant, String environment) {
        JsonNode d = broker.canIDeploy(pacticipant, "c-1", environment)
                .orElseThrow()
                .path("summary")
                .path("deployable");
        return d.isBoolean() ? d.asBoolean() : null;
    }

    private static JsonNode post(String path) throws Exception {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(url(sync) + path))
                        .timeout(Duration.ofSeconds(120))
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static JsonNode post(String path, String json, int status) throws Exception {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(url(sync) + path))
                        .timeout(Duration.ofSeconds(120))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return JSON.readTree(response.body());
    }

    /** The dead letter of target {@code target} for an event about {@code consumer}. */
    private static JsonNode deadLetter(String target, String consumer) throws Exception {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestKafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG,
                "dlq-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest");
        try (var kafka = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            kafka.subscribe(List.of(Topics.SYNC_DLQ));
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (System.nanoTime() < deadline) {
                for (var record : kafka.poll(Duration.ofMillis(500))) {
                    JsonNode data = JSON.readTree(record.value()).path("data");
                    if (target.equals(record.key())
                            && consumer.equals(data.path("event")
                                    .path("data")
                                    .path("consumer")
                                    .asText())) {
                        return data;
                    }
                }
            }
        }
        throw new AssertionError("no dead letter for " + consumer + " on " + Topics.SYNC_DLQ);
    }

    private static long countVerifications(String broker, String consumer, String provider, String version) {
        BrokerReader reader = writer(broker).reader();
        return reader.pact(consumer, provider, version)
                .map(p -> reader.verifications(p).size())
                .orElse(0);
    }

    private static long rows(TestDatabase database, String sql, String name) throws Exception {
        try (Connection c = database.connect();
                PreparedStatement statement = c.prepareStatement(sql)) {
            statement.setString(1, name);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static void await(Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        Exception last = null;
        while (System.nanoTime() < deadline) {
            try {
                if (Boolean.TRUE.equals(condition.call())) {
                    return;
                }
            } catch (Exception e) {
                last = e;
            }
            Thread.sleep(200);
        }
        throw new AssertionError(
                "not so within " + WAIT + "; sync targets: "
                        + sync.get("/sync/targets").body(),
                last);
    }

    private static BrokerWriter writer(String url) {
        return new BrokerWriter(new PactBrokerClient(url, BrokerCredentials.NONE, Duration.ofSeconds(10)));
    }

    private static String url(ServiceProcess process) {
        return "http://127.0.0.1:" + process.port;
    }

    private static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
