package io.pactport.api.environments;

import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The display name the Pact Broker gives an environment created without one: words split at case changes and at
 * {@code - _ .} and spaces, each capitalised ({@code "pre-prod"} → {@code "Pre Prod"}, {@code "SNSPactEventConsumer"} →
 * {@code "SNS Pact Event Consumer"}).
 */
public final class EnvironmentDisplayName {

    private static final Pattern UNDERSCORE_THEN_LOWER = Pattern.compile("_+([a-z])");

    private EnvironmentDisplayName() {}

    public static String of(String name) {
        if (name == null) {
            return null;
        }
        String spaced = name.replaceAll("([A-Z])([A-Z])([a-z])", "$1 $2$3")
                .replaceAll("([a-z\\d])([A-Z])(\\S)", "$1 $2$3")
                .replaceAll("(\\S)([\\-_\\s.])(\\S)", "$1 $3")
                .replaceAll("\\s+", " ")
                .strip();
        if (spaced.isEmpty()) {
            return "";
        }
        return Arrays.stream(spaced.split(" "))
                .map(EnvironmentDisplayName::capitalise)
                .collect(Collectors.joining(" "));
    }

    private static String capitalise(String word) {
        Matcher m = UNDERSCORE_THEN_LOWER.matcher(word);
        String joined = m.replaceAll(r -> r.group(1).toUpperCase());
        if (!joined.isEmpty() && joined.charAt(0) >= 'a' && joined.charAt(0) <= 'z') {
            return Character.toUpperCase(joined.charAt(0)) + joined.substring(1);
        }
        return joined;
    }
}
