package io.pactport.retention.selectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CronScheduleTest {

    private static LocalDateTime at(String iso) {
        return LocalDateTime.parse(iso);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "15 2 * * *          | 2024-03-10T01:00 | 2024-03-10T02:15",
                "15 2 * * *          | 2024-03-10T02:15 | 2024-03-11T02:15",
                "*/2 * * * *         | 2024-03-10T10:01 | 2024-03-10T10:02",
                "*/15 9-17 * * MON-FRI | 2024-03-09T12:00 | 2024-03-11T09:00",
                "0 0 1 JAN,jul *     | 2024-03-10T00:00 | 2024-07-01T00:00",
                "0 12 * * 7          | 2024-03-10T13:00 | 2024-03-17T12:00",
                "0 12 * * 0          | 2024-03-11T00:00 | 2024-03-17T12:00",
                "5/20 * * * *        | 2024-03-10T10:26 | 2024-03-10T10:45",
                "0 0 29 2 *          | 2024-03-01T00:00 | 2028-02-29T00:00",
                "0 0 13 * FRI        | 2024-03-10T00:00 | 2024-03-13T00:00",
                "0 0 1-10/3 * *      | 2024-03-02T00:00 | 2024-03-04T00:00",
                "59 23 31 12 *       | 2024-12-31T23:59 | 2025-12-31T23:59"
            })
    void nextRun(String expression, String after, String next) {
        CronSchedule schedule = CronSchedule.parse(expression);
        assertThat(schedule.next(at(after))).contains(at(next));
        assertThat(schedule.matches(at(next))).isTrue();
    }

    @Test
    void theDefaultRunsDailyAtQuarterPastTwo() {
        CronSchedule schedule = CronSchedule.parse("  15 2 * * *  ");
        assertThat(schedule.expression()).isEqualTo("15 2 * * *");
        assertThat(schedule.matches(at("2024-01-01T02:15:30"))).isTrue();
        assertThat(schedule.matches(at("2024-01-01T02:16"))).isFalse();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "15 2 * *          | \"15 2 * *\" has 4 fields; a unix cron schedule has 5",
                "0 15 2 * * ?      | \"0 15 2 * * ?\" has 6 fields; a unix cron schedule has 5 (minute hour day-of-month month day-of-week), e.g. \"15 2 * * *\" (a seconds or year field, as in Quartz, is not supported)",
                "``                | \"\" has 0 fields",
                "60 2 * * *        | minute \"60\": value 60 is outside 0-59",
                "15 24 * * *       | hour \"24\": value 24 is outside 0-23",
                "0 0 0 * *         | day of month \"0\": value 0 is outside 1-31",
                "0 0 * 13 *        | month \"13\": value 13 is outside 1-12",
                "0 0 * * 8         | day of week \"8\": value 8 is outside 0-7",
                "0 0 * FOO *       | month \"FOO\": \"FOO\" is not a number or JAN-DEC",
                "0 0 * * MON-FUN   | day of week \"MON-FUN\": \"FUN\" is not a number or SUN-SAT",
                "*/0 * * * *       | minute \"*/0\": step 0 is outside 1-59",
                "10-5 * * * *      | minute \"10-5\": range 10-5 runs backwards",
                "1,,2 * * * *      | minute \"\": \"\" is not a number",
                "? * * * *         | minute \"?\": \"?\" is not a number",
                "0 0 L * *         | day of month \"L\": \"L\" is not a number",
                "@daily            | \"@daily\" has 1 fields",
                "0 0 30 2 *        | \"0 0 30 2 *\" never runs"
            })
    void invalidSchedulesAreRefusedSayingWhy(String expression, String message) {
        assertThatThrownBy(() -> CronSchedule.parse(expression))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(message);
    }
}
