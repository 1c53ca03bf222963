package io.pactport.retention.model;

import com.fasterxml.jackson.annotation.JsonValue;

/** How a run ended (or that it still runs); its label is how the table and the API write it. */
public enum RunStatus {
    RUNNING,
    SUCCEEDED,
    FAILED,
    /** another replica held the clean lock */
    SKIPPED,
    /** the service shut down between two batches; what was deleted is complete */
    STOPPED;

    @JsonValue
    public String label() {
        return name().toLowerCase();
    }

    public static RunStatus of(String label) {
        return valueOf(label.toUpperCase());
    }
}
