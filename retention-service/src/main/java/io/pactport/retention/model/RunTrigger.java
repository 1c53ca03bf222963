package io.pactport.retention.model;

/** What started a run. */
public enum RunTrigger {
    SCHEDULE("schedule"), CATCH_UP("catch-up"), HTTP("http");

    private final String label;

    RunTrigger(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
