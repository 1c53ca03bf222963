package io.pactport.api.service;

import io.pactport.api.model.DeployedVersion;
import io.pactport.api.model.Environment;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * The payload of DEPLOYMENT_RECORDED and UNDEPLOYMENT_RECORDED: which version of which pacticipant is (or no longer
 * is) deployed where, self-contained.
 *
 * @param autoCreated recorded because the version was tagged with the environment's name
 */
public record DeploymentEvent(String deployedVersionUuid, String pacticipant, String version, String environment,
        String environmentUuid, boolean production, String applicationInstance, boolean currentlyDeployed,
        boolean autoCreated, Instant createdAt, Instant undeployedAt) {

    static DeploymentEvent of(DeployedVersion d, Environment e) {
        return new DeploymentEvent(d.uuid(), d.pacticipantName(), d.versionNumber(), e.name(), e.uuid(),
                e.production(), d.target(), d.currentlyDeployed(), d.autoCreated(), utc(d.createdAt()),
                utc(d.undeployedAt()));
    }

    private static Instant utc(LocalDateTime time) {
        return time == null ? null : time.toInstant(ZoneOffset.UTC);
    }
}
