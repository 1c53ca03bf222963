package io.pactport.api.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.LinkedHashMap;
import java.util.Map;

/** HAL building blocks, in the Pact Broker's shapes. */
public final class Hal {

    /** The content type of every HAL response. */
    public static final String MEDIA_TYPE = "application/hal+json;charset=utf-8";

    private Hal() {}

    /**
     * A JSON object with its keys in the order given. {@code Map.of} would do for one key, but with more its order
     * changes from one JVM to the next, and so would every answer's bytes.
     */
    public static Map<String, Object> object(Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("keys and values come in pairs");
        }
        Map<String, Object> json = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            json.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return json;
    }

    /** A link object: {@code {href, title?, name?, templated?}}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Link(String href, String title, String name, Boolean templated) {

        /** A link with nothing but its address. */
        public static Link to(String href) {
            return new Link(href, null, null, null);
        }

        public static Link titled(String href, String title) {
            return new Link(href, title, null, null);
        }

        public static Link of(String href, String title, boolean templated) {
            return new Link(href, title, null, templated);
        }
    }
}
