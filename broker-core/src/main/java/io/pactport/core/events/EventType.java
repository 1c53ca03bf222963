package io.pactport.core.events;

/**
 * Every kind of event Pactport publishes: its CloudEvents {@code type}, its topic and the one {@link PactportEvent}
 * record that is its payload. The payload is self-contained (a consumer can act on it without calling back), and the
 * record derives its Kafka key, the aggregate whose events stay in order.
 */
public enum EventType {
    PACTICIPANT_CREATED("pacticipant.created", Topics.PACTICIPANTS, PactportEvent.PacticipantCreated.class),
    PACTICIPANT_UPDATED("pacticipant.updated", Topics.PACTICIPANTS, PactportEvent.PacticipantUpdated.class),
    PACTICIPANT_DELETED("pacticipant.deleted", Topics.PACTICIPANTS, PactportEvent.PacticipantDeleted.class),
    LABEL_ADDED("label.added", Topics.PACTICIPANTS, PactportEvent.LabelAdded.class),
    LABEL_REMOVED("label.removed", Topics.PACTICIPANTS, PactportEvent.LabelRemoved.class),
    VERSION_CREATED("version.created", Topics.PACTICIPANTS, PactportEvent.VersionCreated.class),
    VERSION_UPDATED("version.updated", Topics.PACTICIPANTS, PactportEvent.VersionUpdated.class),
    VERSION_DELETED("version.deleted", Topics.PACTICIPANTS, PactportEvent.VersionDeleted.class),
    BRANCH_VERSION_ADDED("branch.version.added", Topics.PACTICIPANTS, PactportEvent.BranchVersionAdded.class),
    BRANCH_VERSION_REMOVED("branch.version.removed", Topics.PACTICIPANTS, PactportEvent.BranchVersionRemoved.class),
    BRANCH_DELETED("branch.deleted", Topics.PACTICIPANTS, PactportEvent.BranchDeleted.class),
    TAG_ADDED("tag.added", Topics.PACTICIPANTS, PactportEvent.TagAdded.class),
    TAG_REMOVED("tag.removed", Topics.PACTICIPANTS, PactportEvent.TagRemoved.class),
    ENVIRONMENT_CREATED("environment.created", Topics.PACTICIPANTS, PactportEvent.EnvironmentCreated.class),
    ENVIRONMENT_UPDATED("environment.updated", Topics.PACTICIPANTS, PactportEvent.EnvironmentUpdated.class),
    ENVIRONMENT_DELETED("environment.deleted", Topics.PACTICIPANTS, PactportEvent.EnvironmentDeleted.class),
    DEPLOYMENT_RECORDED("deployment.recorded", Topics.PACTICIPANTS, PactportEvent.DeploymentRecorded.class),
    UNDEPLOYMENT_RECORDED("deployment.undeployed", Topics.PACTICIPANTS, PactportEvent.UndeploymentRecorded.class),
    RELEASE_RECORDED("release.recorded", Topics.PACTICIPANTS, PactportEvent.ReleaseRecorded.class),
    RELEASE_SUPPORT_ENDED("release.support-ended", Topics.PACTICIPANTS, PactportEvent.ReleaseSupportEnded.class),
    PACT_PUBLISHED("pact.published", Topics.CONTRACTS, PactportEvent.PactPublished.class),
    PACT_DELETED("pact.deleted", Topics.CONTRACTS, PactportEvent.PactDeleted.class),
    VERIFICATION_PUBLISHED("verification.published", Topics.CONTRACTS, PactportEvent.VerificationPublished.class),
    VERIFICATION_DELETED("verification.deleted", Topics.CONTRACTS, PactportEvent.VerificationDeleted.class),
    INTEGRATION_DELETED("integration.deleted", Topics.CONTRACTS, PactportEvent.IntegrationDeleted.class),
    SYNC_DEAD_LETTERED("sync.dead-lettered", Topics.SYNC_DLQ, PactportEvent.SyncDeadLettered.class),
    RETENTION_VERSIONS_DELETED(
            "retention.versions.deleted", Topics.RETENTION, PactportEvent.RetentionVersionsDeleted.class),
    RETENTION_RUN_COMPLETED("retention.run.completed", Topics.RETENTION, PactportEvent.RetentionRunCompleted.class),
    /** A webhook must run for an event: the executor claims and sends it (key {@code consumer/provider}). */
    WEBHOOK_TRIGGERED("webhook.triggered", Topics.WEBHOOKS, PactportEvent.WebhookTriggered.class);

    private static final String PREFIX = "io.pactport.";
    private static final String VERSION = ".v1";

    private final String type;
    private final String topic;
    private final Class<? extends PactportEvent> payload;

    EventType(String name, String topic, Class<? extends PactportEvent> payload) {
        this.type = PREFIX + name + VERSION;
        this.topic = topic;
        this.payload = payload;
    }

    /** The CloudEvents {@code type}, e.g. {@code io.pactport.pact.published.v1}. */
    public String type() {
        return type;
    }

    public String topic() {
        return topic;
    }

    /** The record that is this type's payload, and no other type's. */
    public Class<? extends PactportEvent> payload() {
        return payload;
    }

    /** The type whose payload {@code record} is. */
    public static EventType of(Class<? extends PactportEvent> record) {
        for (EventType candidate : values()) {
            if (candidate.payload == record) {
                return candidate;
            }
        }
        throw new IllegalArgumentException(record.getName() + " is the payload of no event type");
    }

    /** The event type with this CloudEvents {@code type}; consumers must not treat an unknown one as handled. */
    public static java.util.Optional<EventType> ofType(String type) {
        for (EventType candidate : values()) {
            if (candidate.type.equals(type)) {
                return java.util.Optional.of(candidate);
            }
        }
        return java.util.Optional.empty();
    }
}
