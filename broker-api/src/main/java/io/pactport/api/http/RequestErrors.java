package io.pactport.api.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.pactport.core.errors.InvalidRequestException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The problems found in one request, by field and in the order found, worded as the Pact Broker words them. Every
 * request parser collects its problems here and throws them together ({@link #throwIfAny()}), so one answer lists
 * them all in the {@code {"errors": {field: [messages]}}} shape.
 *
 * <p>The readers take a value as it arrived: a JSON node is {@code null} when its key is absent. A reader records what
 * is wrong under the field's name and returns the value, or null when there is none or it is unusable. The wording
 * follows the Pact Broker's contracts: {@code required} fields are "missing" when absent and "must be filled" when null
 * or empty; {@code optional} ones may be absent but not null; {@code nullable} ones may be either.
 */
public final class RequestErrors {

    public static final String IS_MISSING = "is missing";
    public static final String MUST_BE_FILLED = "must be filled";
    public static final String CANT_BE_BLANK = "can't be blank";
    public static final String MUST_BE_A_STRING = "must be a string";
    public static final String MUST_BE_AN_ARRAY = "must be an array";
    public static final String MUST_BE_A_HASH = "must be a hash";
    public static final String MUST_BE_BOOLEAN = "must be boolean";
    public static final String MUST_BE_TRUE_OR_FALSE = "must be one of: true, false";
    public static final String MUST_BE_A_DATE = "must be a date";
    public static final String MULTIPLE_LINES = "cannot contain multiple lines";
    public static final String NOT_A_URL = "is not a valid URL eg. http://example.org";
    /** The answer to a body that is JSON but not an object, under {@code base}. */
    public static final String BODY_NOT_AN_OBJECT = "the request body must be a JSON object";

    /**
     * Longer texts (in UTF-8 bytes) are refused in fields stored in indexed columns (names, environment names,
     * branches, tags, application instances, webhook uuids): PostgreSQL's btree entries hold about 2,700 bytes, so the
     * Pact Broker's indexes would fail on them.
     */
    public static final int MAX_INDEXED_BYTES = 1000;

    private final Map<String, List<String>> errors = new LinkedHashMap<>();

    /** Records a problem with a field ({@code "base"} for the request as a whole). */
    public RequestErrors add(String field, String message) {
        errors.computeIfAbsent(field, f -> new ArrayList<>()).add(message);
        return this;
    }

    /** Records {@code problem} when there is one: checks that answer null for "nothing wrong" plug in here. */
    public RequestErrors addIfAny(String field, String problem) {
        return problem == null ? this : add(field, problem);
    }

    /** Whether a problem with this field was recorded. */
    public boolean has(String field) {
        return errors.containsKey(field);
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    /** Each problem as field and message, fields in the order first seen and each field's messages in order. */
    public void forEach(BiConsumer<String, String> fieldAndMessage) {
        errors.forEach((field, messages) -> messages.forEach(message -> fieldAndMessage.accept(field, message)));
    }

    /** Every problem recorded, for the 400 answer. */
    public InvalidRequestException toException() {
        return new InvalidRequestException(errors);
    }

    /** @throws InvalidRequestException when a problem was recorded */
    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw toException();
        }
    }

    /** Whether a JSON value counts as not given: its key absent, or {@code null}. */
    public static boolean absent(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode();
    }

    /** Any JSON value as text (an object or array as its JSON); null when absent or null. */
    public static String text(JsonNode node) {
        if (absent(node)) {
            return null;
        }
        return node.isValueNode() ? node.asText() : node.toString();
    }

    /** Whether a value was given: when it is absent or null, it is missing. */
    public boolean given(String field, JsonNode node) {
        if (absent(node)) {
            add(field, IS_MISSING);
            return false;
        }
        return true;
    }

    /** A string that must be given: absent is missing, null or empty must be filled. */
    public String requiredString(String field, JsonNode node) {
        if (node == null) {
            add(field, IS_MISSING);
            return null;
        }
        if (node.isNull() || (node.isTextual() && node.textValue().isEmpty())) {
            add(field, MUST_BE_FILLED);
            return null;
        }
        return nullableString(field, node);
    }

    /** A string that may be absent or null. */
    public String nullableString(String field, JsonNode node) {
        if (absent(node)) {
            return null;
        }
        if (!node.isTextual()) {
            add(field, MUST_BE_A_STRING);
            return null;
        }
        return node.textValue();
    }

    /** A boolean that must be given: absent is missing, null must be filled, anything else must be true or false. */
    public Boolean requiredBoolean(String field, JsonNode node) {
        if (node == null) {
            add(field, IS_MISSING);
            return null;
        }
        return optionalBoolean(field, node);
    }

    /** A boolean that may be absent, but not null. */
    public Boolean optionalBoolean(String field, JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isNull()) {
            add(field, MUST_BE_FILLED);
            return null;
        }
        if (!node.isBoolean()) {
            add(field, MUST_BE_TRUE_OR_FALSE);
            return null;
        }
        return node.booleanValue();
    }

    /** A boolean that may be absent or null, worded as the webhook and verification contracts word it. */
    public Boolean nullableBoolean(String field, JsonNode node) {
        if (absent(node)) {
            return null;
        }
        if (!node.isBoolean()) {
            add(field, MUST_BE_BOOLEAN);
            return null;
        }
        return node.booleanValue();
    }

    /** An array that may be absent or null. */
    public JsonNode nullableArray(String field, JsonNode node) {
        if (absent(node)) {
            return null;
        }
        if (!node.isArray()) {
            add(field, MUST_BE_AN_ARRAY);
            return null;
        }
        return node;
    }

    /** An object (a "hash" to the Pact Broker) that may be absent or null. */
    public JsonNode nullableObject(String field, JsonNode node) {
        if (absent(node)) {
            return null;
        }
        if (!node.isObject()) {
            add(field, MUST_BE_A_HASH);
            return null;
        }
        return node;
    }

    /** A date or date-time that may be absent, but not null or empty; see {@link #dateTime(JsonNode)}. */
    public LocalDateTime optionalDateTime(String field, JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isNull() || (node.isTextual() && node.textValue().isEmpty())) {
            add(field, MUST_BE_FILLED);
            return null;
        }
        LocalDateTime value = dateTime(node);
        if (value == null) {
            add(field, MUST_BE_A_DATE);
        }
        return value;
    }

    /**
     * A date or a date-time, as the Pact Broker reads one, in UTC: a date is its midnight, a date-time without an
     * offset is taken as UTC. Null when the node is not such a text.
     */
    public static LocalDateTime dateTime(JsonNode node) {
        if (node == null || !node.isTextual()) {
            return null;
        }
        String text = node.textValue().trim();
        try {
            return LocalDate.parse(text).atStartOfDay();
        } catch (DateTimeParseException notADate) {
            try {
                return OffsetDateTime.parse(text)
                        .withOffsetSameInstant(ZoneOffset.UTC)
                        .toLocalDateTime();
            } catch (DateTimeParseException notAnOffsetDateTime) {
                try {
                    return LocalDateTime.parse(text);
                } catch (DateTimeParseException unreadable) {
                    return null;
                }
            }
        }
    }

    /** A text that must be given and not blank. */
    public boolean notBlank(String field, String value) {
        if (value == null) {
            add(field, IS_MISSING);
            return false;
        }
        if (value.isBlank()) {
            add(field, CANT_BE_BLANK);
            return false;
        }
        return true;
    }

    /** A text on one line. */
    public void singleLine(String field, String value) {
        if (value != null && value.contains("\n")) {
            add(field, MULTIPLE_LINES);
        }
    }

    /** A text on one line and short enough for an indexed column. */
    public RequestErrors shortLine(String field, String value) {
        singleLine(field, value);
        return notTooLong(field, value);
    }

    /** A text short enough for an indexed column ({@link #MAX_INDEXED_BYTES}). */
    public RequestErrors notTooLong(String field, String value) {
        return addIfAny(field, tooLong(field, value));
    }

    /** The refusal of a text longer than {@link #MAX_INDEXED_BYTES}; null when it is short enough or absent. */
    public static String tooLong(String field, String value) {
        // a char is at most 3 bytes in UTF-8, so only longer texts need encoding to know
        if (value != null
                && value.length() > MAX_INDEXED_BYTES / 3
                && value.getBytes(StandardCharsets.UTF_8).length > MAX_INDEXED_BYTES) {
            return field + " cannot be longer than " + MAX_INDEXED_BYTES + " bytes";
        }
        return null;
    }

    /** An absolute URL (one with a scheme); the parsed URL, or null when it is not one (null is not one either). */
    public URI url(String field, String value) {
        URI uri = uri(value);
        if (uri == null || uri.getScheme() == null) {
            add(field, NOT_A_URL);
            return null;
        }
        return uri;
    }

    /** The text as a URI; null when it is not one. */
    public static URI uri(String value) {
        if (value == null) {
            return null;
        }
        try {
            return new URI(value);
        } catch (URISyntaxException e) {
            return null;
        }
    }

    /**
     * A query parameter that must be given once (as {@code name=value}, not repeated or nested) when {@code required}.
     *
     * @param values the parameter's values; null when it is absent
     */
    public String parameter(String name, List<String> values, boolean required) {
        if (values == null) {
            if (required) {
                add(name, IS_MISSING);
            }
            return null;
        }
        if (values.size() != 1) {
            add(name, MUST_BE_A_STRING);
            return null;
        }
        if (values.get(0).isEmpty()) {
            add(name, MUST_BE_FILLED);
            return null;
        }
        return values.get(0);
    }
}
