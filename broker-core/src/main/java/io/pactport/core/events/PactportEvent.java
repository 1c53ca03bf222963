package io.pactport.core.events;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The payload of a Pactport event: one record per {@link EventType}, written as the CloudEvent's {@code data}. The
 * record alone decides its type, topic and Kafka key, so a producer cannot pair a payload with the wrong type or key,
 * and a consumer reads fields by name only through these records. The JSON field names are the records' component
 * names; the golden samples under broker-core's test resources pin them.
 */
public sealed interface PactportEvent {

    @JsonIgnore
    default EventType type() {
        return EventType.of(getClass());
    }

    /** The aggregate whose events must stay in order: the Kafka key and the CloudEvent's {@code subject}. */
    @JsonIgnore
    String key();

    /** An event about one pacticipant's data, keyed by the pacticipant's name. */
    sealed interface OfPacticipant extends PactportEvent {

        String pacticipant();

        @Override
        default String key() {
            return pacticipant();
        }
    }

    /** An event about an integration, keyed {@code consumer/provider}. */
    sealed interface OfIntegration extends PactportEvent {

        String consumer();

        String provider();

        @Override
        default String key() {
            return consumer() + "/" + provider();
        }
    }

    /** {@code pacticipant.created}: the pacticipant as it is. */
    record PacticipantCreated(
            String name,
            String displayName,
            String repositoryUrl,
            String repositoryName,
            String repositoryNamespace,
            String mainBranch)
            implements PactportEvent {
        @Override
        public String key() {
            return name;
        }
    }

    /** {@code pacticipant.updated}: the pacticipant as it is now. */
    record PacticipantUpdated(
            String name,
            String displayName,
            String repositoryUrl,
            String repositoryName,
            String repositoryNamespace,
            String mainBranch)
            implements PactportEvent {
        @Override
        public String key() {
            return name;
        }
    }

    /** {@code pacticipant.deleted}: the pacticipant as it was. */
    record PacticipantDeleted(
            String name,
            String displayName,
            String repositoryUrl,
            String repositoryName,
            String repositoryNamespace,
            String mainBranch)
            implements PactportEvent {
        @Override
        public String key() {
            return name;
        }
    }

    /** {@code label.added}. */
    record LabelAdded(String pacticipant, String label) implements OfPacticipant {}

    /** {@code label.removed}. */
    record LabelRemoved(String pacticipant, String label) implements OfPacticipant {}

    /** {@code version.created}: the version with the branches and tags it has. */
    record VersionCreated(String pacticipant, String number, String buildUrl, List<String> branches, List<String> tags)
            implements OfPacticipant {}

    /**
     * {@code version.updated}, only for a new build URL: the version with its branches and tags; a null build URL is
     * news too (it was cleared).
     */
    record VersionUpdated(String pacticipant, String number, String buildUrl, List<String> branches, List<String> tags)
            implements OfPacticipant {}

    /** {@code version.deleted}: the version as it was, with its branches and tags. */
    record VersionDeleted(String pacticipant, String number, String buildUrl, List<String> branches, List<String> tags)
            implements OfPacticipant {}

    /**
     * {@code branch.version.added}: the version became the branch's head.
     *
     * @param autoCreated the branch came from the version's first tag (the Pact Broker's first-tag-as-branch rule)
     */
    record BranchVersionAdded(String pacticipant, String branch, String version, boolean autoCreated)
            implements OfPacticipant {}

    /** {@code branch.version.removed}: the version is no longer on the branch; the version and the branch stay. */
    record BranchVersionRemoved(String pacticipant, String branch, String version) implements OfPacticipant {}

    /** {@code branch.deleted}: the branch and its branch versions are gone; the versions stay. */
    record BranchDeleted(String pacticipant, String branch, List<String> versions) implements OfPacticipant {}

    /** {@code tag.added}. */
    record TagAdded(String pacticipant, String version, String tag) implements OfPacticipant {}

    /** {@code tag.removed}. */
    record TagRemoved(String pacticipant, String version, String tag) implements OfPacticipant {}

    /** {@code environment.created}, keyed by the environment's name. */
    record EnvironmentCreated(
            String uuid,
            String name,
            String displayName,
            boolean production,
            JsonNode contacts,
            Instant createdAt,
            Instant updatedAt)
            implements PactportEvent {
        @Override
        public String key() {
            return name;
        }
    }

    /** {@code environment.updated}: the environment as it is now, keyed by its name. */
    record EnvironmentUpdated(
            String uuid,
            String name,
            String displayName,
            boolean production,
            JsonNode contacts,
            Instant createdAt,
            Instant updatedAt)
            implements PactportEvent {
        @Override
        public String key() {
            return name;
        }
    }

    /** {@code environment.deleted}: the environment as it was, keyed by its name. */
    record EnvironmentDeleted(
            String uuid,
            String name,
            String displayName,
            boolean production,
            JsonNode contacts,
            Instant createdAt,
            Instant updatedAt)
            implements PactportEvent {
        @Override
        public String key() {
            return name;
        }
    }

    /**
     * {@code deployment.recorded}: the version is deployed to the environment.
     *
     * @param autoCreated recorded because the version was tagged with the environment's name
     */
    record DeploymentRecorded(
            String deployedVersionUuid,
            String pacticipant,
            String version,
            String environment,
            String environmentUuid,
            boolean production,
            String applicationInstance,
            boolean currentlyDeployed,
            boolean autoCreated,
            Instant createdAt,
            Instant undeployedAt)
            implements OfPacticipant {}

