package io.pactport.api.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pactport.core.errors.InvalidRequestException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RequestErrorsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The JSON value of {@code v} in {@code json}; null when the key is absent, as a parser's {@code body.get} is. */
    private static JsonNode value(String json) throws Exception {
        return JSON.readTree(json).get("v");
    }

    private static Map<String, List<String>> errors(RequestErrors errors) {
        return catchThrowableOfType(InvalidRequestException.class, errors::throwIfAny)
                .errors();
    }

    @Test
    void noProblemThrowsNothing() {
        assertThatCode(() -> new RequestErrors().throwIfAny()).doesNotThrowAnyException();
        assertThat(new RequestErrors().isEmpty()).isTrue();
    }

    @Test
    void theAnswerListsEveryFieldInTheOrderFoundWithItsMessagesInOrder() {
        RequestErrors errors = new RequestErrors();
        List<String> fields = List.of(
                "request.url",
                "consumer.name",
                "base",
                "events[0].name",
                "enabled",
                "provider.label",
                "contacts",
                "name",
                "production",
                "tags.0",
                "");
        fields.forEach(field -> errors.add(field, "first"));
        errors.add("consumer.name", "second");

        assertThat(errors(errors).keySet()).containsExactlyElementsOf(fields);
        assertThat(errors(errors).get("consumer.name")).containsExactly("first", "second");
    }

    @Test
    void forEachGivesEachMessageWithItsFieldGroupedByField() {
        RequestErrors errors = new RequestErrors()
                .add("name", "is missing")
                .add("details", "must be a hash")
                .add("name", "cannot contain multiple lines")
                .addIfAny("name", null);
        List<String> seen = new ArrayList<>();

        errors.forEach((field, message) -> seen.add(field + " " + message));

        assertThat(seen)
                .containsExactly("name is missing", "name cannot contain multiple lines", "details must be a hash");
        assertThat(errors.has("details")).isTrue();
        assertThat(errors.has("production")).isFalse();
    }

    @ParameterizedTest(name = "{0} of {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            requiredString  | {}                | null  | is missing
            requiredString  | {"v":null}        | null  | must be filled
            requiredString  | {"v":""}          | null  | must be filled
            requiredString  | {"v":1}           | null  | must be a string
            requiredString  | {"v":" "}         | ` `   |
            nullableString  | {}                | null  |
            nullableString  | {"v":null}        | null  |
            nullableString  | {"v":[]}          | null  | must be a string
            nullableString  | {"v":"prod"}      | prod  |
            requiredBoolean | {}                | null  | is missing
            requiredBoolean | {"v":null}        | null  | must be filled
            requiredBoolean | {"v":"true"}      | null  | must be one of: true, false
            requiredBoolean | {"v":false}       | false |
            optionalBoolean | {}                | null  |
            optionalBoolean | {"v":null}        | null  | must be filled
            optionalBoolean | {"v":1}           | null  | must be one of: true, false
            optionalBoolean | {"v":true}        | true  |
            nullableBoolean | {}                | null  |
            nullableBoolean | {"v":null}        | null  |
            nullableBoolean | {"v":"yes"}       | null  | must be boolean
            nullableBoolean | {"v":true}        | true  |
            nullableArray   | {"v":null}        | null  |
            nullableArray   | {"v":{}}          | null  | must be an array
            nullableArray   | {"v":["a"]}       | ["a"] |
            nullableObject  | {"v":null}        | null  |
            nullableObject  | {"v":"x"}         | null  | must be a hash
            nullableObject  | {"v":{"a":1}}     | {"a":1} |
            given           | {}                | false | is missing
            given           | {"v":null}        | false | is missing
            given           | {"v":0}           | true  |
            """)
    void readersRecordThePactBrokersWordingAndReturnWhatIsUsable(
            String reader, String json, String expected, String message) throws Exception {
        RequestErrors errors = new RequestErrors();
        Map<String, BiFunction<String, JsonNode, Object>> readers = Map.of(
                "requiredString",
                errors::requiredString,
                "nullableString",
                errors::nullableString,
                "requiredBoolean",
                errors::requiredBoolean,
                "optionalBoolean",
                errors::optionalBoolean,
                "nullableBoolean",
                errors::nullableBoolean,
                "nullableArray",
                errors::nullableArray,
                "nullableObject",
                errors::nullableObject,
                "given",
                errors::given);

        Object read = readers.get(reader).apply("v", value(json));

        assertThat(String.valueOf(read)).isEqualTo(expected);
        if (message == null) {
            assertThat(errors.isEmpty()).isTrue();
        } else {
            assertThat(errors(errors)).isEqualTo(Map.of("v", List.of(message)));
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            {}                                  | null                |
            {"v":null}                          | null                | must be filled
            {"v":""}                            | null                | must be filled
            {"v":" "}                           | null                | must be a date
            {"v":"yesterday"}                   | null                | must be a date
            {"v":20240101}                      | null                | must be a date
            {"v":"2024-03-01"}                  | 2024-03-01T00:00    |
            {"v":"2024-03-01T10:00:00+02:00"}   | 2024-03-01T08:00    |
            {"v":"2024-03-01T10:00:00Z"}        | 2024-03-01T10:00    |
            {"v":"2024-03-01T10:00:00"}         | 2024-03-01T10:00    |
            """)
    void aDateOrDateTimeIsReadInUtc(String json, String expected, String message) throws Exception {
        RequestErrors errors = new RequestErrors();

        LocalDateTime read = errors.optionalDateTime("v", value(json));

        assertThat(String.valueOf(read)).isEqualTo(expected);
        assertThat(errors.isEmpty()).isEqualTo(message == null);
        if (message != null) {
            assertThat(errors(errors)).containsEntry("v", List.of(message));
        }
    }

    @Test
    void textTakesAnyValueAndAnObjectAsItsJson() throws Exception {
        assertThat(RequestErrors.text(value("{}"))).isNull();
        assertThat(RequestErrors.text(value("{\"v\":null}"))).isNull();
        assertThat(RequestErrors.text(JSON.missingNode())).isNull();
        assertThat(RequestErrors.text(value("{\"v\":\"a\"}"))).isEqualTo("a");
        assertThat(RequestErrors.text(value("{\"v\":12}"))).isEqualTo("12");
        assertThat(RequestErrors.text(value("{\"v\":{\"a\":[1]}}"))).isEqualTo("{\"a\":[1]}");
    }

    @Test
    void textChecksUseTheSameWordsAsTheParsers() {
        RequestErrors errors = new RequestErrors();

        assertThat(errors.notBlank("missing", null)).isFalse();
        assertThat(errors.notBlank("blank", " \t")).isFalse();
        assertThat(errors.notBlank("given", "1.0")).isTrue();
        errors.singleLine("lines", "a\nb");
        errors.singleLine("absent", null);
        errors.shortLine("long", "é".repeat(501));
        errors.shortLine("fits", "é".repeat(500));

        assertThat(errors(errors))
                .isEqualTo(Map.of(
                        "missing",
                        List.of("is missing"),
                        "blank",
                        List.of("can't be blank"),
                        "lines",
                        List.of("cannot contain multiple lines"),
                        "long",
                        List.of("long cannot be longer than 1000 bytes")));
    }

    @Test
    void aUrlNeedsASchemeAndNullIsNone() {
        RequestErrors errors = new RequestErrors();

        assertThat(errors.url("good", "https://ci.example.org/job/1")).hasHost("ci.example.org");
        assertThat(errors.url("relative", "/job/1")).isNull();
        assertThat(errors.url("broken", "http://exa mple.org")).isNull();
        assertThat(errors.url("absent", null)).isNull();

        assertThat(errors(errors))
                .doesNotContainKey("good")
                .containsOnlyKeys("relative", "broken", "absent")
                .allSatisfy((field, messages) ->
                        assertThat(messages).containsExactly("is not a valid URL eg. http://example.org"));
    }

    @Test
    void aQueryParameterIsGivenOnceAndFilled() {
        RequestErrors errors = new RequestErrors();

        assertThat(errors.parameter("version", List.of("1.0"), true)).isEqualTo("1.0");
        assertThat(errors.parameter("to", null, false)).isNull();
        assertThat(errors.parameter("pacticipant", null, true)).isNull();
        assertThat(errors.parameter("environment", List.of("a", "b"), false)).isNull();
        assertThat(errors.parameter("tag", List.of(""), false)).isNull();

        assertThat(errors(errors))
                .isEqualTo(Map.of(
                        "pacticipant",
                        List.of("is missing"),
                        "environment",
                        List.of("must be a string"),
                        "tag",
                        List.of("must be filled")));
    }
}
