package io.pactport.api.pactsforverification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pactport.core.errors.InvalidRequestException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The Pact Broker's query schema and selector contract, message for message (its spec files' cases). */
class PactsForVerificationRequestTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> ENVIRONMENTS = Set.of("test", "production");

    @Test
    void anEmptyQueryIsValidAndAsksForPendingStatusByDefault() {
        PactsForVerificationRequest request = parse("{}");
        assertThat(request.selectors().isEmpty()).isTrue();
        assertThat(request.includePendingStatus()).isTrue();
        assertThat(request.includeWipPactsSince()).isNull();
        assertThat(parse("{\"includePendingStatus\":false}").includePendingStatus())
                .isFalse();
    }

    /** Every key combination the Pact Broker's combinations spec calls valid, alone and with a consumer. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "mainBranch",
                "mainBranch latest",
                "matchingBranch",
                "tag",
                "tag latest",
                "tag latest fallbackTag",
                "branch",
                "branch latest",
                "branch latest fallbackBranch",
                "branch fallbackBranch",
                "environment",
                "environment deployed",
                "environment released",
                "deployed",
                "released",
                "deployedOrReleased",
                "environment deployedOrReleased"
            })
    void validCombinations(String keys) {
        assertThat(errors(selectorWith(keys, false))).isEqualTo(Map.of());
        assertThat(errors(selectorWith(keys, true))).isEqualTo(Map.of());
    }

    /** Any other key added to a valid combination makes it invalid, unless the result is itself a valid combination. */
    @ParameterizedTest
    @CsvSource({
        "mainBranch tag",
        "mainBranch branch",
        "mainBranch environment",
        "matchingBranch latest",
        "matchingBranch tag",
        "tag branch",
        "tag fallbackTag",
        "tag environment",
        "latest environment",
        "branch deployed",
        "deployed released",
        "deployed deployedOrReleased",
        "released deployedOrReleased",
        "fallbackBranch",
        "fallbackTag latest"
    })
    void invalidCombinations(String keys) {
        assertThat(errors(selectorWith(keys, false)).isEmpty()).as(keys).isFalse();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{}|must specify a value for environment or tag or branch, or specify mainBranch=true, matchingBranch=true,"
                        + " latest=true, deployed=true, released=true or deployedOrReleased=true (at index 0)",
                "{\"tag\":\"dev\",\"fallbackTag\":\"main\"}|fallbackTag can only be set if latest is true (at index 0)",
                "{\"latest\":true,\"fallbackTag\":\"main\"}|a tag must be specified when a fallbackTag is specified"
                        + " (at index 0)",
                "{\"fallbackBranch\":\"main\",\"latest\":true}|a branch must be specified when a fallbackBranch is specified"
                        + " (at index 0)",
                "{\"tag\":\"prod\",\"branch\":\"main\"}|cannot specify both a tag and a branch (at index 0)",
                "{\"branch\":\"main\",\"latest\":false}|cannot specify a branch with latest=false (at index 0)",
                "{\"mainBranch\":true,\"latest\":false}|cannot specify mainBranch=true with latest=false (at index 0)",
                "{\"mainBranch\":true,\"tag\":\"x\"}|cannot specify mainBranch=true with any other criteria apart from"
                        + " consumer (at index 0)",
                "{\"latest\":true,\"environment\":\"test\"}|cannot specify the field latest with the field environment"
                        + " (at index 0)",
                "{\"latest\":true,\"tag\":\"x\",\"environment\":\"test\",\"deployed\":true}|cannot specify the fields"
                        + " latest/tag with the fields deployed/environment (at index 0)",
                "{\"deployed\":true,\"released\":true}|cannot specify both deployed=true and released=true (at index 0)",
                "{\"deployed\":true,\"deployedOrReleased\":true}|cannot specify both deployed=true and deployedOrReleased=true"
                        + " (at index 0)",
                "{\"released\":true,\"deployedOrReleased\":true}|cannot specify both released=true and"
                        + " deployedOrReleased=true (at index 0)",
                "{\"environment\":\"prod\"}|environment with name 'prod' does not exist (at index 0)",
                "{\"deployed\":false,\"environment\":\"test\"}|deployed must be one of: true (at index 0)",
                "{\"deployed\":null,\"environment\":\"test\"}|deployed must be filled (at index 0)",
                "{\"branch\":false}|branch must be a string or branch must be equal to true (at index 0)",
                "{\"tag\":7,\"latest\":true}|tag must be a string (at index 0)",
                "{\"tag\":\"\"}|tag must be filled (at index 0)",
                "{\"latest\":\"yes\"}|latest must be one of: true, false (at index 0)",
                "{\"consumer\":\" \",\"latest\":true}|consumer cannot be blank (at index 0)",
                "{\"matchingBranch\":true}|the providerVersionBranch must be specified when the selector matchingBranch=true"
                        + " is used (at index 0)"
            })
    void selectorMessages(String selector, String message) {
        assertThat(errors("{\"consumerVersionSelectors\":[" + selector + "]}"))
                .isEqualTo(Map.of("consumerVersionSelectors", List.of(message)));
    }

    @Test
    void theMessagesOfEveryBrokenRuleAddUp() {
        assertThat(errors("{\"consumerVersionSelectors\":[{\"branch\":\"feat\",\"fallbackBranch\":\"main\","
                        + "\"latest\":false}]}"))
                .isEqualTo(Map.of(
                        "consumerVersionSelectors",
                        List.of(
                                "fallbackBranch can only be set if latest is true (at index 0)",
                                "cannot specify a branch with latest=false (at index 0)")));
        assertThat(errors("{\"consumerVersionSelectors\":[{\"matchingBranch\":true,\"tag\":\"x\"}]}"))
                .isEqualTo(Map.of(
                        "consumerVersionSelectors",
                        List.of(
                                "cannot specify matchingBranch=true with any other criteria apart from consumer (at index 0)",
                                "the providerVersionBranch must be specified when the selector matchingBranch=true is used"
                                        + " (at index 0)")));
    }

    @Test
    void everySelectorIsCheckedAndNamedByIndex() {
        assertThat(errors("{\"consumerVersionSelectors\":[{\"tag\":\"a\",\"fallbackTag\":\"b\"},\"x\","
                        + "{\"tag\":\"a\",\"branch\":\"b\"}]}"))
                .isEqualTo(Map.of(
                        "consumerVersionSelectors",
                        List.of(
                                "fallbackTag can only be set if latest is true (at index 0)",
                                "must be a hash (at index 1)",
                                "cannot specify both a tag and a branch (at index 2)")));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"providerVersionTags\":true}|providerVersionTags|must be an array",
                "{\"providerVersionBranch\":7}|providerVersionBranch|must be a string",
                "{\"consumerVersionSelectors\":{}}|consumerVersionSelectors|must be an array",
                "{\"includePendingStatus\":\"yes\"}|includePendingStatus|must be one of: true, false",
                "{\"includePendingStatus\":null}|includePendingStatus|must be filled",
                "{\"includeWipPactsSince\":null}|includeWipPactsSince|must be filled",
                "{\"includeWipPactsSince\":\"foo\"}|includeWipPactsSince|must be a date",
                "{\"providerVersionBranch\":\" \"}|providerVersionBranch|cannot be blank"
            })
    void topLevelMessages(String query, String field, String message) {
        assertThat(errors(query)).isEqualTo(Map.of(field, List.of(message)));
    }

    @Test
    void anEmptyProviderBranchIsRefusedOnlyWhenPendingOrWipNeedItAndNoTagsAreGiven() {
        String message = "when pending or WIP pacts are enabled and there are no tags provided, the provider version"
                + " branch must not be an empty string, as it is used in the calculations for WIP/pending. A value must"
                + " be provided (recommended), or it must not be set at all.";
        assertThat(errors("{\"providerVersionBranch\":\"\",\"includePendingStatus\":true}"))
                .isEqualTo(Map.of("providerVersionBranch", List.of(message)));
        assertThat(errors("{\"providerVersionBranch\":\"\",\"includeWipPactsSince\":\"2020-01-01\","
                        + "\"providerVersionTags\":[]}"))
                .isEqualTo(Map.of("providerVersionBranch", List.of(message)));
        assertThat(errors("{\"providerVersionBranch\":\"\",\"includePendingStatus\":true,"
                        + "\"providerVersionTags\":[\"foo\"]}"))
                .isEqualTo(Map.of());
        assertThat(errors("{\"providerVersionBranch\":\"\",\"includePendingStatus\":false}"))
                .isEqualTo(Map.of());
        assertThat(errors("{\"providerVersionBranch\":\"\"}")).isEqualTo(Map.of());
    }

    @Test
    void selectorsAreParsedAsThePactBrokerParsesThem() {
        PactsForVerificationRequest request = parse("""
                {"providerVersionBranch":"feat-x","providerVersionTags":["dev"],
                 "includeWipPactsSince":"2013-02-13T20:04:45.000+11:00",
                 "consumerVersionSelectors":[{"mainBranch":true},{"matchingBranch":true,"consumer":"Foo"},
                   {"branch":"main"},{"branch":true},{"tag":"prod"},
                   {"deployedOrReleased":true,"environment":"test"}]}""");
        List<ConsumerVersionSelector> selectors = request.selectors();
        assertThat(selectors.size()).isEqualTo(7);
        assertThat(selectors.get(0).mainBranch() && selectors.get(0).isLatest()).isTrue();
        assertThat(selectors.get(1).branch()).isEqualTo("feat-x");
        assertThat(selectors.get(1).type()).isEqualTo("latest_for_branch");
        assertThat(selectors.get(1).consumer()).isEqualTo("Foo");
        assertThat(selectors.get(2).type()).isEqualTo("latest_for_branch");
        assertThat(selectors.get(3).type()).isEqualTo("latest_for_each_branch");
        assertThat(selectors.get(4).type()).isEqualTo("all_for_tag");
        assertThat(selectors.get(4).latest()).isNull();
        assertThat(selectors.get(5).type()).isEqualTo("currently_deployed");
        assertThat(selectors.get(6).type()).isEqualTo("currently_supported");
        assertThat(selectors.get(6).environment()).isEqualTo("test");
        assertThat(request.includeWipPactsSince()).isEqualTo(LocalDateTime.of(2013, 2, 13, 9, 4, 45));
        assertThat(request.providerVersionTags()).isEqualTo(List.of("dev"));
    }

    @Test
    void snakeCaseKeysAndTheGetFormReadLikeTheJsonBody() {
        PactsForVerificationRequest request = PactsForVerificationRequest.parse(
                PactsForVerificationRequest.fromQueryString("consumer_version_selectors[][tag]=prod"
                        + "&consumer_version_selectors[][latest]=true&provider_version_tags[]=main"
                        + "&include_pending_status=false"),
                ENVIRONMENTS::contains,
                true);
        assertThat(request.selectors()).isEqualTo(List.of(ConsumerVersionSelector.latestForTag("prod", null)));
        assertThat(request.providerVersionTags()).isEqualTo(List.of("main"));
        assertThat(request.includePendingStatus()).isFalse();
        assertThat(request.deprecated()).isTrue();
    }

    @Test
    void theSelectorsOrderIsThePactBrokers() {
        List<ConsumerVersionSelector> selectors = new ArrayList<>(List.of(
                ConsumerVersionSelector.currentlySupported(),
                ConsumerVersionSelector.latestForTag("prod", null),
                ConsumerVersionSelector.currentlyDeployed(),
                ConsumerVersionSelector.latestForBranch("main", null),
                ConsumerVersionSelector.overallLatest(null)));
        selectors.sort((a, b) -> ResolvedSelector.ORDER.compare(resolved(a), resolved(b)));
        assertThat(selectors.stream().map(ConsumerVersionSelector::type).toList())
                .isEqualTo(List.of(
                        "overall_latest",
                        "latest_for_branch",
                        "latest_for_tag",
                        "currently_deployed",
                        "currently_supported"));
    }

    private static ResolvedSelector resolved(ConsumerVersionSelector selector) {
        return ResolvedSelector.of(selector, 1, "1", 1);
    }

    /** A selector with these keys set to the combinations spec's values. */
    private static String selectorWith(String keys, boolean withConsumer) {
        Map<String, String> values = Map.ofEntries(
                Map.entry("mainBranch", "true"),
                Map.entry("matchingBranch", "true"),
                Map.entry("tag", "\"tag\""),
                Map.entry("branch", "\"branch\""),
                Map.entry("latest", "true"),
                Map.entry("fallbackTag", "\"fallbackTag\""),
                Map.entry("fallbackBranch", "\"fallbackBranch\""),
                Map.entry("environment", "\"test\""),
                Map.entry("deployed", "true"),
                Map.entry("released", "true"),
                Map.entry("deployedOrReleased", "true"));
        List<String> fields = new ArrayList<>();
        for (String key : keys.split(" ")) {
            fields.add("\"" + key + "\":" + values.get(key));
        }
        if (withConsumer) {
            fields.add("\"consumer\":\"consumer\"");
        }
        return "{\"providerVersionBranch\":\"main\",\"consumerVersionSelectors\":[{" + String.join(",", fields) + "}]}";
    }

    private static PactsForVerificationRequest parse(String json) {
        return PactsForVerificationRequest.parse(read(json), ENVIRONMENTS::contains, false);
    }

    private static Map<String, List<String>> errors(String json) {
        try {
            parse(json);
            return Map.of();
        } catch (InvalidRequestException e) {
            return e.errors();
        }
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException(json, e);
        }
    }

    @Test
    void aBodyThatIsNotAnObjectIsRefused() {
        assertThatThrownBy(() -> parse("[]"))
                .isInstanceOfSatisfying(
                        InvalidRequestException.class,
                        refused -> assertThat(refused.errors())
                                .isEqualTo(Map.of("base", List.of("the request body must be a JSON object"))));
    }
}
