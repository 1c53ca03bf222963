package io.pactport.api.versions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Version numbers read and ordered as the Pact Broker 2.120 (semver2 3.4.2) does when it orders by number. */
class SemanticVersionTest {

    private static final SemanticVersion.Formats DEFAULT =
            SemanticVersion.Formats.of(List.of("%M.%m.%p%s%d", "%M.%m", "%M"));

    @ParameterizedTest
    @CsvSource({
        "1.2.3, 1, 2, 3, ''",
        "1.2.3-rc.1+build.7, 1, 2, 3, rc.1",
        "release-1.2.3.final, 1, 2, 3, ''", // found anywhere in the number
        "1.2, 1, 2, 0, ''",
        "build-42, 42, 0, 0, ''",
        "v3.0.0-beta, 3, 0, 0, beta",
        "1.2.3-x, 1, 2, 3, ''", // a pre-release is two characters at least
        "99999999999999999999.0.0, 99999999999999999999, 0, 0, ''"
    })
    void readsNumbersWithTheFirstFormatThatFindsOne(
            String number, String major, String minor, String patch, String prerelease) {
        SemanticVersion version = DEFAULT.parse(number).orElseThrow();
        assertThat(List.of(
                        version.major().toString(),
                        version.minor().toString(),
                        version.patch().toString()))
                .containsExactly(major, minor, patch);
        assertThat(version.prerelease()).isEqualTo(prerelease);
    }

    @Test
    void aNumberNoFormatFindsAVersionInIsUnreadable() {
        assertThat(DEFAULT.parse("main")).isEmpty();
        assertThat(DEFAULT.parse("abc.def")).isEmpty();
        assertThat(SemanticVersion.Formats.of(List.of("%M.%m")).parse("42")).isEmpty();
    }

    @Test
    void customFormatsAreLiteralApartFromTheirPlaceholdersAndAnOptionalLeadingV() {
        SemanticVersion.Formats formats = SemanticVersion.Formats.of(List.of("v%M_%m(%p)"));
        assertThat(formats.parse("v2_5(1)").orElseThrow().minor()).hasToString("5");
        assertThat(formats.parse("2_5(1)").orElseThrow().patch()).hasToString("1");
        assertThat(formats.parse("2.5.1")).isEmpty();
    }

    @Test
    void ordersByNumbersThenPreReleaseIdentifiersAsSemVer() {
        List<String> ordered = List.of(
                "0.9.12",
                "1.0.0-alpha",
                "1.0.0-alpha.1",
                "1.0.0-alpha.beta",
                "1.0.0-beta.2",
                "1.0.0-beta.11",
                "1.0.0-rc.1",
                "1.0.0",
                "1.0.10",
                "1.2",
                "10");
        List<String> shuffled = List.of(
                "10",
                "1.0.0-beta.11",
                "1.0.0",
                "1.0.0-alpha.beta",
                "1.0.10",
                "0.9.12",
                "1.0.0-rc.1",
                "1.2",
                "1.0.0-alpha",
                "1.0.0-beta.2",
                "1.0.0-alpha.1");
        Comparator<String> byNumber = Comparator.comparing(DEFAULT::parse, SemanticVersion::compare);
        assertThat(shuffled.stream().sorted(byNumber).toList()).isEqualTo(ordered);
    }

    @Test
    void buildMetadataAndMissingPartsDoNotCountAndUnreadableNumbersComeFirst() {
        assertThat(SemanticVersion.compare(DEFAULT.parse("1.0.0+build.1"), DEFAULT.parse("1.0")))
                .isZero();
        assertThat(SemanticVersion.compare(Optional.empty(), DEFAULT.parse("0.0.1")))
                .isNegative();
        assertThat(SemanticVersion.compare(DEFAULT.parse("0.0.1"), Optional.empty()))
                .isPositive();
        assertThat(SemanticVersion.compare(Optional.empty(), Optional.empty())).isZero();
    }
}
