package io.pactport.retention.model;

/** How a run ended (or that it still runs). */
public enum RunStatus {
    RUNNING, SUCCEEDED, FAILED,
    /** another replica held the clean lock */
    SKIPPED,
    /** the service shut down between two batches; what was deleted is complete */
    STOPPED;

    public String label() {
        return name().toLowerCase();
    }

    public static RunStatus of(String label) {
        return valueOf(label.toUpperCase());
    }
}
