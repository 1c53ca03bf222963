package io.pactport.api.pacticipants;

import java.util.List;

/**
 * A publication names a new pacticipant that looks like an existing one, and the Pact Broker's duplicate name check is
 * on: answered 409 with the Pact Broker's messages, one per such name, and nothing written.
 */
public class LookalikePacticipantException extends RuntimeException {

    private final transient List<String> messages;

    LookalikePacticipantException(List<String> messages) {
        super(messages.get(0));
        this.messages = List.copyOf(messages);
    }

    public List<String> messages() {
        return messages;
    }
}