    /** {@code deployment.undeployed}: the version is no longer deployed there. */
    record UndeploymentRecorded(
            String deployedVersionUuid,
            String pacticipant,
            String version,
            String environment,
            String environmentUuid,
            boolean production,
            String applicationInstance,
            boolean currentlyDeployed,
            boolean autoCreated,
            Instant createdAt,
            Instant undeployedAt)
            implements OfPacticipant {}

    /** {@code release.recorded}: the version is released (supported) in the environment. */
    record ReleaseRecorded(
            String releasedVersionUuid,
            String pacticipant,
            String version,
            String environment,
            String environmentUuid,
            boolean production,
            boolean currentlySupported,
            Instant createdAt,
            Instant supportEndedAt)
            implements OfPacticipant {}

    /** {@code release.support-ended}: the released version is no longer supported there. */
    record ReleaseSupportEnded(
            String releasedVersionUuid,
            String pacticipant,
            String version,
            String environment,
            String environmentUuid,
            boolean production,
            boolean currentlySupported,
            Instant createdAt,
            Instant supportEndedAt)
            implements OfPacticipant {}

    /**
     * {@code pact.published}: the publication with its consumer version's branches and tags and the whole pact.
     *
     * @param branch the last of {@code branches}, null when there is none
     * @param outcome {@code created}, {@code overwritten}, {@code merged} or {@code unchanged}
     * @param content the pact as stored, written as JSON and read back with its numbers exactly as written
     */
    record PactPublished(
            String consumer,
            String provider,
            String consumerVersionNumber,
            String branch,
            List<String> branches,
            List<String> tags,
            String buildUrl,
            String sha,
            int revision,
            String outcome,
            boolean newContent,

            @JsonRawValue @JsonDeserialize(using = RawJsonDeserializer.class)
            String content)
            implements OfIntegration {}

    /**
     * {@code pact.deleted}: every publication between the two ({@code scope} {@code all-versions}), or those of one
     * consumer version ({@code consumer-version}); a delete by tag or branch is one event per consumer version.
     *
     * @param consumerVersionNumber the consumer version whose pact went; null for {@code all-versions}
     */
    record PactDeleted(String consumer, String provider, String scope, String consumerVersionNumber)
            implements OfIntegration {

        public static final String ALL_VERSIONS = "all-versions";
        public static final String CONSUMER_VERSION = "consumer-version";

        public static PactDeleted allVersions(String consumer, String provider) {
            return new PactDeleted(consumer, provider, ALL_VERSIONS, null);
        }

        public static PactDeleted consumerVersion(String consumer, String provider, String consumerVersionNumber) {
            return new PactDeleted(consumer, provider, CONSUMER_VERSION, consumerVersionNumber);
        }
    }

    /**
     * {@code verification.published}.
     *
     * @param sha the verified pact's content SHA
     * @param providerVersionBranch the last of the provider version's branches, null when there is none
     */
    record VerificationPublished(
            String consumer,
            String provider,
            String sha,
            String consumerVersionNumber,
            String providerVersionNumber,
            String providerVersionBranch,
            List<String> providerVersionTags,
            boolean success,
            String buildUrl,
            int number,
            boolean wip,
            Boolean pending,
            Map<String, String> verifiedBy)
            implements OfIntegration {}

    /**
     * {@code verification.deleted}: one verification result of a pact's content was deleted.
     *
     * @param sha the verified pact's content SHA
     * @param number the result's number on this broker (numbers are the broker's own, so another broker's differ)
     */
    record VerificationDeleted(
            String consumer, String provider, String sha, int number, String providerVersionNumber, boolean success)
            implements OfIntegration {}

    /** {@code integration.deleted}: the integration with its pacts, verifications and webhooks. */
    record IntegrationDeleted(String consumer, String provider) implements OfIntegration {}

    /**
     * {@code webhook.triggered}: a webhook must run; the executor claims and sends it.
     *
     * @param verificationId null for a trigger by a publication
     */
    record WebhookTriggered(
            String triggeredWebhookUuid,
            String webhookUuid,
            String eventName,
            String consumer,
            String provider,
            long pactPublicationId,
            Long verificationId)
            implements OfIntegration {}

    /** {@code retention.versions.deleted}: what one batch of a clean-up run deleted of one pacticipant. */
    record RetentionVersionsDeleted(long runId, String pacticipant, List<DeletedVersion> versions)
            implements OfPacticipant {

        public record DeletedVersion(long id, String number) {}
    }

    /**
     * {@code retention.run.completed}, keyed {@code retention}: a clean-up run's summary.
     *
     * @param deletedVersionIds at most the first 10,000: every id is in the batches' own events
     * @param keepVersionSelectors the selectors as the Pact Broker's clean task reads them
     * @param tables per table, what was deleted and kept (what was deleted so far when the run failed); absent in a
     *        dry run
     */
    record RetentionRunCompleted(
            long runId,
            String trigger,
            boolean dryRun,
            String status,
            Instant startedAt,
            Instant finishedAt,
            long durationMillis,
            int versionsDeleted,
            List<Long> deletedVersionIds,
            boolean deletedVersionIdsComplete,
            List<Map<String, Object>> keepVersionSelectors,
            @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, Object> tables)
            implements PactportEvent {

        public static final String KEY = "retention";

        @Override
        public String key() {
            return KEY;
        }
    }

    /**
     * {@code sync.dead-lettered}, keyed by the sync target: an event the target refused for good.
     *
     * @param status the target's HTTP status, 0 when the event could not be written at all
     * @param event the original event, null when it could not be read ({@code raw} holds its bytes as text then)
     */
    record SyncDeadLettered(
            String target,
            String topic,
            int partition,
            long offset,
            int status,
            String answer,
            String reason,
            JsonNode event,
            String raw)
            implements PactportEvent {
        @Override
        public String key() {
            return target;
        }
    }
}
