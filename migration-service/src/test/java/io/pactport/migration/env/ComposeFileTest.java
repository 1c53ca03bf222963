package io.pactport.migration.env;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pactport.core.config.PactBrokerEnvironmentTranslation.Entry;
import org.junit.jupiter.api.Test;

class ComposeFileTest {

    private static final String COMPOSE = """
            services:
              postgres:
                image: postgres:16
                environment:
                  POSTGRES_PASSWORD: password
              broker:
                image: pactfoundation/pact-broker
                # the broker's settings
                environment:
                  PACT_BROKER_DATABASE_URL: "postgres://u:p@postgres/pact"
                  PACT_BROKER_AUTO_MIGRATE_DB: 'true'

                  PACT_BROKER_AUTO_MIGRATE_DB_DATA: true # both
                  PACT_BROKER_LOG_LEVEL: debug
                ports:
                  - "9292:9292"
              worker:
                environment:
                  - PACT_BROKER_PORT=9292
                  - "PACT_BROKER_BASE_URL=http://x y"
                  - PACT_BROKER_BASIC_AUTH_PASSWORD
            """;

    @Test
    void readsEveryServicesEnvironmentInBothForms() {
        EnvDocument document = ComposeFile.parse(COMPOSE);
        assertThat(document.blocks())
                .extracting(EnvDocument.Block::service)
                .containsExactly("postgres", "broker", "worker");
        assertThat(document.blocks().get(1).entries())
                .containsExactly(
                        new Entry("PACT_BROKER_DATABASE_URL", "postgres://u:p@postgres/pact"),
                        new Entry("PACT_BROKER_AUTO_MIGRATE_DB", "true"),
                        new Entry("PACT_BROKER_AUTO_MIGRATE_DB_DATA", "true"),
                        new Entry("PACT_BROKER_LOG_LEVEL", "debug"));
        assertThat(document.blocks().get(2).entries())
                .containsExactly(
                        new Entry("PACT_BROKER_PORT", "9292"), new Entry("PACT_BROKER_BASE_URL", "http://x y"));
        assertThat(document.notes())
                .singleElement()
                .asString()
                .contains("worker: PACT_BROKER_BASIC_AUTH_PASSWORD takes its value from the host");
    }

    @Test
    void rewritesTheEnvironmentLinesOnlyKeepingEverythingElse() {
        EnvDocument document = ComposeFile.parse(COMPOSE);
        assertThat(document.rewrite(document.translate())).isEqualTo("""
                services:
                  postgres:
                    image: postgres:16
                    environment:
                      POSTGRES_PASSWORD: password
                  broker:
                    image: pactfoundation/pact-broker
                    # the broker's settings
                    environment:
                      PACTFLOW_DATABASE_URL: "postgres://u:p@postgres/pact"
                      PACTFLOW_DATABASE_AUTO_MIGRATE: 'true'

                      PACTFLOW_LOG_LEVEL: debug
                    ports:
                      - "9292:9292"
                  worker:
                    environment:
                      - PACTFLOW_PORT=9292
                      - "PACTFLOW_BASE_URL=http://x y"
                      - PACT_BROKER_BASIC_AUTH_PASSWORD
                """);
    }

    @Test
    void writesAChangedValueQuotedInAMapAndPlainInAList() {
        EnvDocument map = ComposeFile.parse("x:\n  environment:\n    PACT_BROKER_AUTO_MIGRATE_DB: \"false\" # off\n");
        assertThat(map.rewrite(map.translate()))
                .isEqualTo("x:\n  environment:\n    PACTFLOW_DATABASE_AUTO_MIGRATE: \"false\" # off\n");
        EnvDocument list = ComposeFile.parse("x:\n  environment:\n    - \"PACT_BROKER_AUTO_MIGRATE_DB=FALSE\"\n");
        assertThat(list.rewrite(list.translate()))
                .isEqualTo("x:\n  environment:\n    - PACTFLOW_DATABASE_AUTO_MIGRATE=false\n");
    }

    @Test
    void translatesEachServiceOnItsOwn() {
        EnvDocument document = ComposeFile.parse("""
                a:
                  environment:
                    PACTFLOW_PORT: "1"
                b:
                  environment:
                    PACT_BROKER_PORT: "2"
                """);
        assertThat(document.translate().get(1).result().entries()).containsExactly(new Entry("PACTFLOW_PORT", "2"));
        assertThat(document.translate().get(1).result().warnings()).isEmpty();
    }

    @Test
    void refusesAnInlineEnvironmentAndLinesItCannotRead() {
        assertThatThrownBy(() -> ComposeFile.parse("x:\n  environment: {A: b}\n"))
                .isInstanceOf(EnvFileException.class)
                .hasMessageContaining("line 2", "inline");
        assertThatThrownBy(() -> ComposeFile.parse("x:\n  environment:\n    what is this\n"))
                .hasMessageContaining("line 3");
    }

    @Test
    void aFileWithoutEnvironmentHasNothingToTranslate() {
        assertThat(ComposeFile.parse("services:\n  x:\n    image: y\n").blocks())
                .isEmpty();
    }
}
