package io.pactport.core.pact;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Strings and keys are written and ordered as the Pact Broker's Ruby does; expected values come from Ruby. */
class RubyJsonTest {

    @Test
    void escapesEveryStringOfTheVectorsAsRubyDoes() {
        List<String> mismatches = new ArrayList<>();
        for (JsonNode vector : PactShaVectors.section("strings")) {
            String value = vector.get("value").asText();
            String expected = vector.get("json").asText();
            String written = RubyJson.toJson(value, false);
            if (!written.equals(expected)) {
                mismatches.add(written + " instead of " + expected);
            }
        }
        assertThat(mismatches).isEmpty();
        assertThat(PactShaVectors.section("strings")).hasSizeGreaterThan(150);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            slash and escaped slash        | `"a/b\\/c"`                 | `"a/b/c"`
            quote and backslash            | `"say \\"hi\\" \\\\ bye"`   | `"say \\"hi\\" \\\\ bye"`
            named control escapes          | `"\\b\\f\\n\\r\\t"`          | `"\\b\\f\\n\\r\\t"`
            other controls in lower case   | `"\\u0000\\u001F\\u001b"`   | `"\\u0000\\u001f\\u001b"`
            DEL as it is                   | `"\\u007f"`                 | `"\u007f"`
            escaped non-ASCII unescaped    | `"caf\\u00e9 \\u00C9"`      | `"café É"`
            line and paragraph separators  | `"\\u2028\\u2029"`          | `"\u2028\u2029"`
            surrogate pair to one char     | `"\\ud83d\\ude00"`          | `"😀"`
            """)
    void writesStringsAsRubyDoes(String description, String input, String json) {
        String written = PactContent.parse("{\"s\":" + input + "}").withInteractionIds();

        assertThat(written).isEqualTo("{\"s\":" + json + "}");
    }

    @Test
    void sortsKeysInUtf8ByteOrderNotUtf16Order() {
        Map<String, Object> object = new LinkedHashMap<>();
        for (String key : List.of("😀", "\ue000", "é", "z", "Z", "a", "", "\uffff")) {
            object.put(key, 1L);
        }

        assertThat(RubyJson.toJson(object, true))
                .isEqualTo("{\"\":1,\"Z\":1,\"a\":1,\"z\":1,\"é\":1,\"\ue000\":1,\"\uffff\":1,\"😀\":1}");
        assertThat(RubyJson.toJson(object, false))
                .isEqualTo("{\"😀\":1,\"\ue000\":1,\"é\":1,\"z\":1,\"Z\":1,\"a\":1,\"\":1,\"\uffff\":1}");
        assertThat(RubyJson.compareAsUtf8("\ue000", "😀")).isNegative();
        assertThat("\ue000".compareTo("😀")).as("UTF-16 order differs").isPositive();
        assertThat(RubyJson.compareAsUtf8("ab", "abc")).isNegative();
        assertThat(RubyJson.compareAsUtf8("abc", "abc")).isZero();
    }

    @Test
    void writesIntegersExactly() {
        String written = PactContent.parse(
                        "{\"n\":[-0,9223372036854775807,9223372036854775808,-123456789012345678901234567890]}")
                .withInteractionIds();

        assertThat(written)
                .isEqualTo("{\"n\":[0,9223372036854775807,9223372036854775808,-123456789012345678901234567890]}");
    }
}
