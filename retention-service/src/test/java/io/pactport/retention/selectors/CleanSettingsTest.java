package io.pactport.retention.selectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pactport.core.config.ConfigurationException;
import io.pactport.core.config.EnvironmentVariables;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CleanSettingsTest {

    private static CleanSettings settings(Map<String, String> vars) {
        return CleanSettings.from(new EnvironmentVariables(vars::get));
    }

    @Test
    void defaultsAreTheDockerImages() {
        CleanSettings s = settings(Map.of());
        assertThat(s)
                .isEqualTo(new CleanSettings(
                        false,
                        CronSchedule.parse("15 2 * * *"),
                        KeepSelectors.DOCKER_DEFAULTS,
                        500,
                        7,
                        false,
                        List.of(),
                        500,
                        500,
                        Duration.ZERO,
                        0.1,
                        Duration.ofSeconds(15),
                        Optional.empty()));
        assertThat(s).isEqualTo(CleanSettings.defaults());
    }

    @Test
    void readsEveryVariable() {
        CleanSettings s = settings(Map.of(
                "PACTFLOW_DATABASE_CLEAN_ENABLED",
                "true",
                "PACTFLOW_DATABASE_CLEAN_CRON_SCHEDULE",
                "*/2 * * * *",
                "PACTFLOW_DATABASE_CLEAN_KEEP_VERSION_SELECTORS",
                "[{\"max_age\":30},{\"latest\":true}]",
                "PACTFLOW_DATABASE_CLEAN_DELETION_LIMIT",
                "100",
                "PACTFLOW_DATABASE_CLEAN_OVERWRITTEN_DATA_MAX_AGE",
                "0",
                "PACTFLOW_DATABASE_CLEAN_DRY_RUN",
                "true"));
        assertThat(s)
                .isEqualTo(new CleanSettings(
                        true,
                        CronSchedule.parse("*/2 * * * *"),
                        List.of(KeepSelector.NONE.withMaxAge(30), KeepSelector.NONE.withLatest(true)),
                        100,
                        0,
                        true,
                        List.of(),
                        100,
                        500,
                        Duration.ZERO,
                        0.1,
                        Duration.ofSeconds(15),
                        Optional.empty()));
    }

    @Test
    void readsTheBranchAndPacingVariables() {
        CleanSettings s = settings(Map.ofEntries(
                Map.entry(
                        "PACTFLOW_DATABASE_CLEAN_KEEP_BRANCH_SELECTORS",
                        "[{\"max_age\":30},{\"branch\":[\"a\",\"b\"]}]"),
                Map.entry("PACTFLOW_DATABASE_CLEAN_BRANCH_DELETION_LIMIT", "20"),
                Map.entry("PACTFLOW_DATABASE_CLEAN_BATCH_SIZE", "50"),
                Map.entry("PACTFLOW_DATABASE_CLEAN_BATCH_PAUSE", "500ms"),
                Map.entry("PACTFLOW_DATABASE_CLEAN_BATCH_PAUSE_RATIO", "0.5"),
                Map.entry("PACTFLOW_DATABASE_CLEAN_STATEMENT_TIMEOUT", "1.5m"),
                Map.entry("PACTFLOW_DATABASE_CLEAN_CATCH_UP_INTERVAL", "120")));
        assertThat(s.keepBranchSelectors())
                .containsExactly(new BranchSelector(30, List.of()), new BranchSelector(null, List.of("a", "b")));
        assertThat(s.branchDeletionLimit()).isEqualTo(20);
        assertThat(s.batchSize()).isEqualTo(50);
        assertThat(s.batchPause()).isEqualTo(Duration.ofMillis(500));
        assertThat(s.batchPauseRatio()).isEqualTo(0.5);
        assertThat(s.statementTimeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(s.catchUpInterval()).contains(Duration.ofMinutes(2));
        assertThat(settings(Map.of("PACTFLOW_DATABASE_CLEAN_KEEP_BRANCH_SELECTORS", "[]"))
                        .keepBranchSelectors())
                .isEmpty();
    }

    @Test
    void pactBrokerNamesWorkWithAWarning() {
        EnvironmentVariables env =
                new EnvironmentVariables(Map.of(
                        "PACT_BROKER_DATABASE_CLEAN_DELETION_LIMIT",
                        "250",
                        "PACT_BROKER_DATABASE_CLEAN_DRY_RUN",
                        "false")::get);
        CleanSettings s = CleanSettings.from(env);
        assertThat(s.deletionLimit()).isEqualTo(250);
        assertThat(env.warnings())
                .containsExactlyInAnyOrder(
                        "PACT_BROKER_DATABASE_CLEAN_DELETION_LIMIT is deprecated: rename it to"
                                + " PACTFLOW_DATABASE_CLEAN_DELETION_LIMIT (the value stays the same)",
                        "PACT_BROKER_DATABASE_CLEAN_DRY_RUN is deprecated: rename it to"
                                + " PACTFLOW_DATABASE_CLEAN_DRY_RUN (the value stays the same)");
    }

    @Test
    void bothNamesWithDifferentValuesIsAnError() {
        assertThatThrownBy(() -> settings(Map.of(
                        "PACTFLOW_DATABASE_CLEAN_DELETION_LIMIT",
                        "100",
                        "PACT_BROKER_DATABASE_CLEAN_DELETION_LIMIT",
                        "200")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining(
                        "PACTFLOW_DATABASE_CLEAN_DELETION_LIMIT and PACT_BROKER_DATABASE_CLEAN_DELETION_LIMIT");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "DELETION_LIMIT           | 0    | PACTFLOW_DATABASE_CLEAN_DELETION_LIMIT: must be a positive whole number of versions, not 0",
                "DELETION_LIMIT           | 5OO  | PACTFLOW_DATABASE_CLEAN_DELETION_LIMIT: must be a positive whole number of versions, not \"5OO\"",
                "DELETION_LIMIT           | -1   | PACTFLOW_DATABASE_CLEAN_DELETION_LIMIT: must be a positive whole number of versions, not -1",
                "OVERWRITTEN_DATA_MAX_AGE | -7   | PACTFLOW_DATABASE_CLEAN_OVERWRITTEN_DATA_MAX_AGE: must be a whole number of days, 0 or more, not -7",
                "OVERWRITTEN_DATA_MAX_AGE | 7d   | PACTFLOW_DATABASE_CLEAN_OVERWRITTEN_DATA_MAX_AGE: must be a whole number of days, 0 or more, not \"7d\"",
                "DRY_RUN                  | yes  | PACTFLOW_DATABASE_CLEAN_DRY_RUN: must be true or false, not \"yes\"",
                "DRY_RUN                  | TRUE | PACTFLOW_DATABASE_CLEAN_DRY_RUN: must be true or false, not \"TRUE\"",
                "ENABLED                  | 1    | PACTFLOW_DATABASE_CLEAN_ENABLED: must be true or false, not \"1\"",
                "CRON_SCHEDULE            | 15 2 * * * * | PACTFLOW_DATABASE_CLEAN_CRON_SCHEDULE: \"15 2 * * * *\" has 6 fields",
                "CRON_SCHEDULE            | 15 25 * * *  | PACTFLOW_DATABASE_CLEAN_CRON_SCHEDULE: hour \"25\": value 25 is outside 0-23",
                "KEEP_VERSION_SELECTORS   | []   | PACTFLOW_DATABASE_CLEAN_KEEP_VERSION_SELECTORS: the list of keep selectors is empty",
                "KEEP_VERSION_SELECTORS   | [{\"latest\":true,\"max_age\":3}] | PACTFLOW_DATABASE_CLEAN_KEEP_VERSION_SELECTORS: selector 1: \"latest\" cannot be combined with \"max_age\"",
                "KEEP_BRANCH_SELECTORS    | [{\"maxage\":3}] | PACTFLOW_DATABASE_CLEAN_KEEP_BRANCH_SELECTORS: branch selector 1: unknown key \"maxage\"",
                "KEEP_BRANCH_SELECTORS    | [{}] | PACTFLOW_DATABASE_CLEAN_KEEP_BRANCH_SELECTORS: branch selector 1: {} keeps nothing",
                "BRANCH_DELETION_LIMIT    | 0    | PACTFLOW_DATABASE_CLEAN_BRANCH_DELETION_LIMIT: must be a positive whole number of branches, not 0",
                "BATCH_SIZE               | x    | PACTFLOW_DATABASE_CLEAN_BATCH_SIZE: must be a positive whole number of versions, not \"x\"",
                "BATCH_PAUSE              | 2 weeks | PACTFLOW_DATABASE_CLEAN_BATCH_PAUSE: must be a duration such as 500ms",
                "BATCH_PAUSE_RATIO        | -1   | PACTFLOW_DATABASE_CLEAN_BATCH_PAUSE_RATIO: must be a number from 0 to 100",
                "BATCH_PAUSE_RATIO        | 101  | PACTFLOW_DATABASE_CLEAN_BATCH_PAUSE_RATIO: must be a number from 0 to 100",
                "STATEMENT_TIMEOUT        | 0s   | PACTFLOW_DATABASE_CLEAN_STATEMENT_TIMEOUT: must be longer than 0",
                "CATCH_UP_INTERVAL        | 0    | PACTFLOW_DATABASE_CLEAN_CATCH_UP_INTERVAL: must be longer than 0"
            })
    void invalidValuesNameTheVariable(String suffix, String value, String message) {
        assertThatThrownBy(() -> settings(Map.of("PACTFLOW_DATABASE_CLEAN_" + suffix, value)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith(message);
        assertThatThrownBy(() -> settings(Map.of("PACT_BROKER_DATABASE_CLEAN_" + suffix, value)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith(message);
    }

    @Test
    void blankValuesCountAsUnset() {
        assertThat(settings(Map.of(
                        "PACTFLOW_DATABASE_CLEAN_KEEP_VERSION_SELECTORS",
                        "  ",
                        "PACTFLOW_DATABASE_CLEAN_DELETION_LIMIT",
                        "")))
                .isEqualTo(CleanSettings.defaults());
    }
}
