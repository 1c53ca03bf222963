package io.pactport.api.pacts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The pieces of the Pact Broker's diff page that Ruby formats: the change's date and the links' YAML scalars. */
class PactDiffTextTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            2026-12-07T18:05:09 | Mon 07 Dec 2026, 6:05pm +00:00
            2026-01-01T00:30:00 | Thu 01 Jan 2026, 12:30am +00:00
            2026-03-09T12:00:00 | Mon 09 Mar 2026, 12:00pm +00:00
            2026-03-09T11:59:59 | Mon 09 Mar 2026, 11:59am +00:00
            """)
    void theDateIsWrittenAsRubysStrftimeWritesIt(String utc, String expected) {
        assertThat(PactDiffText.when(LocalDateTime.parse(utc))).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            Pact between Foo (1.0.0) and Bar | Pact between Foo (1.0.0) and Bar
            http://localhost:9292/pacts/provider/Bar/consumer/Foo/version/1 | http://localhost:9292/pacts/provider/Bar/consumer/Foo/version/1
            "Pact between a: b (1) and c" | "'Pact between a: b (1) and c'"
            "Pact between #x (1) and y" | "'Pact between #x (1) and y'"
            "true" | "'true'"
            "1.5" | "'1.5'"
            "it's" | "it's"
            "'quoted' (1)" | "'''quoted'' (1)'"
            """)
    void scalarsArePlainUnlessYamlWouldReadThemOtherwise(String value, String expected) {
        assertThat(PactDiffText.scalar(value)).isEqualTo(expected);
    }

    @Test
    void nothingToCompareWithIsSaidInThePactBrokersWords() {
        PactPublication pact = new PactPublication(
                1, 1, "Foo", 2, "Bar", 3, "1.0.0", 1, 1, 4, "sha", "{}", LocalDateTime.parse("2026-12-07T18:05:09"));

        assertThat(PactDiffText.noPreviousVersion(pact))
                .isEqualTo("No previous distinct version was found for Pact between Foo (1.0.0) and Bar");
    }
}
