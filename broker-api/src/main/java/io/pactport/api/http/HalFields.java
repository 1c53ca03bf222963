package io.pactport.api.http;

import java.time.LocalDateTime;
import java.util.Map;

/** Field and link formats shared by the HAL representations, as the Pact Broker writes them. */
public final class HalFields {

    private HalFields() {}

    /** {@code createdAt}, and {@code updatedAt} only when it differs, as the Pact Broker's timestamps do. */
    public static void timestamps(Map<String, Object> json, LocalDateTime createdAt, LocalDateTime updatedAt) {
        if (updatedAt != null && !updatedAt.equals(createdAt)) {
            json.put("updatedAt", Timestamps.format(updatedAt));
        }
        json.put("createdAt", Timestamps.format(createdAt));
    }

    /** Puts {@code value} unless it is null: the Pact Broker leaves absent fields out. */
    public static void putPresent(Map<String, Object> json, String key, Object value) {
        if (value != null) {
            json.put(key, value);
        }
    }

    public static Hal.Link link(String href, String title, String name) {
        return new Hal.Link(href, title, name, null);
    }

    public static Hal.Link templated(String href, String title) {
        return new Hal.Link(href, title, null, true);
    }

    public static Hal.Link curie(String base, String context) {
        return new Hal.Link(base + "/doc/{rel}?context=" + context, null, "pb", true);
    }
}
