package io.pactport.core.pact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Content the Pact Broker refuses or fails on is refused with a message a person publishing a pact can act on. */
class InvalidPactContentTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            not JSON                | `<html>Not found</html>`               | `not valid JSON: Unexpected character ('<' (code 60))`
            unterminated object     | `{"consumer": {"name": "a"}`           | `not valid JSON: Unexpected end-of-input`
            trailing comma          | `{"interactions": [1, 2,]}`            | `not valid JSON: Unexpected character (']'`
            single quotes           | `{'interactions': []}`                 | `not valid JSON: Unexpected character (''' (code 39))`
            NaN                     | `{"n": NaN}`                           | `not valid JSON: 'NaN' is not a JSON number`
            leading zero            | `{"n": 01}`                            | `not valid JSON: Invalid numeric value: Leading zeroes not allowed`
            invalid escape          | `{"s": "\\q"}`                         | `not valid JSON: Unrecognized character escape 'q'`
            unterminated comment    | `{} /* no end`                         | `not valid JSON`
            second document         | `{"a": 1} {"b": 2}`                    | `unexpected content after the end of the pact object (line 1, column 10)`
            number out of range     | `{"n": 1e400}`                         | `a number too large to be stored: 1e400 (line 1, column 7)`
            lone high surrogate     | `{"s": "\\ud800"}`                     | `an unpaired UTF-16 surrogate \\ud800 in a string`
            lone low surrogate      | `{"s": "\\udc00 x"}`                   | `an unpaired UTF-16 surrogate \\udc00 in a string`
            surrogate in a key      | `{"\\ud800\\u0041": 1}`                | `an unpaired UTF-16 surrogate \\ud800`
            empty                   | ``                                     | `Pact content is empty`
            only whitespace         | `  `                                   | `Pact content is empty`
            top level array         | `[{"interactions": []}]`               | `must be a JSON object, but it is an array`
            top level string        | `"pact"`                               | `must be a JSON object, but it is a string`
            top level number        | `42`                                   | `must be a JSON object, but it is a number`
            top level null          | `null`                                 | `must be a JSON object, but it is null`
            version an object       | `{"metadata": {"pactSpecification": {"version": {"major": 4}}}}` | `pact specification version in its metadata that is neither a string nor a number: {"major":4}`
            version false           | `{"metadata": {"pactSpecificationVersion": false}}`             | `neither a string nor a number: false`
            """)
    void refusesWithAHelpfulMessage(String description, String content, String message) {
        assertThatThrownBy(() -> PactContent.parse(content))
                .isInstanceOf(InvalidPactContentException.class)
                .hasMessageStartingWith("Pact content")
                .hasMessageContaining(message)
                .hasMessageNotContaining("REDACTED")
                .hasMessageNotContaining("Source:");
    }

    @Test
    void refusesMoreThanFiftyLevelsOfNesting() {
        String fifty = "[".repeat(50) + "]".repeat(50);
        String fiftyOne = "[".repeat(51) + "]".repeat(51);

        assertThat(PactContent.parse("{\"n\":" + "[".repeat(49) + "1" + "]".repeat(49) + "}")
                        .sha())
                .hasSize(40);
        assertThatThrownBy(() -> PactContent.parse("{\"n\":" + "[".repeat(50) + "1" + "]".repeat(50) + "}"))
                .isInstanceOf(InvalidPactContentException.class)
                .hasMessageStartingWith("Pact content is nested too deeply: nesting of 51 is too deep")
                .hasMessageContaining("at most 50 levels");
        assertThat(PactContent.parse("{\"n\":" + fifty + "}").sha())
                .as("like Ruby, empty arrays and objects do not count")
                .hasSize(40);
        assertThatThrownBy(() -> PactContent.parse("{\"n\":" + fiftyOne.replace("[]", "[1]") + "}"))
                .isInstanceOf(InvalidPactContentException.class);
        assertThatThrownBy(() -> PactContent.parse("{\"a\":".repeat(51) + "1" + "}".repeat(51)))
                .isInstanceOf(InvalidPactContentException.class)
                .hasMessageContaining("nesting of 51 is too deep");
        assertThatThrownBy(() -> PactContent.parse("[".repeat(100_000)))
                .isInstanceOf(InvalidPactContentException.class);
    }

    @Test
    void refusesBytesThatAreNotUtf8() {
        byte[] latin1 = "{\"name\": \"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);

        assertThatThrownBy(() -> PactContent.parse(latin1))
                .isInstanceOf(InvalidPactContentException.class)
                .hasMessage("Pact content is not UTF-8: invalid byte sequence at byte 13 (counting from 0)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\uFEFF{}", "{}\u0000"})
    void refusesWhatRubyRefusesAroundTheObject(String content) {
        assertThatThrownBy(() -> PactContent.parse(content)).isInstanceOf(InvalidPactContentException.class);
        assertThatThrownBy(() -> PactContent.parse(content.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidPactContentException.class);
    }
}
