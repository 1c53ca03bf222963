package io.pactport.api.matrix;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class MatrixQueryParserTest {

    private static MatrixQuery parse(String query) {
        return MatrixQueryParser.matrixQuery(MatrixQueryParser.parse(query));
    }

    private static MatrixSelector selector(String pacticipant, String version, boolean latest, String tag) {
        return new MatrixSelector(pacticipant, version, latest, tag, null, false, null);
    }

    @Test
    void aRepeatedKeyStartsTheNextSelectorAsRackDoes() {
        MatrixQuery q = parse("q%5B%5D%5Bpacticipant%5D=Foo&q%5B%5D%5Bversion%5D=1.2.3"
                + "&q%5B%5D%5Bpacticipant%5D=Bar&q%5B%5D%5Blatest%5D=true&q%5B%5D%5Btag%5D=prod&latestby=cvpv");
        assertThat(q.selectors())
                .isEqualTo(List.of(MatrixSelector.of("Foo", "1.2.3"), selector("Bar", null, true, "prod")));
        assertThat(q.latestby()).isEqualTo("cvpv");
        assertThat(q.limit()).isEqualTo(100);
    }

    @Test
    void groupedByKeyVersionsGoInOrderAndOtherKeysToTheSelectorsWithoutAVersion() {
        // pact-jvm sends a query grouped by key; the pact_broker-client V2 pact lists keys alphabetically
        assertThat(parse("latestby=cvpv&q[][latest]=true&q[][pacticipant]=Foo&q[][pacticipant]=Bar&q[][tag]=prod"
                                + "&q[][version]=1%2e2%2e3")
                        .selectors())
                .isEqualTo(List.of(MatrixSelector.of("Foo", "1.2.3"), selector("Bar", null, true, "prod")));
        assertThat(parse("q[][pacticipant]=Bar&q[][pacticipant]=Foo&q[][version]=4.5.6&q[][tag]=prod")
                        .selectors())
                .isEqualTo(List.of(MatrixSelector.of("Bar", "4.5.6"), selector("Foo", null, false, "prod")));
        assertThat(parse("q[][pacticipant]=Foo+Thing&q[][pacticipant]=Bar&q[][version]=1.2.3&q[][version]=4.5.6")
                        .selectors())
                .isEqualTo(List.of(MatrixSelector.of("Foo Thing", "1.2.3"), MatrixSelector.of("Bar", "4.5.6")));
    }

    @Test
    void ignoreSelectorsInBothForms() {
        assertThat(parse("q[][pacticipant]=Bar&ignore[][pacticipant]=Foo&ignore[][version]=3.4.5")
                        .ignore())
                .isEqualTo(List.of(MatrixSelector.of("Foo", "3.4.5")));
        assertThat(MatrixQueryParser.parse("ignore[]=Foo&ignore[]=Baz").ignore())
                .isEqualTo(List.of(MatrixSelector.of("Foo"), MatrixSelector.of("Baz")));
    }

    @Test
    void optionsAsThePactBrokerReadsThem() {
        MatrixQuery q = parse("q[][pacticipant]=Foo&success[]=true&success[]=&success[]=false&limit=5&latest=true"
                + "&tag=prod&mainBranch=true&environment=");
        assertThat(q.success()).isEqualTo(Arrays.asList(true, null, false));
        assertThat(q.limit()).isEqualTo(5);
        assertThat(q.latest()).isTrue();
        assertThat(q.mainBranch()).isTrue();
        assertThat(q.tag()).isEqualTo("prod");
        assertThat(q.environment()).as("an empty value counts as absent").isNull();
        assertThat(parse("limit=abc").limit())
                .as("not a number: 0, which validation refuses")
                .isEqualTo(0);
        assertThat(parse("latest=false").latest()).isFalse();
        assertThat(parse("success=false").success()).isEqualTo(List.of(false));
    }

    @Test
    void emptyValuesAndAMissingPacticipantAreKeptForValidation() {
        MatrixQuery q = parse("q[][version]=1&q[][pacticipant]=");
        assertThat(q.selectors().size()).isEqualTo(1);
        assertThat(q.selectors().get(0).pacticipant()).isNull();
        assertThat(parse("").selectors().isEmpty()).isTrue();
        assertThat(parse(null).selectors().isEmpty()).isTrue();
    }
}
