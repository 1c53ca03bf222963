package io.pactport.retention.model;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/** What started a run; its label is how the table and the API write it. */
public enum RunTrigger {
    SCHEDULE("schedule"),
    CATCH_UP("catch-up"),
    HTTP("http");

    private final String label;

    RunTrigger(String label) {
        this.label = label;
    }

    @JsonValue
    public String label() {
        return label;
    }

    public static RunTrigger of(String label) {
        return Arrays.stream(values())
                .filter(t -> t.label.equals(label))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no run trigger labelled '" + label + "'"));
    }
}
