package io.pactport.api.badges;

import static org.assertj.core.api.Assertions.assertThat;

import io.pactport.api.badges.Badge.Colour;
import org.junit.jupiter.api.Test;

class PactBadgeTitleTest {

    @Test
    void theTitleNamesBothSidesInLowerCase() {
        assertThat(PactBadgeTitle.of("Foo", "Bar", null, false, null, null)).isEqualTo("foo/bar pact");
        assertThat(PactBadgeTitle.of("Foo", "Bar", "", false, null, null)).isEqualTo("foo/bar pact");
    }

    @Test
    void theLabelParameterPicksOneSideAndAnyOtherValueKeepsBoth() {
        assertThat(PactBadgeTitle.of("Foo", "Bar", "consumer", false, null, null))
                .isEqualTo("foo pact");
        assertThat(PactBadgeTitle.of("Foo", "Bar", "Provider", false, null, null))
                .isEqualTo("bar pact");
        assertThat(PactBadgeTitle.of("Foo", "Bar", "My Label", false, null, null))
                .isEqualTo("foo/bar pact");
    }

    @Test
    void initialsShortenNamesOfSeveralWords() {
        assertThat(PactBadgeTitle.of("order-web_app", "Pricing Service", null, true, null, null))
                .isEqualTo("owa/ps pact");
        assertThat(PactBadgeTitle.of("OrderWebApp", "HTTPPricingAPI", null, true, null, null))
                .isEqualTo("owa/hpa pact");
        assertThat(PactBadgeTitle.of("Foo", "bar", null, true, null, null)).isEqualTo("foo/bar pact");
        assertThat(PactBadgeTitle.of("Foo-Bar", "Baz", "consumer", true, null, null))
                .isEqualTo("fb pact");
    }

    @Test
    void splittingKeepsALeadingEmptyWordAndDropsTrailingOnesAsRubyDoes() {
        assertThat(PactBadgeTitle.words("-foo-bar-")).containsExactly("", "foo", "bar");
        assertThat(PactBadgeTitle.words("fooBar2Baz")).containsExactly("foo", "Bar2", "Baz");
        assertThat(PactBadgeTitle.words("")).isEmpty();
        assertThat(PactBadgeTitle.of("-foo-bar-", "x", null, true, null, null)).isEqualTo("fb/x pact");
    }

    @Test
    void aMatrixBadgeAddsEachSidesTag() {
        assertThat(PactBadgeTitle.of("Foo", "Bar", null, false, "prod", "Master"))
                .isEqualTo("foo (prod)/bar (master) pact");
        assertThat(PactBadgeTitle.of("Foo Web", "Bar", null, true, "prod", "main"))
                .isEqualTo("fw (prod)/bar (main) pact");
    }

    @Test
    void shieldsPathsDoubleDashesAndUnderscoresThenPercentEncode() {
        assertThat(new Badge("foo-bar/baz_qux pact", "failed (pending)", Colour.RED).shieldsPath())
                .isEqualTo("/badge/foo--bar%2Fbaz__qux%20pact-failed%20%28pending%29-red.svg");
        assertThat(Badge.notFound("branch").shieldsPath()).isEqualTo("/badge/branch-not%20found-lightgrey.svg");
    }
}
