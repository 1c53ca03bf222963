package io.pactport.api.pacticipants;

import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The display name the Pact Broker generates when none is given ({@code GenerateDisplayName}): words split at case
 * changes and at {@code - _ .}, each capitalised. Same rules, so a pacticipant shows the same name in either broker.
 */
public final class PacticipantDisplayName {

    private static final Pattern ACRONYM_THEN_WORD = Pattern.compile("([A-Z])([A-Z])([a-z])");
    private static final Pattern LOWER_THEN_UPPER = Pattern.compile("([a-z\\d])([A-Z])(\\S)");
    private static final Pattern SEPARATOR = Pattern.compile("(\\S)([\\-_\\s.])(\\S)");
    private static final Pattern UNDERSCORED_LETTER = Pattern.compile("(?:_+)([a-z])");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private PacticipantDisplayName() {}

    public static String of(String name) {
        if (name == null) {
            return null;
        }
        String spaced = ACRONYM_THEN_WORD.matcher(name).replaceAll("$1 $2$3");
        spaced = LOWER_THEN_UPPER.matcher(spaced).replaceAll("$1 $2$3");
        spaced = SEPARATOR.matcher(spaced).replaceAll("$1 $3");
        spaced = SPACES.matcher(spaced).replaceAll(" ").strip();
        if (spaced.isEmpty()) {
            return "";
        }
        return Arrays.stream(spaced.split(" "))
                .map(PacticipantDisplayName::capitalise)
                .collect(Collectors.joining(" "));
    }

    /** Ruby's {@code camelcase(true)} on one word. */
    private static String capitalise(String word) {
        Matcher m = UNDERSCORED_LETTER.matcher(word);
        String joined = m.replaceAll(r -> r.group(1).toUpperCase());
        if (!joined.isEmpty() && joined.charAt(0) >= 'a' && joined.charAt(0) <= 'z') {
            return Character.toUpperCase(joined.charAt(0)) + joined.substring(1);
        }
        return joined;
    }
}
