package io.pactport.api.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.pactport.api.model.DeployedVersion;
import io.pactport.api.model.Environment;
import io.pactport.api.model.Pacticipant;
import io.pactport.api.model.ReleasedVersion;
import io.pactport.core.events.PactportEvent;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The event records of broker-core built from broker-api's rows. Event types with the same payload (created, updated,
 * deleted, …) share one mapping; the caller names the record by its constructor, e.g.
 * {@code pacticipant(p, PacticipantCreated::new)}.
 */
final class EventPayloads {

    private EventPayloads() {
    }

    interface OfPacticipant<E extends PactportEvent> {
        E of(String name, String displayName, String repositoryUrl, String repositoryName, String repositoryNamespace,
                String mainBranch);
    }

    interface OfVersion<E extends PactportEvent> {
        E of(String pacticipant, String number, String buildUrl, List<String> branches, List<String> tags);
    }

    interface OfEnvironment<E extends PactportEvent> {
        E of(String uuid, String name, String displayName, boolean production, JsonNode contacts, Instant createdAt,
                Instant updatedAt);
    }

    interface OfDeployment<E extends PactportEvent> {
        E of(String deployedVersionUuid, String pacticipant, String version, String environment,
                String environmentUuid, boolean production, String applicationInstance, boolean currentlyDeployed,
                boolean autoCreated, Instant createdAt, Instant undeployedAt);
    }

    interface OfRelease<E extends PactportEvent> {
        E of(String releasedVersionUuid, String pacticipant, String version, String environment,
                String environmentUuid, boolean production, boolean currentlySupported, Instant createdAt,
                Instant supportEndedAt);
    }

    /** The pacticipant as it is (was, for a delete). */
    static <E extends PactportEvent> E pacticipant(Pacticipant p, OfPacticipant<E> event) {
        return event.of(p.name(), p.displayName(), p.repositoryUrl(), p.repositoryName(), p.repositoryNamespace(),
                p.mainBranch());
    }

    /** The environment as it is (was, for a delete), with its stored contacts. */
    static <E extends PactportEvent> E environment(Environment e, JsonNode contacts, OfEnvironment<E> event) {
        return event.of(e.uuid(), e.name(), e.displayName(), e.production(), contacts, utc(e.createdAt()),
                utc(e.updatedAt()));
    }

    static <E extends PactportEvent> E deployment(DeployedVersion d, Environment e, OfDeployment<E> event) {
        return event.of(d.uuid(), d.pacticipantName(), d.versionNumber(), e.name(), e.uuid(), e.production(),
                d.target(), d.currentlyDeployed(), d.autoCreated(), utc(d.createdAt()), utc(d.undeployedAt()));
    }

    static <E extends PactportEvent> E release(ReleasedVersion r, Environment e, OfRelease<E> event) {
        return event.of(r.uuid(), r.pacticipantName(), r.versionNumber(), e.name(), e.uuid(), e.production(),
                r.currentlySupported(), utc(r.createdAt()), utc(r.supportEndedAt()));
    }

    private static Instant utc(LocalDateTime time) {
        return time == null ? null : time.toInstant(ZoneOffset.UTC);
    }
}
