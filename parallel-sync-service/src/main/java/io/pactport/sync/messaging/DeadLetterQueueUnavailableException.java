package io.pactport.sync.messaging;

/**
 * Kafka did not let the dead-letter queue be read or its place be committed: the re-drive stopped where it was, and
 * running it again resumes it. Answered 503, since it is Kafka's state and not the request that is wrong.
 */
public class DeadLetterQueueUnavailableException extends RuntimeException {

    public DeadLetterQueueUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
