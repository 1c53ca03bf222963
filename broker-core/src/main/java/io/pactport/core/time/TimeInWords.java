package io.pactport.core.time;

import java.time.Duration;

/**
 * "5 days", "about 2 hours": the distance between two times in the Pact Broker's words (Rails'
 * {@code distance_of_time_in_words}, which the Pact Broker copied, without its leap-year correction), as its dry-run
 * report and its pact diffs say how long ago something happened.
 */
public final class TimeInWords {

    private TimeInWords() {}

    public static String of(Duration distance) {
        long minutes = Math.round(Math.abs(distance.toMillis()) / 60_000.0);
        if (minutes == 0) {
            return "less than a minute";
        }
        if (minutes == 1) {
            return "1 minute";
        }
        if (minutes < 45) {
            return minutes + " minutes";
        }
        if (minutes < 90) {
            return "about 1 hour";
        }
        if (minutes < 1440) {
            return "about " + Math.round(minutes / 60.0) + " hours";
        }
        if (minutes < 2520) {
            return "1 day";
        }
        if (minutes < 43200) {
            return Math.round(minutes / 1440.0) + " days";
        }
        if (minutes < 86400) {
            long months = Math.round(minutes / 43200.0);
            return "about " + months + (months == 1 ? " month" : " months");
        }
        if (minutes < 525600) {
            return Math.round(minutes / 43200.0) + " months";
        }
        long years = minutes / 525600;
        long remainder = minutes % 525600;
        if (remainder < 131400) {
            return "about " + plural(years, "year");
        }
        if (remainder < 394200) {
            return "over " + plural(years, "year");
        }
        return "almost " + plural(years + 1, "year");
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }
}
