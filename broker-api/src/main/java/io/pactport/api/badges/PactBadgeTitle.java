package io.pactport.api.badges;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The left text of a pact badge, by the Pact Broker's rules: {@code consumer/provider pact} in lower case; the
 * {@code label} query parameter picks one side ({@code consumer} or {@code provider}, any other value keeps both);
 * {@code initials=true} shortens a name of several words (split at spaces, dashes and underscores, else at camel case)
 * to their first letters; a matrix badge adds each side's tag in brackets.
 */
final class PactBadgeTitle {

    /** What the Pact Broker says on the left when there is no pact to name. */
    static final String PACT_NOT_FOUND = "pact not found";

    private static final Pattern WORD_SEPARATOR = Pattern.compile("[\\s_\\-]");
    private static final Pattern ACRONYM_THEN_WORD = Pattern.compile("([A-Z]+)([A-Z][a-z])");
    private static final Pattern LOWER_THEN_UPPER = Pattern.compile("([a-z\\d])([A-Z])");

    private PactBadgeTitle() {}

    /**
     * @param consumerTag the consumer side's tag on a matrix badge, else null
     * @param providerTag the provider side's tag on a matrix badge, else null
     */
    static String of(
            String consumer, String provider, String label, boolean initials, String consumerTag, String providerTag) {
        String consumerName = name(consumer, initials, consumerTag);
        String providerName = name(provider, initials, providerTag);
        String title = switch (label == null ? "" : label.toLowerCase(Locale.ROOT)) {
            case "consumer" -> consumerName;
            case "provider" -> providerName;
            default -> consumerName + "/" + providerName;
        };
        return (title + " pact").toLowerCase(Locale.ROOT);
    }

    private static String name(String name, boolean initials, String tag) {
        String suffix = tag == null ? "" : " (" + tag + ")";
        if (initials) {
            List<String> words = words(name);
            if (words.size() > 1) {
                return words.stream()
                                .map(w -> w.isEmpty() ? "" : w.substring(0, w.offsetByCodePoints(0, 1)))
                                .collect(Collectors.joining())
                                .toLowerCase(Locale.ROOT)
                        + suffix;
            }
        }
        return name.toLowerCase(Locale.ROOT) + suffix;
    }

    /** Split as Ruby's {@code String#split} does: trailing empty parts dropped, leading ones kept. */
    static List<String> words(String name) {
        List<String> words = Arrays.asList(WORD_SEPARATOR.split(name));
        if (words.size() == 1) {
            String snake = LOWER_THEN_UPPER
                    .matcher(ACRONYM_THEN_WORD.matcher(name).replaceAll("$1_$2"))
                    .replaceAll("$1_$2")
                    .replace('-', '_');
            words = Arrays.asList(snake.split("_"));
        }
        return name.isEmpty() ? List.of() : words;
    }
}
