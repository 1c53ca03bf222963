package io.pactport.core.events;

/**
 * Every kind of event Pactport publishes: its CloudEvents {@code type} and its topic. The payload of each is
 * self-contained (a consumer can act on it without calling back), and its Kafka key is the aggregate named in the
 * javadoc of the topic, which keeps per-aggregate order.
 */
public enum EventType {

    PACTICIPANT_CREATED("pacticipant.created", Topics.PACTICIPANTS),
    PACTICIPANT_UPDATED("pacticipant.updated", Topics.PACTICIPANTS),
    PACTICIPANT_DELETED("pacticipant.deleted", Topics.PACTICIPANTS),
    LABEL_ADDED("label.added", Topics.PACTICIPANTS),
    LABEL_REMOVED("label.removed", Topics.PACTICIPANTS),
    VERSION_CREATED("version.created", Topics.PACTICIPANTS),
    VERSION_UPDATED("version.updated", Topics.PACTICIPANTS),
    VERSION_DELETED("version.deleted", Topics.PACTICIPANTS),
    BRANCH_VERSION_ADDED("branch.version.added", Topics.PACTICIPANTS),
    BRANCH_VERSION_REMOVED("branch.version.removed", Topics.PACTICIPANTS),
    BRANCH_DELETED("branch.deleted", Topics.PACTICIPANTS),
    TAG_ADDED("tag.added", Topics.PACTICIPANTS),
    TAG_REMOVED("tag.removed", Topics.PACTICIPANTS),
    ENVIRONMENT_CREATED("environment.created", Topics.PACTICIPANTS),
    ENVIRONMENT_UPDATED("environment.updated", Topics.PACTICIPANTS),
    ENVIRONMENT_DELETED("environment.deleted", Topics.PACTICIPANTS),
    DEPLOYMENT_RECORDED("deployment.recorded", Topics.PACTICIPANTS),
    UNDEPLOYMENT_RECORDED("deployment.undeployed", Topics.PACTICIPANTS),
    RELEASE_RECORDED("release.recorded", Topics.PACTICIPANTS),
    RELEASE_SUPPORT_ENDED("release.support-ended", Topics.PACTICIPANTS),
    PACT_PUBLISHED("pact.published", Topics.CONTRACTS),
    PACT_DELETED("pact.deleted", Topics.CONTRACTS),
    VERIFICATION_PUBLISHED("verification.published", Topics.CONTRACTS),
    VERIFICATION_DELETED("verification.deleted", Topics.CONTRACTS),
    INTEGRATION_DELETED("integration.deleted", Topics.CONTRACTS),
    SYNC_DEAD_LETTERED("sync.dead-lettered", Topics.SYNC_DLQ),
    RETENTION_VERSIONS_DELETED("retention.versions.deleted", Topics.RETENTION),
    RETENTION_RUN_COMPLETED("retention.run.completed", Topics.RETENTION),
    /** A webhook must run for an event: the executor claims and sends it (key {@code consumer/provider}). */
    WEBHOOK_TRIGGERED("webhook.triggered", Topics.WEBHOOKS);

    private static final String PREFIX = "io.pactport.";
    private static final String VERSION = ".v1";

    private final String type;
    private final String topic;

    EventType(String name, String topic) {
        this.type = PREFIX + name + VERSION;
        this.topic = topic;
    }

    /** The CloudEvents {@code type}, e.g. {@code io.pactport.pact.published.v1}. */
    public String type() {
        return type;
    }

    public String topic() {
        return topic;
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
