package io.pactport.core.events;

/** Bytes on a Pactport topic that are not a CloudEvents 1.0 JSON event. */
public class InvalidEventException extends RuntimeException {

    public InvalidEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
