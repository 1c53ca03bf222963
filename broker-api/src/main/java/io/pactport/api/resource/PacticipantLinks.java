package io.pactport.api.resource;

import io.pactport.api.model.Timestamps;
import java.time.LocalDateTime;
import java.util.Map;

/** The field formats of the pacticipant area's representations, as the Pact Broker's. */
final class PacticipantLinks {

    private PacticipantLinks() {
    }

    /** {@code createdAt}, and {@code updatedAt} only when it differs, as the Pact Broker's timestamps do. */
    static void timestamps(Map<String, Object> json, LocalDateTime createdAt, LocalDateTime updatedAt) {
        if (updatedAt != null && !updatedAt.equals(createdAt)) {
            json.put("updatedAt", Timestamps.format(updatedAt));
        }
        json.put("createdAt", Timestamps.format(createdAt));
    }

    /** Puts {@code value} unless it is null: the Pact Broker leaves absent fields out. */
    static void putPresent(Map<String, Object> json, String key, Object value) {
        if (value != null) {
            json.put(key, value);
        }
    }

    static Hal.Link link(String href, String title, String name) {
        return new Hal.Link(href, title, name, null);
    }

    static Hal.Link templated(String href, String title) {
        return new Hal.Link(href, title, null, true);
    }

    static Hal.Link curie(String base, String context) {
        return new Hal.Link(base + "/doc/{rel}?context=" + context, null, "pb", true);
    }
}
