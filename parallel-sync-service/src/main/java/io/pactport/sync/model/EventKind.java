package io.pactport.sync.model;

import io.pactport.core.events.EventType;
import java.util.Locale;
import java.util.Optional;

/** The kinds of event a target can be given, as named in its {@code events} setting. */
public enum EventKind {
    PACTS,
    VERIFICATIONS,
    PACTICIPANTS,
    VERSIONS,
    ENVIRONMENTS,
    DEPLOYMENTS,
    RELEASES,
    DELETIONS;

    /** @throws IllegalArgumentException naming the accepted values */
    public static EventKind named(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown event kind '" + name + "': use "
                    + java.util.Arrays.toString(values()).toLowerCase(Locale.ROOT));
        }
    }

    /**
     * Whether events of the type stay in Pactport: no target is written and the event is skipped, on purpose, not
     * dead-lettered. A deleted verification result cannot be named on an old broker: each broker numbers its results
     * itself, and one provider version may have verified the same content several times there.
     */
    public static boolean localOnly(EventType type) {
        return type == EventType.VERIFICATION_DELETED;
    }

    /** The kind of an event type, empty for one the sync cannot write (it is dead-lettered, never skipped). */
    public static Optional<EventKind> of(EventType type) {
        return Optional.ofNullable(
                switch (type) {
                    case PACT_PUBLISHED -> PACTS;
                    case VERIFICATION_PUBLISHED -> VERIFICATIONS;
                    case PACTICIPANT_CREATED, PACTICIPANT_UPDATED, LABEL_ADDED -> PACTICIPANTS;
                    case VERSION_CREATED, VERSION_UPDATED, BRANCH_VERSION_ADDED, TAG_ADDED -> VERSIONS;
                    case ENVIRONMENT_CREATED, ENVIRONMENT_UPDATED -> ENVIRONMENTS;
                    case DEPLOYMENT_RECORDED, UNDEPLOYMENT_RECORDED -> DEPLOYMENTS;
                    case RELEASE_RECORDED, RELEASE_SUPPORT_ENDED -> RELEASES;
                    case PACTICIPANT_DELETED,
                            LABEL_REMOVED,
                            VERSION_DELETED,
                            BRANCH_VERSION_REMOVED,
                            BRANCH_DELETED,
                            TAG_REMOVED,
                            ENVIRONMENT_DELETED,
                            PACT_DELETED,
                            INTEGRATION_DELETED -> DELETIONS;
                    default -> null;
                });
    }
}
