package io.pactport.api.pacticipants;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The Pact Broker's check for a new pacticipant name that looks like an existing one
 * ({@code check_for_potential_duplicate_pacticipant_names}): two names are alike when their words are, each word
 * lower-cased and without one trailing "s", and the words "api", "provider" and "service" left out. Words are split at
 * spaces, underscores, hyphens and changes of case ({@code PricingService}, {@code pricing-service} and
 * {@code pricing_services} are all {@code pricing}).
 */
final class LookalikeNames {

    private static final Pattern ACRONYM_THEN_WORD = Pattern.compile("([A-Z]+)([A-Z][a-z])");
    private static final Pattern LOWER_THEN_UPPER = Pattern.compile("([a-z\\d])([A-Z])");
    private static final List<String> IGNORED_WORDS = List.of("api", "provider", "service");

    private LookalikeNames() {}

    /** The existing names {@code name} looks like, in their order; none when {@code name} is one of them. */
    static List<String> of(String name, List<String> existing) {
        if (existing.contains(name)) {
            return List.of();
        }
        List<String> words = words(name);
        return existing.stream().filter(other -> words(other).equals(words)).toList();
    }

    /**
     * The Pact Broker's refusal, word for word (its {@code duplicate_pacticipant} message).
     *
     * @param baseUrl the URL of the broker, for the command that creates the pacticipant
     */
    static String refusal(String name, List<String> lookalikes, String baseUrl) {
        String existing =
                String.join("\n", lookalikes.stream().map(n -> "* " + n).toList());
        return "This is the first time a pact has been published for \"" + name + "\".\n"
                + "The name \"" + name + "\" is very similar to the following existing pacticipants:\n"
                + existing + "\n"
                + "If you meant to specify one of the above names, please correct the pact configuration, and"
                + " re-publish the pact.\n"
                + "If the pact is intended to be for a new consumer or provider, please manually create \"" + name
                + "\" using the following command from the Pact Broker CLI, and then re-publish the pact:\n\n"
                + "pact-broker create-or-update-pacticipant --name \"" + name + "\" --broker-base-url " + baseUrl
                + "\n\n"
                + "For information on the Pact Broker CLI see https://docs.pact.io/go/pbc-cli\n"
                + "To disable this check, set `check_for_potential_duplicate_pacticipant_names` to false in the"
                + " configuration.\n";
    }

    private static List<String> words(String name) {
        String split = name.replaceAll("\\s", "_").replace("::", "/");
        split = ACRONYM_THEN_WORD.matcher(split).replaceAll("$1_$2");
        split = LOWER_THEN_UPPER.matcher(split).replaceAll("$1_$2");
        split = split.replace('-', '_').toLowerCase(Locale.ROOT);
        List<String> words = new ArrayList<>();
        for (String word : Arrays.asList(split.split("_"))) {
            String singular = word.endsWith("s") ? word.substring(0, word.length() - 1) : word;
            if (!IGNORED_WORDS.contains(singular)) {
                words.add(singular);
            }
        }
        return words;
    }
}
