package io.pactport.api.pacticipants;

import io.pactport.core.events.PactportEvent;

/**
 * The pacticipant events of broker-core built from a stored pacticipant. Created, updated and deleted share one
 * payload; the caller names the record by its constructor, e.g. {@code PacticipantEvents.of(p, PacticipantCreated::new)}.
 */
final class PacticipantEvents {

    private PacticipantEvents() {}

    interface Payload<E extends PactportEvent> {
        E of(
                String name,
                String displayName,
                String repositoryUrl,
                String repositoryName,
                String repositoryNamespace,
                String mainBranch);
    }

    /** The pacticipant as it is (was, for a delete). */
    static <E extends PactportEvent> E of(Pacticipant p, Payload<E> event) {
        return event.of(
                p.name(),
                p.displayName(),
                p.repositoryUrl(),
                p.repositoryName(),
                p.repositoryNamespace(),
                p.mainBranch());
    }
}
