package io.pactport.retention.selectors;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A unix (Vixie cron) 5-field schedule as the Pact Broker docker image takes it in
 * {@code PACT_BROKER_DATABASE_CLEAN_CRON_SCHEDULE}: minute, hour, day of month, month, day of week; each field a list of
 * {@code *}, numbers, ranges {@code a-b}, steps {@code * /n}, {@code a-b/n} or {@code a/n}, months {@code JAN}-{@code DEC}
 * and days {@code SUN}-{@code SAT} by name, Sunday as 0 or 7. As in cron, when both day fields are restricted a day
 * matching either runs.
 */
public final class CronSchedule {

    private static final List<String> MONTHS =
            List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC");
    private static final List<String> DAYS = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");

    private final String expression;
    private final BitSet minutes;
    private final BitSet hours;
    private final BitSet daysOfMonth;
    private final BitSet months;
    private final BitSet daysOfWeek;
    private final boolean dayOfMonthRestricted;
    private final boolean dayOfWeekRestricted;

    private CronSchedule(String expression, String[] fields) {
        this.expression = expression;
        minutes = field(fields[0], "minute", 0, 59, null, 0);
        hours = field(fields[1], "hour", 0, 23, null, 0);
        daysOfMonth = field(fields[2], "day of month", 1, 31, null, 1);
        months = field(fields[3], "month", 1, 12, MONTHS, 1);
        BitSet dow = field(fields[4], "day of week", 0, 7, DAYS, 0);
        if (dow.get(7)) {
            dow.set(0);
            dow.clear(7);
        }
        daysOfWeek = dow;
        dayOfMonthRestricted = !fields[2].startsWith("*");
        dayOfWeekRestricted = !fields[4].startsWith("*");
    }

    /**
     * @throws IllegalArgumentException saying which field is wrong, or that the schedule never runs
     */
    public static CronSchedule parse(String expression) {
        String trimmed = expression == null ? "" : expression.trim();
        String[] fields = trimmed.isEmpty() ? new String[0] : trimmed.split("\\s+");
        if (fields.length != 5) {
            String hint = fields.length == 6 || fields.length == 7
                    ? " (a seconds or year field, as in Quartz, is not supported)"
                    : "";
            throw new IllegalArgumentException("\"" + trimmed + "\" has " + fields.length + " fields; a unix cron"
                    + " schedule has 5 (minute hour day-of-month month day-of-week), e.g. \"15 2 * * *\"" + hint);
        }
        CronSchedule schedule = new CronSchedule(trimmed, fields);
        if (schedule.next(LocalDateTime.of(2000, 1, 1, 0, 0)).isEmpty()) {
            throw new IllegalArgumentException("\"" + trimmed + "\" never runs (no month has that day)");
        }
        return schedule;
    }

    public String expression() {
        return expression;
    }

    /** Whether the schedule fires in the minute of {@code time}. */
    public boolean matches(LocalDateTime time) {
        return minutes.get(time.getMinute()) && hours.get(time.getHour()) && dayMatches(time.toLocalDate());
    }

    /** The first minute strictly after {@code after} at which the schedule fires; empty if none within 8 years. */
    public Optional<LocalDateTime> next(LocalDateTime after) {
        LocalDateTime start = after.truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
        LocalDate day = start.toLocalDate();
        for (int i = 0; i < 366 * 8 + 2; i++, day = day.plusDays(1)) {
            if (!dayMatches(day)) {
                continue;
            }
            boolean today = day.equals(start.toLocalDate());
            for (int h = hours.nextSetBit(today ? start.getHour() : 0); h >= 0; h = hours.nextSetBit(h + 1)) {
                int fromMinute = today && h == start.getHour() ? start.getMinute() : 0;
                int m = minutes.nextSetBit(fromMinute);
                if (m >= 0) {
                    return Optional.of(day.atTime(h, m));
                }
            }
        }
        return Optional.empty();
    }

    private boolean dayMatches(LocalDate day) {
        if (!months.get(day.getMonthValue())) {
            return false;
        }
        boolean dom = daysOfMonth.get(day.getDayOfMonth());
        boolean dow = daysOfWeek.get(day.getDayOfWeek().getValue() % 7);
        if (dayOfMonthRestricted && dayOfWeekRestricted) {
            return dom || dow;
        }
        return dom && dow;
    }

    private static BitSet field(String text, String name, int min, int max, List<String> names, int firstName) {
        BitSet bits = new BitSet(max + 1);
        for (String item : text.split(",", -1)) {
            String range = item;
            int step = 1;
            int slash = item.indexOf('/');
            if (slash >= 0) {
                range = item.substring(0, slash);
                step = number(item.substring(slash + 1), name, item, 1, max, null, 0, "step");
            }
            int from;
            int to;
            if (range.equals("*")) {
                from = min;
                to = max;
            } else {
                int dash = range.indexOf('-');
                if (dash >= 0) {
                    from = number(range.substring(0, dash), name, item, min, max, names, firstName, "value");
                    to = number(range.substring(dash + 1), name, item, min, max, names, firstName, "value");
                    if (from > to) {
                        throw new IllegalArgumentException(
                                name + " \"" + item + "\": range " + from + "-" + to + " runs backwards");
                    }
                } else {
                    from = number(range, name, item, min, max, names, firstName, "value");
                    to = slash >= 0 ? max : from;
                }
            }
            for (int v = from; v <= to; v += step) {
                bits.set(v);
            }
        }
        return bits;
    }

    private static int number(
            String text, String field, String item, int min, int max, List<String> names, int firstName, String what) {
        if (names != null) {
            int index = names.indexOf(text.toUpperCase(Locale.ROOT));
            if (index >= 0) {
                return index + firstName;
            }
        }
        if (text.isEmpty() || !text.chars().allMatch(Character::isDigit) || text.length() > 4) {
            String allowed = names == null ? "" : " or " + names.get(0) + "-" + names.get(names.size() - 1);
            throw new IllegalArgumentException(field + " \"" + item + "\": \"" + text + "\" is not a number" + allowed);
        }
        int value = Integer.parseInt(text);
        if (value < min || value > max) {
            throw new IllegalArgumentException(
                    field + " \"" + item + "\": " + what + " " + value + " is outside " + min + "-" + max);
        }
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CronSchedule other && expression.equals(other.expression);
    }

    @Override
    public int hashCode() {
        return expression.hashCode();
    }

    @Override
    public String toString() {
        return expression;
    }
}
