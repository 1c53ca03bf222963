package io.pactport.core.pact;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses pact content into plain Java values (see {@link RubyJson}), accepting what the Pact Broker's parser
 * ({@code JSON.parse} with {@code max_nesting: 50}) accepts and keeping what its output depends on:
 * <ul>
 *   <li>object keys in document order; a repeated key keeps its first position and takes its last value, as a
 *       Ruby Hash does;</li>
 *   <li>integers exactly, however long ({@code Long}, else {@code BigInteger}; {@code -0} is {@code 0});</li>
 *   <li>numbers with a fraction or exponent as the double Ruby reads them into (see {@link #rubyFloat});</li>
 *   <li>block and line comments, which Ruby's parser skips like whitespace. (A line comment ended by a lone
 *       carriage return is the one thing accepted here that Ruby, which reads such a comment up to a line feed
 *       only, refuses.)</li>
 * </ul>
 * It refuses what the broker refuses or cannot store: more than 50 nested non-empty arrays or objects (Ruby does
 * not count empty ones), numbers beyond double range (Ruby reads them as Infinity and then fails to write them),
 * unpaired UTF-16 surrogates (Ruby refuses a lone high one and fails to write a lone low one), and any top level
 * value other than an object.
 */
final class PactJsonParser {

    /** {@code PactBroker::PACT_PARSING_OPTIONS[:max_nesting]}. */
    static final int MAX_NESTING = 50;

    /**
     * Jackson's length limits are lifted because Ruby has none; its nesting limit (far above 50) stays, as nesting
     * is checked here the way Ruby counts it before Jackson's limit is reached.
     */
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNumberLength(Integer.MAX_VALUE)
                    .maxStringLength(Integer.MAX_VALUE)
                    .maxNameLength(Integer.MAX_VALUE)
                    .build())
            .build();

    private PactJsonParser() {}

    static Map<String, Object> parseObject(String json) {
        try (JsonParser parser = FACTORY.createParser(json)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new InvalidPactContentException("Pact content is empty: expected a JSON object");
            }
            if (first != JsonToken.START_OBJECT) {
                throw new InvalidPactContentException(
                        "Pact content must be a JSON object, but it is " + describe(first));
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> pact = (Map<String, Object>) readValue(parser, first, 0);
            if (parser.nextToken() != null) {
                throw new InvalidPactContentException("Pact content is not valid JSON: unexpected content after the"
                        + " end of the pact object" + at(parser.currentTokenLocation()));
            }
            return pact;
        } catch (JsonProcessingException e) {
            throw new InvalidPactContentException("Pact content is not valid JSON: " + JsonProblems.describe(e), e);
        } catch (IOException e) {
            // a String source does no I/O
            throw new UncheckedIOException(e);
        }
    }

    private static Object readValue(JsonParser parser, JsonToken token, int nesting) throws IOException {
        switch (token) {
            case START_OBJECT -> {
                Map<String, Object> object = new LinkedHashMap<>();
                JsonToken next = parser.nextToken();
                if (next == JsonToken.END_OBJECT) {
                    return object;
                }
                int depth = deeper(nesting, parser);
                while (next == JsonToken.FIELD_NAME) {
                    String key = checkedText(parser.currentName(), parser);
                    object.put(key, readValue(parser, parser.nextToken(), depth));
                    next = parser.nextToken();
                }
                return object;
            }
            case START_ARRAY -> {
                List<Object> array = new ArrayList<>();
                JsonToken next = parser.nextToken();
                if (next == JsonToken.END_ARRAY) {
                    return array;
                }
                int depth = deeper(nesting, parser);
                while (next != JsonToken.END_ARRAY) {
                    array.add(readValue(parser, next, depth));
                    next = parser.nextToken();
                }
                return array;
            }
            case VALUE_STRING -> {
                return checkedText(parser.getText(), parser);
            }
            case VALUE_NUMBER_INT -> {
                return parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                        ? parser.getBigIntegerValue()
                        : (Object) parser.getLongValue();
            }
            case VALUE_NUMBER_FLOAT -> {
                double value = rubyFloat(parser.getText());
                if (Double.isInfinite(value)) {
                    throw new InvalidPactContentException("Pact content has a number too large to be stored: "
                            + abbreviate(parser.getText()) + at(parser.currentTokenLocation()));
                }
                return value;
            }
            case VALUE_TRUE -> {
                return Boolean.TRUE;
            }
            case VALUE_FALSE -> {
                return Boolean.FALSE;
            }
            case VALUE_NULL -> {
                return null;
            }
            default -> throw new IllegalStateException("unexpected JSON token " + token);
        }
    }

    /**
     * The double the json gem (2.16 and later) reads for a number with a fraction or an exponent. It is the nearest
     * double, as {@link Double#parseDouble} gives, except where the gem's own decoding takes a shortcut first:
     * <ul>
     *   <li>an exponent written with 20 or more digits (leading zeros count) is taken as the largest or smallest
     *       64-bit value, whatever it says, before the fraction's digits are subtracted from it (wrapping around,
     *       as C's arithmetic does);</li>
     *   <li>an exponent, net of the fraction's digits, beyond 32 bits gives infinity (which cannot be written) or
     *       zero, whatever the digits;</li>
     *   <li>with at most 17 digits (leading zeros count) that are not all zero, Ryu decides over- and underflow from
     *       the digit count plus the exponent, added in 32 bits: past 2^31 that wraps around to zero.</li>
     * </ul>
     * Longer numbers go to Ruby's own {@code strtod}, which rounds like {@link Double#parseDouble} except in the
     * sliver between the largest double and 1.7976931348623159e308, where it can give the largest double for what
     * Java rounds to infinity: such a number is refused here as too large.
     */
    static double rubyFloat(String literal) {
        boolean negative = literal.charAt(0) == '-';
        int length = literal.length();
        int i = negative ? 1 : 0;
        int digits = 0;
        int fractionDigits = 0;
        boolean inFraction = false;
        boolean allZero = true;
        for (; i < length && literal.charAt(i) != 'e' && literal.charAt(i) != 'E'; i++) {
            char c = literal.charAt(i);
            if (c == '.') {
                inFraction = true;
                continue;
            }
            digits++;
            fractionDigits += inFraction ? 1 : 0;
            allZero &= c == '0';
        }
        long exponent = i < length ? gemExponent(literal.substring(i + 1)) : 0;
        exponent -= fractionDigits;
        if (exponent > Integer.MAX_VALUE) {
            return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        if (exponent < Integer.MIN_VALUE) {
            return negative ? -0.0 : 0.0;
        }
        if (digits <= 17 && digits + exponent >= -307 && !allZero) {
            int magnitude = digits + (int) exponent;
            if (magnitude <= -324) {
                return negative ? -0.0 : 0.0;
            }
            if (magnitude >= 310) {
                return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            }
        }
        return Double.parseDouble(literal);
    }

    /** The exponent as the gem reads it: 20 digits or more, or beyond 63 bits, saturate. */
    private static long gemExponent(String text) {
        boolean negative = text.charAt(0) == '-';
        String digits = text.charAt(0) == '-' || text.charAt(0) == '+' ? text.substring(1) : text;
        if (digits.length() >= 20) {
            return negative ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
        long value = Long.parseUnsignedLong(digits);
        if (value < 0) {
            return negative ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
        return negative ? -value : value;
    }

    private static int deeper(int nesting, JsonParser parser) {
        int depth = nesting + 1;
        if (depth > MAX_NESTING) {
            throw new InvalidPactContentException("Pact content is nested too deeply: nesting of " + depth
                    + " is too deep (at most " + MAX_NESTING + " levels of arrays and objects are allowed)"
                    + at(parser.currentTokenLocation()));
        }
        return depth;
    }

    /** Ruby strings are UTF-8, which has no encoding for a surrogate on its own. */
    private static String checkedText(String text, JsonParser parser) {
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else {
                    throw new InvalidPactContentException(String.format(
                            "Pact content has an unpaired UTF-16 surrogate \\u%04x in a string%s: it is not valid"
                                    + " Unicode",
                            (int) c, at(parser.currentTokenLocation())));
                }
            }
        }
        return text;
    }

    private static String describe(JsonToken token) {
        return switch (token) {
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> token.toString();
        };
    }

    private static String at(JsonLocation location) {
        return JsonProblems.at(location);
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }
}
