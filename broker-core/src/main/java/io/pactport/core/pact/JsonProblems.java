package io.pactport.core.pact;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What is wrong with a JSON document, in the terms of the person who sent it. Jackson's messages name its own
 * settings ({@code JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS}, {@code StreamReadConstraints.getMaxNestingDepth()})
 * and describe its input source; a publisher can act on neither, so both are replaced or left out here.
 */
public final class JsonProblems {

    /** Jackson describes nested locations with a note about the source being hidden; users need line and column. */
    private static final Pattern SOURCE_DESCRIPTION =
            Pattern.compile("\\[Source: [^\\]]*?; (line: \\d+, column: \\d+)\\]");

    private static final Pattern CONTROL_CHARACTER =
            Pattern.compile("^Illegal (?:unquoted )?character \\(\\((CTRL-CHAR, code \\d+)\\)\\).*", Pattern.DOTALL);
    /** "...: enable `JsonReadFeature.X` to allow", "(from `StreamReadConstraints.y()`)" and the like. */
    private static final Pattern SETTING_HINT = Pattern.compile("(?:;|:)?\\s*(?:enable|disable)"
            + " `?[A-Za-z]+Feature\\.[A-Z_]+`? to allow|,? from `[A-Za-z]+\\.[A-Za-z]+\\(\\)`");

    private JsonProblems() {}

    /** The problem, then where it is ({@code " (line 3, column 7)"}) when the parser knows. */
    public static String describe(JsonProcessingException e) {
        return problem(e) + at(e.getLocation());
    }

    /** Where a parser stands, as {@code " (line L, column C)"}; empty when unknown. */
    public static String at(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    /** The problem alone, without where it is. */
    public static String problem(JsonProcessingException e) {
        String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (e instanceof StreamConstraintsException) {
            if (message.contains("nesting depth")) {
                return "arrays and objects are nested too deeply";
            }
            if (message.startsWith("Number value length")) {
                return "a number has too many digits";
            }
            if (message.startsWith("String value length") || message.startsWith("Name length")) {
                return "a string is too long";
            }
            return "the document is too large";
        }
        if (message.startsWith("Non-standard token")) {
            // NaN, Infinity and the like: JavaScript has them, JSON does not
            return message.replaceFirst("^Non-standard token '([^']*)'.*$", "'$1' is not a JSON number");
        }
        Matcher control = CONTROL_CHARACTER.matcher(message);
        if (control.matches()) {
            return "a control character must be escaped in a JSON string (" + control.group(1) + ")";
        }
        String plain = SOURCE_DESCRIPTION.matcher(message).replaceAll("[$1]");
        return SETTING_HINT.matcher(plain).replaceAll("").strip();
    }
}
