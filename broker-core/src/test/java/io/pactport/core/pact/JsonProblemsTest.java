package io.pactport.core.pact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonProblemsTest {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(20)
                    .maxNumberLength(50)
                    .build())
            .build();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            NaN              | `{"n": NaN}`          | `'NaN' is not a JSON number (line 1, column 10)`
            Infinity         | `[-Infinity]`         | `'-Infinity' is not a JSON number`
            deep nesting     | DEEP                  | `arrays and objects are nested too deeply`
            long number      | LONG                  | `a number has too many digits`
            raw control char | `["a\tb"]`            | `a control character must be escaped in a JSON string (CTRL-CHAR, code 9)`
            truncated        | `{"a":`               | `Unexpected end-of-input`
            """)
    void describesTheProblemInTheSendersTermsWithoutJacksonSettings(String what, String json, String expected) {
        String document = switch (json) {
            case "DEEP" -> "[".repeat(30) + "]".repeat(30);
            case "LONG" -> "[" + "1".repeat(60) + "]";
            default -> json.replace("\\t", "\t");
        };

        JsonProcessingException e = catchThrowableOfType(JsonProcessingException.class, () -> read(document));

        assertThat(JsonProblems.describe(e))
                .contains(expected)
                .doesNotContain("JsonReadFeature", "StreamReadConstraints", "enable", "Source:");
    }

    private static void read(String json) throws Exception {
        try (JsonParser parser = FACTORY.createParser(json)) {
            while (parser.nextToken() != null) {
                parser.getText();
            }
        }
    }
}
