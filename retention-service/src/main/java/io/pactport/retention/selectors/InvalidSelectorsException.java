package io.pactport.retention.selectors;

/**
 * Keep selectors that cannot be used; the message says which selector ({@code selector 2: ...}, counted from 1) and what
 * is wrong. It names no variable because selectors also arrive in HTTP bodies; {@link CleanSettings} adds the variable.
 */
public class InvalidSelectorsException extends RuntimeException {

    public InvalidSelectorsException(String message) {
        super(message);
    }
}
