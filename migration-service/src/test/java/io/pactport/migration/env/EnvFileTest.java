package io.pactport.migration.env;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pactport.core.config.PactBrokerEnvironmentTranslation.Entry;
import org.junit.jupiter.api.Test;

class EnvFileTest {

    private static String rewritten(String text) {
        EnvDocument document = EnvFile.parse(text);
        return document.rewrite(document.translate());
    }

    @Test
    void readsAssignmentsExportsQuotesAndComments() {
        EnvDocument document = EnvFile.parse("""
                # the broker
                PACT_BROKER_PORT=9292

                export PACT_BROKER_BASE_URL=https://pact.example.com # public
                PACT_BROKER_DATABASE_PASSWORD="s3 cr=t \\"q\\""
                PACT_BROKER_BASIC_AUTH_PASSWORD='a #b $c'
                PACT_BROKER_DATABASE_URL=postgres://u:p@db/pact?a=b
                EMPTY=
                """);
        assertThat(document.blocks())
                .singleElement()
                .extracting(EnvDocument.Block::entries)
                .asList()
                .containsExactly(
                        new Entry("PACT_BROKER_PORT", "9292"),
                        new Entry("PACT_BROKER_BASE_URL", "https://pact.example.com"),
                        new Entry("PACT_BROKER_DATABASE_PASSWORD", "s3 cr=t \"q\""),
                        new Entry("PACT_BROKER_BASIC_AUTH_PASSWORD", "a #b $c"),
                        new Entry("PACT_BROKER_DATABASE_URL", "postgres://u:p@db/pact?a=b"),
                        new Entry("EMPTY", ""));
    }

    @Test
    void rewritesOnlyTheRenamedLinesKeepingCommentsBlankLinesAndOrder() {
        String text = """
                # the broker
                PACT_BROKER_PORT=9292

                export PACT_BROKER_BASE_URL=https://pact.example.com # public
                TZ=UTC
                PACT_BROKER_DATABASE_PASSWORD="s3 cr=t"
                """;
        assertThat(rewritten(text)).isEqualTo("""
                # the broker
                PACTFLOW_PORT=9292

                export PACTFLOW_BASE_URL=https://pact.example.com # public
                TZ=UTC
                PACTFLOW_DATABASE_PASSWORD="s3 cr=t"
                """);
    }

    @Test
    void turnsTheTwoAutoMigrateLinesIntoOne() {
        assertThat(rewritten("PACT_BROKER_AUTO_MIGRATE_DB=true\n# data too\nPACT_BROKER_AUTO_MIGRATE_DB_DATA=true\n"))
                .isEqualTo("PACTFLOW_DATABASE_AUTO_MIGRATE=true\n# data too\n");
        assertThat(rewritten("export PACT_BROKER_AUTO_MIGRATE_DB='false'\n"))
                .isEqualTo("export PACTFLOW_DATABASE_AUTO_MIGRATE='false'\n");
        assertThat(rewritten("PACT_BROKER_AUTO_MIGRATE_DB=False # off\n"))
                .isEqualTo("PACTFLOW_DATABASE_AUTO_MIGRATE=false\n");
    }

    @Test
    void dropsAnOldVariableWhoseNewNameIsAlreadySet() {
        assertThat(rewritten("PACTFLOW_PORT=80\nPACT_BROKER_PORT=9292\n")).isEqualTo("PACTFLOW_PORT=80\n");
    }

    @Test
    void keepsWindowsLineEndingsAndAMissingFinalNewline() {
        assertThat(rewritten("# x\r\nPACT_BROKER_PORT=9292\r\nA=b")).isEqualTo("# x\r\nPACTFLOW_PORT=9292\r\nA=b");
    }

    @Test
    void anEmptyFileIsAnEmptyEnvironment() {
        assertThat(EnvFile.parse("").blocks())
                .singleElement()
                .extracting(EnvDocument.Block::assignments)
                .asList()
                .isEmpty();
        assertThat(rewritten("")).isEmpty();
    }

    @Test
    void refusesWhatIsNoAssignment() {
        assertThatThrownBy(() -> EnvFile.parse("A=1\nthis is not it\n"))
                .isInstanceOf(EnvFileException.class)
                .hasMessageContaining("line 2");
        assertThatThrownBy(() -> EnvFile.parse("A=\"open\n")).hasMessageContaining("line 1", "not closed");
        assertThatThrownBy(() -> EnvFile.parse("A=\"x\" y\n")).hasMessageContaining("after the closing quote");
    }
}
