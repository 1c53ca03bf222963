package io.pactport.core.events;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import io.pactport.core.events.PactportEvent.BranchDeleted;
import io.pactport.core.events.PactportEvent.BranchVersionAdded;
import io.pactport.core.events.PactportEvent.BranchVersionRemoved;
import io.pactport.core.events.PactportEvent.DeploymentRecorded;
import io.pactport.core.events.PactportEvent.EnvironmentCreated;
import io.pactport.core.events.PactportEvent.EnvironmentDeleted;
import io.pactport.core.events.PactportEvent.EnvironmentUpdated;
import io.pactport.core.events.PactportEvent.IntegrationDeleted;
import io.pactport.core.events.PactportEvent.LabelAdded;
import io.pactport.core.events.PactportEvent.LabelRemoved;
import io.pactport.core.events.PactportEvent.PactDeleted;
import io.pactport.core.events.PactportEvent.PactPublished;
import io.pactport.core.events.PactportEvent.PacticipantCreated;
import io.pactport.core.events.PactportEvent.PacticipantDeleted;
import io.pactport.core.events.PactportEvent.PacticipantUpdated;
import io.pactport.core.events.PactportEvent.ReleaseRecorded;
import io.pactport.core.events.PactportEvent.ReleaseSupportEnded;
import io.pactport.core.events.PactportEvent.RetentionRunCompleted;
import io.pactport.core.events.PactportEvent.RetentionVersionsDeleted;
import io.pactport.core.events.PactportEvent.SyncDeadLettered;
import io.pactport.core.events.PactportEvent.TagAdded;
import io.pactport.core.events.PactportEvent.TagRemoved;
import io.pactport.core.events.PactportEvent.UndeploymentRecorded;
import io.pactport.core.events.PactportEvent.VerificationDeleted;
import io.pactport.core.events.PactportEvent.VerificationPublished;
import io.pactport.core.events.PactportEvent.VersionCreated;
import io.pactport.core.events.PactportEvent.VersionDeleted;
import io.pactport.core.events.PactportEvent.VersionUpdated;
import io.pactport.core.events.PactportEvent.WebhookTriggered;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The golden sample of every event type: {@code events/<name>.json} on the test classpath (broker-core's test-jar, so
 * the consumers' tests read the same files) is the payload as it travels on Kafka, and {@link #record} the record that
 * writes it.
 */
public final class EventSamples {

    /** Reads numbers exactly as written, as the sync does, so a pact's decimals are compared to the letter. */
    static final ObjectMapper EXACT = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

    private static final Instant CREATED = Instant.parse("2026-11-22T12:00:00.123Z");
    private static final Instant LATER = Instant.parse("2026-11-22T12:05:00Z");
    private static final String PACT = "{\"consumer\":{\"name\":\"Foo\"},\"provider\":{\"name\":\"Bar\"},"
            + "\"interactions\":[{\"description\":\"a price\",\"response\":{\"status\":200,\"body\":{\"price\":1.10,"
            + "\"big\":12345678901234567890.5}}}],\"metadata\":{\"pactSpecification\":{\"version\":\"2.0.0\"}}}";

    private EventSamples() {}

    /** {@code pact.published} for {@code io.pactport.pact.published.v1}. */
    public static String name(EventType type) {
        return type.type().substring("io.pactport.".length(), type.type().length() - ".v1".length());
    }

    /** The sample payload, numbers exactly as written. */
    public static JsonNode json(EventType type) {
        String resource = "/events/" + name(type) + ".json";
        try (InputStream in = EventSamples.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no golden sample " + resource);
            }
            return EXACT.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The sample as broker-api's relay puts it on Kafka: the payload in its CloudEvent, keyed as its record says. */
    public static CloudEvent cloudEvent(EventType type) {
        return CloudEvent.of(
                name(type) + "-1",
                "/pactport/broker-api",
                type.type(),
                record(type).key(),
                OffsetDateTime.of(2026, 11, 22, 12, 0, 0, 0, ZoneOffset.UTC),
                json(type));
    }

    public static PactportEvent record(EventType type) {
        return switch (type) {
            case PACTICIPANT_CREATED ->
                new PacticipantCreated("Foo", "Foo", "https://git.example/foo", "foo", "team", "main");
            case PACTICIPANT_UPDATED -> new PacticipantUpdated("Foo", "Foo Service", null, null, null, "main");
            case PACTICIPANT_DELETED -> new PacticipantDeleted("Foo", "Foo Service", null, null, null, null);
            case LABEL_ADDED -> new LabelAdded("Foo", "payments");
            case LABEL_REMOVED -> new LabelRemoved("Foo", "payments");
            case VERSION_CREATED ->
                new VersionCreated("Foo", "1.0.0", "https://ci.example/foo/1", List.of(), List.of("dev"));
            case VERSION_UPDATED -> new VersionUpdated("Foo", "1.0.0", null, List.of("main"), List.of("dev"));
            case VERSION_DELETED ->
                new VersionDeleted("Foo", "1.0.0", "https://ci.example/foo/1", List.of("main"), List.of("dev", "prod"));
            case BRANCH_VERSION_ADDED -> new BranchVersionAdded("Foo", "main", "1.0.0", true);
            case BRANCH_VERSION_REMOVED -> new BranchVersionRemoved("Foo", "main", "1.0.0");
            case BRANCH_DELETED -> new BranchDeleted("Foo", "feat/x", List.of("1.0.0", "1.0.1"));
            case TAG_ADDED -> new TagAdded("Foo", "1.0.0", "dev");
            case TAG_REMOVED -> new TagRemoved("Foo", "1.0.0", "dev");
            case ENVIRONMENT_CREATED ->
                new EnvironmentCreated(
                        "2b5c1e4a-0f7e-4c4b-9d35-6a3f1e2d9c01", "test", "Test", false, contacts(), CREATED, CREATED);
            case ENVIRONMENT_UPDATED ->
                new EnvironmentUpdated(
                        "2b5c1e4a-0f7e-4c4b-9d35-6a3f1e2d9c01",
                        "test",
                        "Test stage",
                        false,
                        NullNode.getInstance(),
                        CREATED,
                        LATER);
            case ENVIRONMENT_DELETED ->
                new EnvironmentDeleted(
                        "2b5c1e4a-0f7e-4c4b-9d35-6a3f1e2d9c01", "test", "Test", false, contacts(), CREATED, LATER);
            case DEPLOYMENT_RECORDED ->
                new DeploymentRecorded(
                        "7d1e0c5b-3a2f-4e8d-b6c9-0f1a2b3c4d5e",
                        "Foo",
                        "1.0.0",
                        "production",
                        "9c0d1e2f-3a4b-4c5d-8e6f-7a8b9c0d1e2f",
                        true,
                        "blue",
                        true,
                        false,
                        CREATED,
                        null);
            case UNDEPLOYMENT_RECORDED ->
                new UndeploymentRecorded(
                        "7d1e0c5b-3a2f-4e8d-b6c9-0f1a2b3c4d5e",
                        "Foo",
                        "1.0.0",
                        "production",
                        "9c0d1e2f-3a4b-4c5d-8e6f-7a8b9c0d1e2f",
                        true,
                        null,
                        false,
                        true,
                        CREATED,
                        LATER);
            case RELEASE_RECORDED ->
                new ReleaseRecorded(
                        "5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9",
                        "Foo",
                        "1.0.0",
                        "production",
                        "9c0d1e2f-3a4b-4c5d-8e6f-7a8b9c0d1e2f",
                        true,
                        true,
                        CREATED,
                        null);
            case RELEASE_SUPPORT_ENDED ->
                new ReleaseSupportEnded(
                        "5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9",
                        "Foo",
                        "1.0.0",
                        "production",
                        "9c0d1e2f-3a4b-4c5d-8e6f-7a8b9c0d1e2f",
                        true,
                        false,
                        CREATED,
                        LATER);
            case PACT_PUBLISHED ->
                new PactPublished(
                        "Foo",
                        "Bar",
                        "1.0.0",
                        "main",
                        List.of("main"),
                        List.of("dev"),
                        "https://ci.example/foo/1",
                        "6f1d6c7d9a1b4e0c2f3a5b7c9d1e3f5a7b9c1d3e",
                        1,
                        "created",
                        true,
                        PACT);
            case PACT_DELETED -> PactDeleted.consumerVersion("Foo", "Bar", "1.0.0");
            case VERIFICATION_PUBLISHED ->
                new VerificationPublished(
                        "Foo",
                        "Bar",
                        "6f1d6c7d9a1b4e0c2f3a5b7c9d1e3f5a7b9c1d3e",
                        "1.0.0",
                        "2.0.0",
                        "main",
                        List.of("prod"),
                        true,
                        "https://ci.example/bar/2",
                        1,
                        false,
                        null,
                        Map.of("implementation", "Pact-JVM", "version", "4.6"));
            case VERIFICATION_DELETED ->
                new VerificationDeleted("Foo", "Bar", "6f1d6c7d9a1b4e0c2f3a5b7c9d1e3f5a7b9c1d3e", 201, "2.0.0", true);
            case INTEGRATION_DELETED -> new IntegrationDeleted("Foo", "Bar");
            case WEBHOOK_TRIGGERED ->
                new WebhookTriggered(
                        "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
                        "f1e2d3c4-b5a6-4978-8a9b-0c1d2e3f4a5b",
                        "contract_published",
                        "Foo",
                        "Bar",
                        42,
                        null);
            case RETENTION_VERSIONS_DELETED ->
                new RetentionVersionsDeleted(
                        7,
                        "Foo",
                        List.of(
                                new RetentionVersionsDeleted.DeletedVersion(101, "0.9.0"),
                                new RetentionVersionsDeleted.DeletedVersion(102, "0.9.1")));
            case RETENTION_RUN_COMPLETED ->
                new RetentionRunCompleted(
                        7,
                        "scheduled",
                        false,
                        "succeeded",
                        CREATED,
                        LATER,
                        299_877,
                        2,
                        List.of(101L, 102L),
                        true,
                        List.of(Map.of("max_age", 90)),
                        tables());
            case SYNC_DEAD_LETTERED ->
                new SyncDeadLettered(
                        "old-broker",
                        Topics.PACTICIPANTS,
                        3,
                        1234,
                        409,
                        "{\"error\":\"Version 1.0.0 is locked\"}",
                        "PUT /pacticipants/Foo/versions/1.0.0/tags/dev" + " answered 409",
                        CloudEventJson.mapper().valueToTree(cloudEvent(EventType.TAG_ADDED)),
                        null);
        };
    }

    private static JsonNode contacts() {
        return CloudEventJson.mapper()
                .createArrayNode()
                .add(CloudEventJson.mapper()
                        .createObjectNode()
                        .put("name", "Team Foo")
                        .set(
                                "details",
                                CloudEventJson.mapper().createObjectNode().put("email", "foo@example.com")));
    }

    private static Map<String, Object> tables() {
        Map<String, Object> tables = new LinkedHashMap<>();
        tables.put("versions", Map.of("deleted", 2, "kept", 40));
        tables.put("pact_publications", Map.of("deleted", 1, "kept", 12));
        return tables;
    }
}
