package io.pactport.api.http;

/**
 * Work the broker gives up on after a configured time, such as a pact diff after {@code PACTFLOW_PACT_CONTENT_DIFF_TIMEOUT}:
 * answered 408 with the message, as the Pact Broker answers it, and nothing changed.
 */
public class TimedOutException extends RuntimeException {

    public TimedOutException(String message) {
        super(message);
    }
}
