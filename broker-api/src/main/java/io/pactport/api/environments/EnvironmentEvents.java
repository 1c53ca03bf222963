package io.pactport.api.environments;

import com.fasterxml.jackson.databind.JsonNode;
import io.pactport.core.events.PactportEvent;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * The environment, deployment and release events of broker-core built from stored rows. Event types with the same
 * payload (created, updated, deleted, …) share one mapping; the caller names the record by its constructor, e.g.
 * {@code EnvironmentEvents.environment(e, contacts, EnvironmentCreated::new)}.
 */
final class EnvironmentEvents {

    private EnvironmentEvents() {}

    interface OfEnvironment<E extends PactportEvent> {
        E of(
                String uuid,
                String name,
                String displayName,
                boolean production,
                JsonNode contacts,
                Instant createdAt,
                Instant updatedAt);
    }

    interface OfDeployment<E extends PactportEvent> {
        E of(
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
                Instant undeployedAt);
    }

    interface OfRelease<E extends PactportEvent> {
        E of(
                String releasedVersionUuid,
                String pacticipant,
                String version,
                String environment,
                String environmentUuid,
                boolean production,
                boolean currentlySupported,
                Instant createdAt,
                Instant supportEndedAt);
    }

    /** The environment as it is (was, for a delete), with its stored contacts. */
    static <E extends PactportEvent> E environment(Environment e, JsonNode contacts, OfEnvironment<E> event) {
        return event.of(
                e.uuid(), e.name(), e.displayName(), e.production(), contacts, utc(e.createdAt()), utc(e.updatedAt()));
    }

    static <E extends PactportEvent> E deployment(DeployedVersion d, Environment e, OfDeployment<E> event) {
        return event.of(
                d.uuid(),
                d.pacticipantName(),
                d.versionNumber(),
                e.name(),
                e.uuid(),
                e.production(),
                d.target(),
                d.currentlyDeployed(),
                d.autoCreated(),
                utc(d.createdAt()),
                utc(d.undeployedAt()));
    }

    static <E extends PactportEvent> E release(ReleasedVersion r, Environment e, OfRelease<E> event) {
        return event.of(
                r.uuid(),
                r.pacticipantName(),
                r.versionNumber(),
                e.name(),
                e.uuid(),
                e.production(),
                r.currentlySupported(),
                utc(r.createdAt()),
                utc(r.supportEndedAt()));
    }

    private static Instant utc(LocalDateTime time) {
        return time == null ? null : time.toInstant(ZoneOffset.UTC);
    }
}
