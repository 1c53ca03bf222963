package io.pactport.api.http;

/** The body is well formed but holds more than this broker parses for one request: answered 413 with the message. */
public class BodyTooLargeException extends RuntimeException {

    public BodyTooLargeException(String message) {
        super(message);
    }
}
