package io.pactport.api.pactsforverification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pactport.api.http.RequestErrors;
import io.pactport.api.pacts.MetadataCodec;
import io.pactport.core.errors.InvalidRequestException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * A pacts-for-verification query, checked by the Pact Broker's rules with its messages (the JSON query schema and the
 * consumer version selector contract) and parsed as the Pact Broker parses it.
 *
 * @param includePendingStatus true unless the request says false (the Pact Broker's default since 2.60)
 * @param includeWipPactsSince UTC; null when WIP pacts were not asked for
 * @param deprecated asked with the GET form, which earns a warning notice
 */
public record PactsForVerificationRequest(
        String providerVersionBranch,
        List<String> providerVersionTags,
        List<ConsumerVersionSelector> selectors,
        boolean includePendingStatus,
        LocalDateTime includeWipPactsSince,
        boolean deprecated) {

    private static final List<String> BRANCH_KEYS =
            List.of("latest", "tag", "fallbackTag", "branch", "fallbackBranch", "matchingBranch", "mainBranch");
    private static final List<String> ENVIRONMENT_KEYS =
            List.of("environment", "deployed", "released", "deployedOrReleased");
    private static final List<String> SELECTOR_KEYS = List.of(
            "mainBranch",
            "tag",
            "branch",
            "matchingBranch",
            "latest",
            "fallbackTag",
            "fallbackBranch",
            "consumer",
            "deployed",
            "released",
            "deployedOrReleased",
            "environment");
    private static final Set<String> BOOLEAN_KEYS = Set.of(
            "mainBranch",
            "matchingBranch",
            "latest",
            "deployed",
            "released",
            "deployedOrReleased",
            "includePendingStatus");

    /** The environment names the selectors mention, whose existence the rules check. */
    public static Set<String> environmentNames(JsonNode query) {
        Set<String> names = new LinkedHashSet<>();
        JsonNode selectors = camelCase(query).path("consumerVersionSelectors");
        if (selectors.isArray()) {
            for (JsonNode selector : selectors) {
                JsonNode environment = camelCase(selector).get("environment");
                if (environment != null && environment.isTextual()) {
                    names.add(environment.asText());
                }
            }
        }
        return names;
    }

    /**
     * @param query the JSON body (or the GET query string as JSON); snake_case keys are read as camelCase, as the
     *        Pact Broker reads both
     * @throws InvalidRequestException with every broken rule, keyed as the Pact Broker keys them
     */
    public static PactsForVerificationRequest parse(
            JsonNode query, Predicate<String> environmentExists, boolean deprecated) {
        if (query == null || query.isMissingNode() || query.isNull()) {
            query = JsonNodeFactory.instance.objectNode();
        }
        if (!query.isObject()) {
            throw InvalidRequestException.of("base", RequestErrors.BODY_NOT_AN_OBJECT);
        }
        ObjectNode body = camelCase(query);
        RequestErrors errors = new RequestErrors();
        validateTopLevel(body, errors);
        JsonNode selectors = body.get("consumerVersionSelectors");
        if (selectors != null && selectors.isArray()) {
            for (int i = 0; i < selectors.size(); i++) {
                JsonNode selector = selectors.get(i);
                if (!selector.isObject()) {
                    errors.add("consumerVersionSelectors", "must be a hash (at index " + i + ")");
                    continue;
                }
                for (String message : SelectorRules.check(camelCase(selector), body, environmentExists)) {
                    errors.add("consumerVersionSelectors", message + " (at index " + i + ")");
                }
            }
        }
        errors.throwIfAny();
        String branch = RequestErrors.text(body.get("providerVersionBranch"));
        List<String> tags = new ArrayList<>();
        if (body.path("providerVersionTags").isArray()) {
            body.get("providerVersionTags").forEach(tag -> tags.add(tag.asText()));
        }
        List<ConsumerVersionSelector> parsed = new ArrayList<>();
        if (selectors != null && selectors.isArray()) {
            selectors.forEach(selector -> parsed.addAll(selectorsOf(camelCase(selector), branch)));
        }
        JsonNode pending = body.get("includePendingStatus");
        return new PactsForVerificationRequest(
                branch,
                List.copyOf(tags),
                List.copyOf(parsed),
                pending == null || pending.asBoolean(),
                RequestErrors.dateTime(body.get("includeWipPactsSince")),
                deprecated);
    }

    /** The GET form's nested query string ({@code consumer_version_selectors[][tag]=prod&...}) as a JSON query. */
    public static JsonNode fromQueryString(String rawQuery) {
        try {
            Map<String, Object> nested = rawQuery == null ? Map.of() : MetadataCodec.parseNestedQuery(rawQuery);
            return toJson(nested);
        } catch (IllegalArgumentException e) {
            // a name used both as a value and as a list (q=1&q[]=2), or a broken %-escape: Rack refuses both
            throw InvalidRequestException.of("base", "The query string cannot be read: " + e.getMessage());
        }
    }

    private static JsonNode toJson(Object value) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        if (value instanceof Map<?, ?> map) {
            ObjectNode object = json.objectNode();
            map.forEach((key, child) -> {
                String name = camel((String) key);
                if (BOOLEAN_KEYS.contains(name) && ("true".equals(child) || "false".equals(child))) {
                    // a query string has only text: its booleans are read as the Pact Broker's parser reads them
                    object.put(name, Boolean.parseBoolean((String) child));
                } else {
                    object.set(name, toJson(child));
                }
            });
            return object;
        }
        if (value instanceof List<?> list) {
            var array = json.arrayNode();
            list.forEach(child -> array.add(toJson(child)));
            return array;
        }
        return value == null ? json.nullNode() : json.textNode(value.toString());
    }

    private static void validateTopLevel(ObjectNode body, RequestErrors errors) {
        JsonNode branch = body.get("providerVersionBranch");
        errors.nullableString("providerVersionBranch", branch);
        JsonNode tags = body.get("providerVersionTags");
        errors.nullableArray("providerVersionTags", tags);
        JsonNode selectors = body.get("consumerVersionSelectors");
        if (selectors != null && !selectors.isArray()) {
            // unlike the other keys, a null list of selectors is refused
            errors.add("consumerVersionSelectors", RequestErrors.MUST_BE_AN_ARRAY);
        }
        JsonNode pending = body.get("includePendingStatus");
        errors.optionalBoolean("includePendingStatus", pending);
        JsonNode wip = body.get("includeWipPactsSince");
        errors.optionalDateTime("includeWipPactsSince", wip);
        if (RequestErrors.absent(branch)
                || Stream.of(
                                "providerVersionBranch",
                                "providerVersionTags",
                                "includePendingStatus",
                                "includeWipPactsSince")
                        .anyMatch(errors::has)) {
            return;
        }
        // A blank branch is a configuration error, except the empty string that some clients send when no branch is
        // configured: it only matters (and is refused) when pending or WIP pacts need the branch and no tags are given.
        String name = branch.asText();
        if (!name.isEmpty() && name.isBlank()) {
            errors.add("providerVersionBranch", "cannot be blank");
        } else if (name.isEmpty()
                && (tags == null || tags.isNull() || tags.isEmpty())
                && (wip != null || (pending != null && pending.asBoolean()))) {
            errors.add(
                    "providerVersionBranch",
                    "when pending or WIP pacts are enabled and there are no tags"
                            + " provided, the provider version branch must not be an empty string, as it is used in the"
                            + " calculations for WIP/pending. A value must be provided (recommended), or it must not be set"
                            + " at all.");
        }
    }

    /** One selector as the Pact Broker parses it: deployedOrReleased splits in two, matchingBranch takes the branch. */
    private static List<ConsumerVersionSelector> selectorsOf(JsonNode json, String providerBranch) {
        boolean mainBranch = json.path("mainBranch").asBoolean(false);
        boolean matchingBranch = json.path("matchingBranch").asBoolean(false);
        JsonNode branchNode = json.get("branch");
        boolean eachBranch = branchNode != null && branchNode.isBoolean();
        String branch = branchNode != null && branchNode.isTextual() ? branchNode.asText() : null;
        if (matchingBranch && providerBranch != null) {
            branch = providerBranch;
        }
        Boolean latest = json.has("latest") ? json.get("latest").asBoolean() : null;
        if (mainBranch || branchNode != null || matchingBranch) {
            latest = true;
        }
        boolean deployedOrReleased = json.path("deployedOrReleased").asBoolean(false);
        boolean deployed = json.path("deployed").asBoolean(false) || deployedOrReleased;
        boolean released = json.path("released").asBoolean(false) || deployedOrReleased;
        ConsumerVersionSelector.Builder selector = ConsumerVersionSelector.builder()
                .mainBranch(mainBranch)
                .tag(RequestErrors.text(json.get("tag")))
                .branch(branch)
                .eachBranch(eachBranch)
                .matchingBranch(matchingBranch)
                .latest(latest)
                .fallbackTag(RequestErrors.text(json.get("fallbackTag")))
                .fallbackBranch(RequestErrors.text(json.get("fallbackBranch")))
                .consumer(RequestErrors.text(json.get("consumer")))
                .environment(RequestErrors.text(json.get("environment")));
        if (deployed && released) {
            return List.of(
                    selector.deployed(true).released(false).build(),
                    selector.deployed(false).released(true).build());
        }
        return List.of(selector.deployed(deployed).released(released).build());
    }

    /** The Pact Broker snake_cases every key before reading; reading camelCase instead accepts the same requests. */
    private static ObjectNode camelCase(JsonNode node) {
        ObjectNode copy = JsonNodeFactory.instance.objectNode();
        if (node != null && node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                copy.set(camel(field.getKey()), field.getValue());
            }
        }
        return copy;
    }

    private static String camel(String key) {
        StringBuilder name = new StringBuilder();
        boolean upper = false;
        for (char c : key.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                name.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return name.toString();
    }

    /**
     * The consumer version selector contract: type checks first; each rule runs only when its keys passed them, and
     * messages come grouped as the Pact Broker groups them (the key's messages, then the whole selector's).
     */
    private static final class SelectorRules {

        private final JsonNode selector;
        private final Set<String> failedKeys = new TreeSet<>();
        private final RequestErrors messages = new RequestErrors();

        private SelectorRules(JsonNode selector) {
            this.selector = selector;
        }

        static List<String> check(JsonNode selector, JsonNode parent, Predicate<String> environmentExists) {
            SelectorRules rules = new SelectorRules(selector);
            rules.types();
            rules.rules(parent, environmentExists);
            List<String> all = new ArrayList<>();
            rules.messages.forEach((key, message) -> all.add(message));
            return all;
        }

        private void types() {
            onlyTrue("mainBranch");
            string("tag");
            JsonNode branch = selector.get("branch");
            if (branch != null && unfilled(branch)) {
                fail("branch", "branch must be filled");
            } else if (branch != null && !branch.isTextual() && !(branch.isBoolean() && branch.asBoolean())) {
                fail("branch", "branch must be a string or branch must be equal to true");
            }
            onlyTrue("matchingBranch");
            JsonNode latest = selector.get("latest");
            if (latest != null && latest.isNull()) {
                fail("latest", "latest must be filled");
            } else if (latest != null && !latest.isBoolean()) {
                fail("latest", "latest must be one of: true, false");
            }
            string("fallbackTag");
            string("fallbackBranch");
            string("consumer");
            onlyTrue("deployed");
            onlyTrue("released");
            onlyTrue("deployedOrReleased");
            string("environment");
        }

        private void rules(JsonNode parent, Predicate<String> environmentExists) {
            if (passed("consumer")
                    && selector.has("consumer")
                    && selector.get("consumer").asText().isBlank()) {
                message("consumer", "consumer cannot be blank");
            }
            if (passed(SELECTOR_KEYS)) {
                if (!provided("mainBranch")
                        && !provided("tag")
                        && !provided("branch")
                        && !provided("environment")
                        && !isTrue("matchingBranch")
                        && !isTrue("deployed")
                        && !isTrue("released")
                        && !isTrue("deployedOrReleased")
                        && !isTrue("latest")) {
                    base("must specify a value for environment or tag or branch, or specify mainBranch=true,"
                            + " matchingBranch=true, latest=true, deployed=true, released=true or"
                            + " deployedOrReleased=true");
                }
                if (isTrue("mainBranch") && present(without(SELECTOR_KEYS, "consumer", "mainBranch", "latest"))) {
                    base("cannot specify mainBranch=true with any other criteria apart from consumer");
                }
            }
            if (passed(List.of("mainBranch", "latest")) && isTrue("mainBranch") && isFalse("latest")) {
                base("cannot specify mainBranch=true with latest=false");
            }
            if (passed(SELECTOR_KEYS)) {
                if (isTrue("matchingBranch") && present(without(SELECTOR_KEYS, "consumer", "matchingBranch"))) {
                    base("cannot specify matchingBranch=true with any other criteria apart from consumer");
                }
                JsonNode providerBranch = parent.get("providerVersionBranch");
                if (isTrue("matchingBranch")
                        && (providerBranch == null
                                || providerBranch.isNull()
                                || providerBranch.asText().isBlank())) {
                    base("the providerVersionBranch must be specified when the selector matchingBranch=true is used");
                }
            }
            if (passed(List.of("tag", "branch")) && selector.has("tag") && selector.has("branch")) {
                base("cannot specify both a tag and a branch");
            }
            if (passed(SELECTOR_KEYS)) {
                List<String> branchFields = presentOf(BRANCH_KEYS);
                List<String> environmentFields = presentOf(ENVIRONMENT_KEYS);
                if (!branchFields.isEmpty() && !environmentFields.isEmpty()) {
                    base("cannot specify the " + fields(branchFields) + " with the " + fields(environmentFields));
                }
            }
            if (passed(List.of("fallbackTag", "tag", "latest")) && selector.has("fallbackTag")) {
                if (!isTrue("latest")) {
                    base("fallbackTag can only be set if latest is true");
                }
                if (!selector.has("tag")) {
                    base("a tag must be specified when a fallbackTag is specified");
                }
            }
            if (passed(List.of("fallbackBranch", "branch", "latest")) && selector.has("fallbackBranch")) {
                if (!selector.has("branch")) {
                    base("a branch must be specified when a fallbackBranch is specified");
                }
                if (isFalse("latest")) {
                    base("fallbackBranch can only be set if latest is true");
                }
            }
            if (passed(List.of("branch", "latest")) && selector.has("branch") && isFalse("latest")) {
                base("cannot specify a branch with latest=false");
            }
            if (passed("environment")
                    && provided("environment")
                    && !environmentExists.test(selector.get("environment").asText())) {
                message(
                        "environment",
                        "environment with name '" + selector.get("environment").asText() + "' does not exist");
            }
            if (passed(List.of("deployed", "released", "deployedOrReleased"))) {
                if (isTrue("deployed") && isTrue("released")) {
                    base("cannot specify both deployed=true and released=true");
                }
                if (isTrue("deployed") && isTrue("deployedOrReleased")) {
                    base("cannot specify both deployed=true and deployedOrReleased=true");
                }
                if (isTrue("released") && isTrue("deployedOrReleased")) {
                    base("cannot specify both released=true and deployedOrReleased=true");
                }
            }
        }

        private static String fields(List<String> names) {
            return (names.size() == 1 ? "field " : "fields ") + String.join("/", names);
        }

        private List<String> presentOf(List<String> keys) {
            return keys.stream().filter(selector::has).sorted().toList();
        }

        private boolean present(List<String> keys) {
            return keys.stream().anyMatch(selector::has);
        }

        private static List<String> without(List<String> keys, String... excluded) {
            List<String> rest = new ArrayList<>(keys);
            rest.removeAll(List.of(excluded));
            return rest;
        }

        private boolean provided(String key) {
            JsonNode value = selector.get(key);
            return value != null
                    && !value.isNull()
                    && (!value.isTextual() || !value.asText().isBlank());
        }

        private boolean isTrue(String key) {
            JsonNode value = selector.get(key);
            return value != null && value.isBoolean() && value.asBoolean();
        }

        private boolean isFalse(String key) {
            JsonNode value = selector.get(key);
            return value != null && value.isBoolean() && !value.asBoolean();
        }

        private boolean passed(String key) {
            return !failedKeys.contains(key);
        }

        private boolean passed(List<String> keys) {
            return keys.stream().noneMatch(failedKeys::contains);
        }

        private void onlyTrue(String key) {
            JsonNode value = selector.get(key);
            if (value != null && value.isNull()) {
                fail(key, key + " must be filled");
            } else if (value != null && !(value.isBoolean() && value.asBoolean())) {
                fail(key, key + " must be one of: true");
            }
        }

        private void string(String key) {
            JsonNode value = selector.get(key);
            if (value != null && unfilled(value)) {
                fail(key, key + " must be filled");
            } else if (value != null && !value.isTextual()) {
                fail(key, key + " must be a string");
            }
        }

        private static boolean unfilled(JsonNode value) {
            return value.isNull()
                    || (value.isTextual() && value.asText().isEmpty())
                    || (value.isContainerNode() && value.isEmpty());
        }

        private void fail(String key, String message) {
            failedKeys.add(key);
            message(key, message);
        }

        /** A rule's message about one key; unlike a type error it does not stop the other rules. */
        private void message(String key, String message) {
            messages.add(key, message);
        }

        private void base(String message) {
            message("", message);
        }
    }
}
