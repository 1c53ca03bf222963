package io.pactport.api.service;

import io.pactport.api.model.Environment;
import io.pactport.api.model.ReleasedVersion;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * The payload of RELEASE_RECORDED and RELEASE_SUPPORT_ENDED: which version of which pacticipant is (or no longer is)
 * supported in which environment, self-contained.
 */
public record ReleaseEvent(String releasedVersionUuid, String pacticipant, String version, String environment,
        String environmentUuid, boolean production, boolean currentlySupported, Instant createdAt,
        Instant supportEndedAt) {

    static ReleaseEvent of(ReleasedVersion r, Environment e) {
        return new ReleaseEvent(r.uuid(), r.pacticipantName(), r.versionNumber(), e.name(), e.uuid(), e.production(),
                r.currentlySupported(), utc(r.createdAt()), utc(r.supportEndedAt()));
    }

    private static Instant utc(LocalDateTime time) {
        return time == null ? null : time.toInstant(ZoneOffset.UTC);
    }
}
