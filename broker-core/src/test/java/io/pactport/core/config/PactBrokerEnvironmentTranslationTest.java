package io.pactport.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.pactport.core.config.PactBrokerEnvironmentTranslation.Entry;
import io.pactport.core.config.PactBrokerEnvironmentTranslation.Result;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PactBrokerEnvironmentTranslationTest {

    private static Result translate(String... nameValues) {
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < nameValues.length; i += 2) {
            entries.add(new Entry(nameValues[i], nameValues[i + 1]));
        }
        return PactBrokerEnvironmentTranslation.translate(entries);
    }

    private static Entry e(String name, String value) {
        return new Entry(name, value);
    }

    @Test
    void renamesEveryPactBrokerVariableKeepingItsValue() {
        Result result = translate(
                "PACT_BROKER_DATABASE_URL",
                "postgres://u:p@db:5432/broker",
                "PACT_BROKER_DATABASE_SSLMODE",
                "require",
                "PACT_BROKER_BASIC_AUTH_USERNAME",
                "ci");
        assertThat(result.entries())
                .containsExactly(
                        e("PACTFLOW_DATABASE_URL", "postgres://u:p@db:5432/broker"),
                        e("PACTFLOW_DATABASE_SSLMODE", "require"),
                        e("PACTFLOW_BASIC_AUTH_USERNAME", "ci"));
        assertThat(result.warnings()).isEmpty();
    }

    @Test
    void keepsValuesExactlyWithEqualsSignsSpacesAndQuotes() {
        Result result = translate("PACT_BROKER_DATABASE_PASSWORD", " a=b c ", "PACT_BROKER_BASE_URL", "\"x\"");
        assertThat(result.entries())
                .containsExactly(e("PACTFLOW_DATABASE_PASSWORD", " a=b c "), e("PACTFLOW_BASE_URL", "\"x\""));
    }

    @Test
    void leavesOtherVariablesAlone() {
        Result result = translate("TZ", "UTC", "PACTFLOW_BASE_URL", "https://pact", "PACT_BROKER_", "x");
        assertThat(result.entries())
                .containsExactly(e("TZ", "UTC"), e("PACTFLOW_BASE_URL", "https://pact"), e("PACT_BROKER_", "x"));
        assertThat(result.lines()).noneMatch(PactBrokerEnvironmentTranslation.Line::changed);
    }

    @Test
    void replacesBothAutoMigrateVariablesByOne() {
        Result result = translate(
                "PACT_BROKER_AUTO_MIGRATE_DB",
                "true",
                "PACT_BROKER_PORT",
                "9292",
                "PACT_BROKER_AUTO_MIGRATE_DB_DATA",
                "true");
        assertThat(result.entries())
                .containsExactly(e("PACTFLOW_DATABASE_AUTO_MIGRATE", "true"), e("PACTFLOW_PORT", "9292"));
        assertThat(result.lines().get(2).translated()).isNull();
        assertThat(result.warnings()).isEmpty();
    }

    @Test
    void replacesOneAutoMigrateVariableToo() {
        assertThat(translate("PACT_BROKER_AUTO_MIGRATE_DB_DATA", "true").entries())
                .containsExactly(e("PACTFLOW_DATABASE_AUTO_MIGRATE", "true"));
    }

    @Test
    void addsNoAutoMigrateWhenNeitherWasSet() {
        assertThat(translate("PACT_BROKER_PORT", "9292").entries()).containsExactly(e("PACTFLOW_PORT", "9292"));
    }

    @Test
    void writesFalseWithAWarningWhenAutoMigrationWasOff() {
        Result result = translate("PACT_BROKER_AUTO_MIGRATE_DB", "FALSE", "PACT_BROKER_AUTO_MIGRATE_DB_DATA", "true");
        assertThat(result.entries()).containsExactly(e("PACTFLOW_DATABASE_AUTO_MIGRATE", "false"));
        assertThat(result.warnings())
                .singleElement()
                .asString()
                .contains("PACT_BROKER_AUTO_MIGRATE_DB set to false", "PACTFLOW_DATABASE_AUTO_MIGRATE=false");
    }

    @Test
    void warnsAboutAnotherDatabaseThanPostgres() {
        assertThat(translate("PACT_BROKER_DATABASE_ADAPTER", "sqlite").warnings())
                .singleElement()
                .asString()
                .contains("PACT_BROKER_DATABASE_ADAPTER", "only PostgreSQL is supported");
        assertThat(translate("PACT_BROKER_DATABASE_ADAPTER", "mysql").entries())
                .containsExactly(e("PACTFLOW_DATABASE_ADAPTER", "mysql"));
        assertThat(translate("PACT_BROKER_DATABASE_URL", "mysql2://u@h/db").warnings())
                .singleElement()
                .asString()
                .contains("only PostgreSQL is supported");
        assertThat(translate("PACT_BROKER_DATABASE_ADAPTER", "postgres").warnings())
                .isEmpty();
    }

    @Test
    void warnsAboutSettingsPactportDoesNotUse() {
        Result result = translate("PACT_BROKER_PUMA_PERSISTENT_TIMEOUT", "60", "PACT_BROKER_LOG_STREAM", "stdout");
        assertThat(result.warnings()).hasSize(2).allMatch(w -> w.contains("not used by Pactport"));
        assertThat(result.entries())
                .extracting(Entry::name)
                .containsExactly("PACTFLOW_PUMA_PERSISTENT_TIMEOUT", "PACTFLOW_LOG_STREAM");
    }

    @Test
    void warnsAboutNamesThatAreNoPactBrokerSetting() {
        assertThat(translate("PACT_BROKER_FLUX_CAPACITOR", "1.21").warnings())
                .singleElement()
                .asString()
                .contains("PACT_BROKER_FLUX_CAPACITOR is unknown");
    }

    @Test
    void anExistingPactflowVariableWinsAndADifferentValueIsNamed() {
        Result result = translate(
                "PACT_BROKER_DATABASE_URL", "postgres://old/db", "PACTFLOW_DATABASE_URL", "postgres://new/db");
        assertThat(result.entries()).containsExactly(e("PACTFLOW_DATABASE_URL", "postgres://new/db"));
        assertThat(result.warnings())
                .singleElement()
                .asString()
                .contains("PACTFLOW_DATABASE_URL and PACT_BROKER_DATABASE_URL", "dropped PACT_BROKER_DATABASE_URL")
                .doesNotContain("postgres://");
    }

    @Test
    void anExistingPactflowVariableWithTheSameValueDropsTheOldOneQuietly() {
        Result result = translate("PACTFLOW_PORT", "9292", "PACT_BROKER_PORT", "9292");
        assertThat(result.entries()).containsExactly(e("PACTFLOW_PORT", "9292"));
        assertThat(result.warnings()).isEmpty();
    }

    @Test
    void anExistingAutoMigrateWins() {
        Result result = translate("PACT_BROKER_AUTO_MIGRATE_DB", "true", "PACTFLOW_DATABASE_AUTO_MIGRATE", "false");
        assertThat(result.entries()).containsExactly(e("PACTFLOW_DATABASE_AUTO_MIGRATE", "false"));
        assertThat(result.warnings()).singleElement().asString().contains("dropped PACT_BROKER_AUTO_MIGRATE_DB");
    }

    @Test
    void translatesADuplicateTwiceAndWarnsOnce() {
        Result result = translate("PACT_BROKER_FOO", "1", "PACT_BROKER_FOO", "2");
        assertThat(result.entries()).containsExactly(e("PACTFLOW_FOO", "1"), e("PACTFLOW_FOO", "2"));
        assertThat(result.warnings()).hasSize(1);
    }

    @Test
    void translatesNothingToNothing() {
        Result result = PactBrokerEnvironmentTranslation.translate(List.of());
        assertThat(result.entries()).isEmpty();
        assertThat(result.warnings()).isEmpty();
    }

    @Test
    void recognisesSecretsByName() {
        assertThat(List.of(
                        "PACTFLOW_DATABASE_PASSWORD",
                        "PACTFLOW_BASIC_AUTH_READ_ONLY_PASSWORD",
                        "PACTFLOW_API_TOKEN_IV",
                        "PACTFLOW_COOKIE_SECRET",
                        "PACTFLOW_ADMIN_API_KEY",
                        "PACTFLOW_MASTER_ENCRYPTION_KEY",
                        "MY_APIKEY",
                        "AWS_CREDENTIALS"))
                .allMatch(PactBrokerEnvironmentTranslation::isSecret);
        assertThat(List.of(
                        "PACTFLOW_DATABASE_USERNAME",
                        "KEYCLOAK_URL",
                        "PACTFLOW_CLEAN_KEEP_VERSION_SELECTORS",
                        "PACTFLOW_KEYSTORE_PATH"))
                .noneMatch(PactBrokerEnvironmentTranslation::isSecret);
    }

    @Test
    void redactsSecretsAndPasswordsInUrls() {
        assertThat(PactBrokerEnvironmentTranslation.redact(e("PACTFLOW_DATABASE_PASSWORD", "hunter2")))
                .isEqualTo("****");
        assertThat(PactBrokerEnvironmentTranslation.redact(
                        e("PACTFLOW_DATABASE_URL", "postgres://broker:s3c@r=t@db:5432/pact?sslmode=require")))
                .isEqualTo("postgres://broker:****@db:5432/pact?sslmode=require");
        assertThat(PactBrokerEnvironmentTranslation.redact(e("PACTFLOW_DATABASE_URL", "postgres://broker@db/pact")))
                .isEqualTo("postgres://broker@db/pact");
        assertThat(PactBrokerEnvironmentTranslation.redact(e("PACTFLOW_BASE_URL", "http://pact:9292")))
                .isEqualTo("http://pact:9292");
    }
}
