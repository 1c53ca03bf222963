package io.pactport.api.service;

import java.util.List;

/** A matrix query the Pact Broker would refuse: 400 with its messages as a list ({@code {"errors": [...]}}). */
public class MatrixQueryException extends RuntimeException {

    private final List<String> errors;

    public MatrixQueryException(List<String> errors) {
        super(String.join("; ", errors));
        this.errors = List.copyOf(errors);
    }

    public List<String> errors() {
        return errors;
    }
}
