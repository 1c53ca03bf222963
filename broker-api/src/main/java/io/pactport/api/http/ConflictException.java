package io.pactport.api.http;

/** The request contradicts what is stored (e.g. changed pact content for a published version); answered 409. */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
