package io.pactport.api.http;

import java.util.List;

/** A query (the matrix, can-i-deploy) the Pact Broker would refuse: 400 with its messages as a list ({@code {"errors": [...]}}). */
public class InvalidQueryException extends RuntimeException {

    private final List<String> errors;

    public InvalidQueryException(List<String> errors) {
        super(String.join("; ", errors));
        this.errors = List.copyOf(errors);
    }

    public List<String> errors() {
        return errors;
    }
}
