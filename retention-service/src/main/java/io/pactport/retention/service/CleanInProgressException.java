package io.pactport.retention.service;

/** A run was asked for while this replica is already running one. */
public class CleanInProgressException extends RuntimeException {

    public CleanInProgressException() {
        super("A clean is already running on this replica; see GET /retention/runs");
    }
}
