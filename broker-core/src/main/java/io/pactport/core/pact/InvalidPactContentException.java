package io.pactport.core.pact;

/**
 * The content given as a pact cannot be stored as one: it is not JSON, is not a JSON object, or is something the
 * Pact Broker itself refuses or fails on (nesting deeper than 50, a number out of double range, an unpaired UTF-16
 * surrogate, a pact specification version that is neither a string nor a number). The message is meant for the
 * person who published the pact.
 */
public class InvalidPactContentException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InvalidPactContentException(String message) {
        super(message);
    }

    public InvalidPactContentException(String message, Throwable cause) {
        super(message, cause);
    }
}
