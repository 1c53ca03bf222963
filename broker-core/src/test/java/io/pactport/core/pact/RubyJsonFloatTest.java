package io.pactport.core.pact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Floats are written as the Pact Broker's JSON generator writes them; all expected values come from Ruby. */
class RubyJsonFloatTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            1.0                     | 1.0
            -0.0                    | -0.0
            0.1                     | 0.1
            1.5e20                  | 1.5e+20
            1e20                    | 1e+20
            1e-7                    | 0.0000001
            1.5e-9                  | 0.0000000015
            1e-10                   | 1e-10
            123456789.123456789     | 123456789.12345679
            1E+2                    | 100.0
            100000000.0             | 100000000.0
            999999999999999.0       | 999999999999999.0
            1e15                    | 1e+15
            1e23                    | 9.999999999999999e+22
            1234567890123456.7      | 1234567890123456.7
            12345678901234567.0     | 1.2345678901234568e+16
            5e-324                  | 5e-324
            1.7976931348623157e308  | 1.7976931348623157e+308
            1e-400                  | 0.0
            -1e-400                 | -0.0
            9007199254740993.0      | 9.007199254740992e+15
            """)
    void writesFloatsTheWayRubyDoes(String literal, String json) {
        assertThat(RubyJsonFloat.toJson(Double.parseDouble(literal))).isEqualTo(json);
    }

    /**
     * Ruby's strtod reads this one as the largest double, where correct rounding (and Pactport) gives infinity; in
     * other spellings of a number in the same sliver it gives infinity too (see {@link PactJsonParser#rubyFloat}).
     * Pactport refuses it as too large.
     */
    private static final Set<String> KNOWN_DIFFERENCES =
            Set.of("1.7976931348623158079372897140530341507993413271003782693617377898045e308");

    @Test
    void parsesAndWritesEveryLiteralOfTheVectorsAsRubyDoes() {
        List<String> mismatches = new ArrayList<>();
        for (JsonNode vector : PactShaVectors.section("floats")) {
            String literal = vector.get("literal").asText();
            if (KNOWN_DIFFERENCES.contains(literal)) {
                assertThatThrownBy(() -> PactContent.parse("{\"n\":" + literal + "}"))
                        .isInstanceOf(InvalidPactContentException.class);
                continue;
            }
            String document = "{\"n\":" + literal + "}";
            if (vector.has("error")) {
                try {
                    PactContent.parse(document);
                    mismatches.add(literal + ": accepted, but Ruby fails with "
                            + vector.get("error").asText());
                } catch (InvalidPactContentException expected) {
                    // as Ruby
                }
                continue;
            }
            String expected = "{\"n\":" + vector.get("json").asText() + "}";
            try {
                String written = PactContent.parse(document).withInteractionIds();
                if (!written.equals(expected)) {
                    mismatches.add(literal + ": " + written + " instead of " + expected);
                }
            } catch (InvalidPactContentException e) {
                mismatches.add(literal + ": refused (" + e.getMessage() + ") where Ruby writes " + expected);
            }
        }
        assertThat(mismatches).isEmpty();
        assertThat(PactShaVectors.section("floats")).hasSizeGreaterThan(180);
    }

    @Test
    void writesEveryDoubleOfTheVectorsAsRubyDoes() {
        List<String> mismatches = new ArrayList<>();
        for (JsonNode vector : PactShaVectors.section("float_bits")) {
            long bits = HexFormat.fromHexDigitsToLong(vector.get(0).asText());
            double value = Double.longBitsToDouble(bits);
            String expected = vector.get(1).asText();
            String written = RubyJsonFloat.toJson(value);
            if (!written.equals(expected)) {
                mismatches.add(vector.get(0).asText() + " (" + value + "): " + written + " instead of " + expected);
            }
        }
        assertThat(first(mismatches, 20))
                .as("%d mismatches, the first ones", mismatches.size())
                .isEmpty();
        assertThat(PactShaVectors.section("float_bits")).hasSizeGreaterThan(3000);
    }

    @Test
    void refusesWhatRubyCannotWrite() {
        assertThatThrownBy(() -> RubyJsonFloat.toJson(Double.POSITIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RubyJsonFloat.toJson(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }

    private static List<String> first(List<String> list, int count) {
        return list.subList(0, Math.min(count, list.size()));
    }
}
