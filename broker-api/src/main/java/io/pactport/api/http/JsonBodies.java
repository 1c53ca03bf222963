package io.pactport.api.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import io.pactport.core.errors.InvalidRequestException;
import io.pactport.core.pact.JsonProblems;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;

/**
 * The bounds on what one request makes this broker parse, checked by reading the body as a stream before any tree of
 * it is built: a 10 MB body of millions of tiny values ({@code [{},{},...]}) would otherwise become a tree, hashes
 * and stored text several hundred megabytes large, and a few of them at once exhaust the heap. Strings and keys are
 * also checked for what PostgreSQL cannot store or the JSON written back cannot hold: a NUL character anywhere, and
 * half of a UTF-16 surrogate pair in request bodies (PactContent refuses those in pacts). Each refusal names the
 * field.
 */
public final class JsonBodies {

    /**
     * JSON values (objects, arrays, strings, numbers, booleans, nulls) in one body. Pretty-printed pacts take 10 to 30
     * bytes per value, so a 10 MB pact stays well below; a body at the limit builds a tree of some 100 MB.
     */
    public static final int MAX_VALUES = 1_000_000;
    /**
     * Interactions plus messages in one pact. The broker stores each with a 40-character id, hashes each separately
     * and keeps its JSON twice while doing so; a real interaction takes 100 bytes or more, so a 10 MB pact has far
     * fewer.
     */
    public static final int MAX_INTERACTIONS = 100_000;
    /**
     * Characters in one string of a request body (not a pact): the longest texts sent are test results and webhook
     * bodies, far shorter. Fields stored in indexed columns have a lower limit,
     * {@link RequestErrors#MAX_INDEXED_BYTES}.
     */
    public static final int MAX_TEXT = 1024 * 1024;
    /** Levels of nested arrays and objects in a request body: the default of Ruby's {@code JSON.parse}. */
    public static final int MAX_DEPTH = 100;

    private static final Set<String> INTERACTION_ARRAYS = Set.of("interactions", "messages");

    /**
     * Pacts have their own nesting rule (PactContent's, counted as the Pact Broker counts it) and no length limits;
     * Jackson's default nesting limit, far above, only stops the stream from recursing without end.
     */
    private static final JsonFactory PACTS = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNumberLength(Integer.MAX_VALUE)
                    .maxStringLength(Integer.MAX_VALUE)
                    .maxNameLength(Integer.MAX_VALUE)
                    .build())
            .build();

    private static final JsonFactory BODIES = new JsonFactory();

    private JsonBodies() {}

    /**
     * Checks a request body: well-formed JSON within the bounds, with text PostgreSQL can store.
     *
     * @throws JsonProcessingException when it is not JSON
     * @throws InvalidRequestException when a string holds a NUL or an unpaired surrogate or is longer than
     *         {@link #MAX_TEXT}, or nesting is too deep
     * @throws BodyTooLargeException when it holds more than {@link #MAX_VALUES} values
     */
    public static void checkBody(byte[] body) throws JsonProcessingException {
        try (JsonParser parser = BODIES.createParser(body)) {
            scan(parser, false, "The body");
        } catch (JsonProcessingException e) {
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Checks the bounds on a pact's size and that no string in it holds a NUL (its other content rules are
     * PactContent's). Malformed JSON passes here, to be described by PactContent with its own wording.
     *
     * @throws InvalidRequestException when a string holds a NUL
     * @throws BodyTooLargeException when it holds more than {@link #MAX_VALUES} values or {@link #MAX_INTERACTIONS}
     *         interactions and messages
     */
    public static void checkPact(byte[] pact) {
        try (JsonParser parser = PACTS.createParser(pact)) {
            scan(parser, true, "The pact");
        } catch (IOException e) {
            // malformed JSON: PactContent says what is wrong with it
        }
    }

    private static void scan(JsonParser parser, boolean pact, String what) throws IOException {
        int values = 0;
        int interactions = 0;
        int depth = 0;
        String topLevelKey = null;
        boolean inInteractions = false;
        JsonToken token;
        while ((token = parser.nextToken()) != null) {
            switch (token) {
                case FIELD_NAME -> {
                    if (depth == 1) {
                        topLevelKey = parser.currentName();
                    }
                    checkText(parser, parser.currentName(), pact);
                    continue;
                }
                case END_OBJECT, END_ARRAY -> {
                    depth--;
                    if (depth == 1) {
                        inInteractions = false;
                    }
                    continue;
                }
                default -> {
                    // a value starts
                }
            }
            if (++values > MAX_VALUES) {
                throw new BodyTooLargeException(what + " holds more than " + MAX_VALUES + " JSON values (objects,"
                        + " arrays, strings, numbers); this broker reads at most that many in one request.");
            }
            if (pact && inInteractions && depth == 2 && ++interactions > MAX_INTERACTIONS) {
                throw new BodyTooLargeException(what + " has more than " + MAX_INTERACTIONS + " interactions and"
                        + " messages; this broker accepts at most that many in one pact.");
            }
            if (token.isStructStart()) {
                if (depth == 1
                        && token == JsonToken.START_ARRAY
                        && topLevelKey != null
                        && INTERACTION_ARRAYS.contains(topLevelKey)) {
                    inInteractions = true;
                }
                if (++depth > MAX_DEPTH && !pact) {
                    throw InvalidRequestException.of(
                            field(parser),
                            what + " is nested too deeply: at most "
                                    + MAX_DEPTH + " levels of arrays and objects are allowed"
                                    + JsonProblems.at(parser.currentTokenLocation()));
                }
            } else if (token == JsonToken.VALUE_STRING) {
                checkText(parser, parser.getText(), pact);
            }
        }
    }

    /**
     * PostgreSQL text holds no NUL, nor does its jsonb (the outbox's events carry pacts) hold the escape
     * {@code \u0000}; UTF-8, which everything is stored and sent as, has no lone surrogates (pacts: PactContent
     * refuses them in its own words).
     */
    private static void checkText(JsonParser parser, String text, boolean pact) {
        int length = text.length();
        if (length > MAX_TEXT && !pact) {
            String field = field(parser);
            throw InvalidRequestException.of(field, field + " cannot be longer than " + MAX_TEXT + " characters");
        }
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c == 0) {
                String field = field(parser);
                throw InvalidRequestException.of(field, field + " cannot contain a NUL character (\\u0000)");
            }
            if (pact) {
                continue;
            }
            if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                String field = field(parser);
                throw InvalidRequestException.of(
                        field,
                        String.format(
                                "%s cannot contain an unpaired UTF-16"
                                        + " surrogate (\\u%04x): it is not valid Unicode",
                                field, (int) c));
            }
        }
    }

    /** The field the parser is in, as the Pact Broker names nested fields ({@code contracts.0.content}). */
    static String field(JsonParser parser) {
        String pointer = parser.getParsingContext().pathAsPointer().toString();
        return pointer.isEmpty()
                ? "base"
                : pointer.substring(1).replace('/', '.').replace("~1", "/").replace("~0", "~");
    }
}
