package io.pactport.api.matrix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
        assertEquals(List.of(MatrixSelector.of("Foo", "1.2.3"), selector("Bar", null, true, "prod")), q.selectors());
        assertEquals("cvpv", q.latestby());
        assertEquals(100, q.limit());
    }

    @Test
    void groupedByKeyVersionsGoInOrderAndOtherKeysToTheSelectorsWithoutAVersion() {
        // pact-jvm sends a query grouped by key; the pact_broker-client V2 pact lists keys alphabetically
        assertEquals(List.of(MatrixSelector.of("Foo", "1.2.3"), selector("Bar", null, true, "prod")),
                parse("latestby=cvpv&q[][latest]=true&q[][pacticipant]=Foo&q[][pacticipant]=Bar&q[][tag]=prod"
                        + "&q[][version]=1%2e2%2e3").selectors());
        assertEquals(List.of(MatrixSelector.of("Bar", "4.5.6"), selector("Foo", null, false, "prod")),
                parse("q[][pacticipant]=Bar&q[][pacticipant]=Foo&q[][version]=4.5.6&q[][tag]=prod").selectors());
        assertEquals(List.of(MatrixSelector.of("Foo Thing", "1.2.3"), MatrixSelector.of("Bar", "4.5.6")),
                parse("q[][pacticipant]=Foo+Thing&q[][pacticipant]=Bar&q[][version]=1.2.3&q[][version]=4.5.6")
                        .selectors());
    }

    @Test
    void ignoreSelectorsInBothForms() {
        assertEquals(List.of(MatrixSelector.of("Foo", "3.4.5")),
                parse("q[][pacticipant]=Bar&ignore[][pacticipant]=Foo&ignore[][version]=3.4.5").ignore());
        assertEquals(List.of(MatrixSelector.of("Foo"), MatrixSelector.of("Baz")),
                MatrixQueryParser.parse("ignore[]=Foo&ignore[]=Baz").ignore());
    }

    @Test
    void optionsAsThePactBrokerReadsThem() {
        MatrixQuery q = parse("q[][pacticipant]=Foo&success[]=true&success[]=&success[]=false&limit=5&latest=true"
                + "&tag=prod&mainBranch=true&environment=");
        assertEquals(Arrays.asList(true, null, false), q.success());
        assertEquals(5, q.limit());
        assertTrue(q.latest());
        assertTrue(q.mainBranch());
        assertEquals("prod", q.tag());
        assertNull(q.environment(), "an empty value counts as absent");
        assertEquals(0, parse("limit=abc").limit(), "not a number: 0, which validation refuses");
        assertFalse(parse("latest=false").latest());
        assertEquals(List.of(false), parse("success=false").success());
    }

    @Test
    void emptyValuesAndAMissingPacticipantAreKeptForValidation() {
        MatrixQuery q = parse("q[][version]=1&q[][pacticipant]=");
        assertEquals(1, q.selectors().size());
        assertNull(q.selectors().get(0).pacticipant());
        assertTrue(parse("").selectors().isEmpty());
        assertTrue(parse(null).selectors().isEmpty());
    }
}
