package io.pactport.api.pacts;

import io.pactport.core.pact.PactDiff;
import io.pactport.core.time.TimeInWords;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The text/plain page the Pact Broker 2.120 answers a pact diff with (its {@code Pacts::Diff}): a title naming both
 * consumer versions, when the change was made, broker-core's {@link PactDiff} of the two (the comparison pact as the
 * expected side), and both pacts' links as YAML. Times are in UTC, the zone Pactport runs in.
 */
final class PactDiffText {

    /** Ruby's {@code "%a %d %b %Y, %l:%M%P %:z"} with its double spaces squeezed, up to the minutes. */
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE dd MMM yyyy, h:mm", Locale.ENGLISH);
    /** Plain YAML scalars Psych would otherwise read as something else, or that start or hold YAML syntax. */
    private static final Pattern NEEDS_QUOTES = Pattern.compile(
            "^$|^[-?:,\\[\\]{}#&*!|>'\"%@`\\s]|\\s$|: |:$| #|^(true|false|yes|no|on|off|y|n|null|~)$"
                    + "|^[-+]?(\\d[\\d_]*)?\\.?\\d+([eE][-+]?\\d+)?$",
            Pattern.CASE_INSENSITIVE);

    private PactDiffText() {}

    /**
     * @param pact the pact asked about
     * @param comparison the pact it is compared with
     * @param changedAt when the change was made: the publication of the first pact after {@code comparison}
     */
    static String of(
            PactPublication pact, PactPublication comparison, LocalDateTime changedAt, String base, Instant now) {
        String header = "# Diff between versions " + comparison.consumerVersionNumber() + " and "
                + pact.consumerVersionNumber() + " of the pact between " + pact.consumerName() + " and "
                + pact.providerName() + "\n\nThe following changes were made "
                + TimeInWords.of(Duration.between(changedAt.toInstant(ZoneOffset.UTC), now)) + " ago ("
                + when(changedAt) + ")";
        String diff = PactDiff.between(comparison.content(), pact.content());
        String links = "## Links\n"
                + ("---\n" + link("pact-version", pact, base) + link("comparison-pact-version", comparison, base))
                        .replace("---", "");
        return header + "\n\n" + diff + "\n\n" + links;
    }

    /** What the Pact Broker answers when there is nothing before the pact to compare it with. */
    static String noPreviousVersion(PactPublication pact) {
        return "No previous distinct version was found for " + pact.name();
    }

    static String when(LocalDateTime utc) {
        return WHEN.format(utc) + (utc.getHour() < 12 ? "am" : "pm") + " +00:00";
    }

    private static String link(String key, PactPublication pact, String base) {
        return key + ":\n  title: Pact\n  name: " + scalar(pact.name()) + "\n  href: " + scalar(pact.url(base)) + "\n";
    }

    /** A string as Psych writes it: plain when it can be, else single-quoted. */
    static String scalar(String value) {
        return NEEDS_QUOTES.matcher(value).find() ? "'" + value.replace("'", "''") + "'" : value;
    }
}
