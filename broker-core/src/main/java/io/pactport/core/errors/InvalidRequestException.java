package io.pactport.core.errors;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The request is malformed or breaks a rule; every HTTP service answers it 400 with the Pact Broker's
 * {@code {"errors": {field: [messages]}}} shape, so clients that print those messages keep working.
 */
public class InvalidRequestException extends RuntimeException {

    private final Map<String, List<String>> errors;

    /** @param errors the messages per field; the answer lists the fields in this map's order */
    public InvalidRequestException(Map<String, List<String>> errors) {
        super(errors.toString());
        // Map.copyOf would lose the order, and the answer would list the fields differently from one run to the next
        Map<String, List<String>> copy = new LinkedHashMap<>();
        errors.forEach((field, messages) -> copy.put(field, List.copyOf(messages)));
        this.errors = Collections.unmodifiableMap(copy);
    }

    /** One message about one field ({@code "base"} for the request as a whole, as the Pact Broker does). */
    public static InvalidRequestException of(String field, String message) {
        return new InvalidRequestException(Map.of(field, List.of(message)));
    }

    /** The messages per field, as the body's {@code errors} object. */
    public Map<String, List<String>> errors() {
        return errors;
    }
}
