package io.pactport.sync.messaging;

/** A dead letter did not reach Kafka; the event's offset is not committed, and the letter is written again. */
public class DeadLetterWriteException extends RuntimeException {

    public DeadLetterWriteException(String message, Throwable cause) {
        super(message, cause);
    }
}
