package io.pactport.sync.service;

/** The request needs a target's running sync, and the target is disabled; answered 409. */
public class TargetDisabledException extends RuntimeException {

    public TargetDisabledException(String target) {
        super("target " + target + " is disabled");
    }
}
