package io.pactport.api.versions;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A version number read as the Pact Broker 2.120 reads it when versions are ordered by number: with the first of its
 * {@code semver_formats} that finds a version in it (the semver2 gem's {@code SemVer.parse}), and compared by major,
 * minor and patch, then by pre-release (none is greater than any; dot-separated identifiers compared in turn, numbers
 * as numbers, the longer list greater when one is the start of the other). Build metadata does not count.
 *
 * <p>A format is searched for anywhere in the number, not matched against the whole of it: {@code %M} reads
 * {@code build-42} as 42, and {@code 1.2.3} finds {@code 1.2.3} in {@code release-1.2.3.final}. Parts a format does
 * not have are 0.
 */
record SemanticVersion(BigInteger major, BigInteger minor, BigInteger patch, String prerelease)
        implements Comparable<SemanticVersion> {

    private static final Pattern DIGITS = Pattern.compile("\\d+");

    /** The configured formats, each compiled once. */
    static final class Formats {

        /** A compiled format, and which parts it has (a part it lacks is 0, or no pre-release). */
        private record Format(Pattern pattern, boolean major, boolean minor, boolean patch, boolean prerelease) {}

        private final List<Format> formats;

        private Formats(List<Format> formats) {
            this.formats = formats;
        }

        /**
         * @param formats {@code %M} major, {@code %m} minor, {@code %p} patch, {@code %s} an optional
         *     {@code -prerelease}, {@code %d} an optional {@code +build}; anything else is literal, and a leading
         *     {@code v} is optional
         */
        static Formats of(List<String> formats) {
            return new Formats(formats.stream().map(Formats::compile).toList());
        }

        /** The version the first format that finds one finds; empty when none does. */
        Optional<SemanticVersion> parse(String number) {
            for (Format format : formats) {
                Matcher m = format.pattern().matcher(number);
                if (m.find()) {
                    String prerelease = format.prerelease() ? m.group("special") : null;
                    return Optional.of(new SemanticVersion(
                            format.major() ? new BigInteger(m.group("major")) : BigInteger.ZERO,
                            format.minor() ? new BigInteger(m.group("minor")) : BigInteger.ZERO,
                            format.patch() ? new BigInteger(m.group("patch")) : BigInteger.ZERO,
                            prerelease == null ? "" : prerelease));
                }
            }
            return Optional.empty();
        }

        private static Format compile(String format) {
            StringBuilder regex = new StringBuilder();
            StringBuilder literal = new StringBuilder();
            StringBuilder parts = new StringBuilder();
            int start = 0;
            if (format.startsWith("v")) {
                regex.append("v?");
                start = 1;
            }
            for (int i = start; i < format.length(); i++) {
                char c = format.charAt(i);
                String placeholder = c == '%' && i + 1 < format.length() ? placeholder(format.charAt(i + 1)) : null;
                if (placeholder == null) {
                    literal.append(c);
                    continue;
                }
                if (!literal.isEmpty()) {
                    regex.append(Pattern.quote(literal.toString()));
                    literal.setLength(0);
                }
                regex.append(placeholder);
                parts.append(format.charAt(i + 1));
                i++;
            }
            if (!literal.isEmpty()) {
                regex.append(Pattern.quote(literal.toString()));
            }
            return new Format(
                    Pattern.compile(regex.toString()),
                    parts.indexOf("M") >= 0,
                    parts.indexOf("m") >= 0,
                    parts.indexOf("p") >= 0,
                    parts.indexOf("s") >= 0);
        }

        private static String placeholder(char c) {
            return switch (c) {
                case 'M' -> "(?<major>\\d+)";
                case 'm' -> "(?<minor>\\d+)";
                case 'p' -> "(?<patch>\\d+)";
                case 's' -> "(?:-(?<special>[A-Za-z][0-9A-Za-z.]+))?";
                case 'd' -> "(?:\\+(?<metadata>[0-9A-Za-z][0-9A-Za-z.]*))?";
                default -> null;
            };
        }
    }

    /**
     * The Pact Broker's order of two version numbers, either of which may not have been readable (empty): an unreadable
     * number comes before every readable one, and two unreadable ones are equal.
     */
    static int compare(Optional<SemanticVersion> a, Optional<SemanticVersion> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return Boolean.compare(a.isPresent(), b.isPresent());
        }
        return a.get().compareTo(b.get());
    }

    @Override
    public int compareTo(SemanticVersion other) {
        int byNumbers = major.compareTo(other.major);
        if (byNumbers == 0) {
            byNumbers = minor.compareTo(other.minor);
        }
        if (byNumbers == 0) {
            byNumbers = patch.compareTo(other.patch);
        }
        return byNumbers != 0 ? Integer.signum(byNumbers) : comparePrereleases(prerelease, other.prerelease);
    }

    private static int comparePrereleases(String a, String b) {
        if (a.isEmpty() || b.isEmpty()) {
            return Boolean.compare(a.isEmpty(), b.isEmpty());
        }
        List<String> ids = identifiers(a);
        List<String> otherIds = identifiers(b);
        for (int n = 0; n < Math.max(ids.size(), otherIds.size()); n++) {
            if (n >= otherIds.size()) {
                return 1;
            }
            if (n >= ids.size()) {
                return -1;
            }
            String id = ids.get(n);
            String otherId = otherIds.get(n);
            int compared =
                    DIGITS.matcher(id).matches() && DIGITS.matcher(otherId).matches()
                            ? new BigInteger(id).compareTo(new BigInteger(otherId))
                            : id.compareTo(otherId);
            if (compared != 0) {
                return Integer.signum(compared);
            }
        }
        return 0;
    }

    /** Ruby's {@code split(".")}: empty identifiers kept, except at the end. */
    private static List<String> identifiers(String prerelease) {
        return new ArrayList<>(List.of(prerelease.split("\\.")));
    }
}
