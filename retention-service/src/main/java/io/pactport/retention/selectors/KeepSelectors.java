package io.pactport.retention.selectors;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Parses and checks keep selectors given as JSON, as in {@code PACTFLOW_DATABASE_CLEAN_KEEP_VERSION_SELECTORS}.
 *
 * <p>Keys are read as the Pact Broker reads them ({@code Clean::Selector.from_hash}: snake-cased, so {@code mainBranch},
 * {@code main_branch}, {@code maxAge} and {@code max_age} are all accepted, and {@code pacticipant_name} /
 * {@code environment_name} are synonyms). Where the Pact Broker silently ignored or misread something (an unknown key,
 * {@code "latest":"false"}, an empty list), this refuses it with a message: a typo in a keep selector deletes data.
 */
public final class KeepSelectors {

    /**
     * The Pact Broker docker image's selectors when none are configured ({@code CleanIncremental::DEFAULT_KEEP_SELECTORS}).
     */
    public static final List<KeepSelector> DOCKER_DEFAULTS = List.of(
            KeepSelector.NONE.withTag(KeepSelector.Name.any()).withLatest(true),
            KeepSelector.NONE.withBranch(KeepSelector.Name.any()).withLatest(true),
            KeepSelector.NONE.withLatest(true),
            KeepSelector.NONE.withDeployed(true),
            KeepSelector.NONE.withReleased(true),
            KeepSelector.NONE.withMaxAge(90));

    /** The two selectors the Pact Broker's clean task always adds, so deployed and supported versions survive. */
    public static final KeepSelector DEPLOYED = KeepSelector.NONE.withDeployed(true);

    public static final KeepSelector RELEASED = KeepSelector.NONE.withReleased(true);

    /** Documented key names, in the order error messages list them. */
    static final List<String> KNOWN_KEYS = List.of(
            "pacticipant", "branch", "tag", "latest", "max_age", "mainBranch", "deployed", "released", "environment");

    /** Snake-cased key → the property it sets (the Pact Broker's ATTRIBUTES plus its two short forms). */
    private static final Map<String, String> PROPERTY_OF_KEY = Map.ofEntries(
            Map.entry("pacticipant", "pacticipant"),
            Map.entry("pacticipant_name", "pacticipant"),
            Map.entry("environment", "environment"),
            Map.entry("environment_name", "environment"),
            Map.entry("branch", "branch"),
            Map.entry("main_branch", "mainBranch"),
            Map.entry("tag", "tag"),
            Map.entry("latest", "latest"),
            Map.entry("max_age", "max_age"),
            Map.entry("deployed", "deployed"),
            Map.entry("released", "released"));

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private KeepSelectors() {}

    /** Selectors plus the ones {@link #withAlwaysKept} added (empty when nothing was added), for the log line. */
    public record WithAlwaysKept(List<KeepSelector> selectors, List<KeepSelector> added) {}

    /**
     * Parses a JSON array of selector objects; a single object is taken as a list of one (the Pact Broker fails on it).
     *
     * @throws InvalidSelectorsException saying which selector is wrong and how
     */
    public static List<KeepSelector> parse(String json) {
        JsonNode root = readJson(json, "keep selectors", "[{\"latest\":true},{\"max_age\":90}]");
        List<JsonNode> items = new ArrayList<>();
        if (root.isArray()) {
            root.forEach(items::add);
        } else if (root.isObject()) {
            items.add(root);
        } else {
            throw new InvalidSelectorsException("keep selectors must be a JSON array of objects such as "
                    + "[{\"latest\":true},{\"max_age\":90}], not " + kind(root) + " " + root);
        }
        if (items.isEmpty()) {
            throw new InvalidSelectorsException("the list of keep selectors is empty: give at least one, e.g. "
                    + "[{\"latest\":true},{\"max_age\":90}] (leave the setting unset for the defaults)");
        }
        List<KeepSelector> selectors = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            selectors.add(parseOne(items.get(i), "selector " + (i + 1) + ": "));
        }
        return List.copyOf(selectors);
    }

    /**
     * Adds {@code {"deployed":true}} and {@code {"released":true}} unless already there, as the Pact Broker's clean task
     * does ({@code add_defaults_to_keep_selectors}). Only the plain selectors count as there: the Pact Broker also
     * accepted {@code {"deployed":true,"pacticipant":"Foo"}}, which leaves every other pacticipant's deployed versions
     * unprotected.
     */
    public static WithAlwaysKept withAlwaysKept(List<KeepSelector> selectors) {
        List<KeepSelector> all = new ArrayList<>(selectors);
        List<KeepSelector> added = new ArrayList<>();
        for (KeepSelector always : List.of(DEPLOYED, RELEASED)) {
            if (!all.contains(always)) {
                all.add(always);
                added.add(always);
            }
        }
        return new WithAlwaysKept(List.copyOf(all), List.copyOf(added));
    }

    /**
     * Parses the stale-branch keep selectors: a JSON array of {@code {"max_age": days}} and {@code {"branch": name or
     * [names]}} objects. An empty array is allowed and means what it means to the Pact Broker: no branch is deleted.
     *
     * @throws InvalidSelectorsException saying which selector is wrong and how
     */
    public static List<BranchSelector> parseBranches(String json) {
        JsonNode root = readJson(json, "branch keep selectors", "[{\"max_age\":90}]");
        List<JsonNode> items = new ArrayList<>();
        if (root.isArray()) {
            root.forEach(items::add);
        } else if (root.isObject()) {
            items.add(root);
        } else {
            throw new InvalidSelectorsException("branch keep selectors must be a JSON array of objects such as "
                    + "[{\"max_age\":90}], not " + kind(root) + " " + root);
        }
        List<BranchSelector> selectors = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String where = "branch selector " + (i + 1) + ": ";
            JsonNode node = items.get(i);
            if (!node.isObject()) {
                throw new InvalidSelectorsException(
                        where + "must be an object such as {\"max_age\":90}, not " + kind(node) + " " + node);
            }
            Integer maxAge = null;
            List<String> names = new ArrayList<>();
            Iterator<Map.Entry<String, JsonNode>> fields = ((ObjectNode) node).fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                String key = field.getKey();
                JsonNode value = field.getValue();
                switch (snakeCase(key)) {
                    case "max_age" -> maxAge = value.isNull() ? null : days(value, key, where);
                    case "branch" -> {
                        if (value.isArray()) {
                            for (JsonNode name : value) {
                                names.add(name(name, key, where));
                            }
                        } else if (!value.isNull()) {
                            names.add(name(value, key, where));
                        }
                    }
                    default ->
                        throw new InvalidSelectorsException(
                                where + "unknown key \"" + key + "\" (known: max_age, branch)");
                }
            }
            if (maxAge == null && names.isEmpty()) {
                throw new InvalidSelectorsException(where + node + " keeps nothing; give \"max_age\" or \"branch\"");
            }
            selectors.add(new BranchSelector(maxAge, names));
        }
        return List.copyOf(selectors);
    }

    private static JsonNode readJson(String json, String what, String example) {
        if (json == null || json.isBlank()) {
            throw new InvalidSelectorsException("no " + what + " given: expected a JSON array such as " + example);
        }
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new InvalidSelectorsException(what + " are not valid JSON" + where + ": " + e.getOriginalMessage());
        }
    }

    private static KeepSelector parseOne(JsonNode node, String where) {
        if (!node.isObject()) {
            throw new InvalidSelectorsException(
                    where + "must be an object such as {\"latest\":true}, not " + kind(node) + " " + node);
        }
        Map<String, String> keyOfProperty = new HashMap<>();
        KeepSelector selector = KeepSelector.NONE;
        Iterator<Map.Entry<String, JsonNode>> fields = ((ObjectNode) node).fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String key = field.getKey();
            String property = PROPERTY_OF_KEY.get(snakeCase(key));
            if (property == null) {
                throw new InvalidSelectorsException(where + "unknown key \"" + key + "\" (known: "
                        + String.join(", ", KNOWN_KEYS) + ")" + suggestion(key));
            }
            String earlier = keyOfProperty.put(property, key);
            if (earlier != null) {
                throw new InvalidSelectorsException(
                        where + "\"" + earlier + "\" and \"" + key + "\" set the same property; give it once");
            }
            JsonNode value = field.getValue();
            if (value.isNull()) {
                continue; // the Pact Broker drops nil values (Hash#compact)
            }
            selector = switch (property) {
                case "pacticipant" -> selector.withPacticipant(name(value, key, where));
                case "environment" -> selector.withEnvironment(name(value, key, where));
                case "branch" -> selector.withBranch(nameOrTrue(value, key, where));
                case "tag" -> selector.withTag(nameOrTrue(value, key, where));
                case "mainBranch" -> selector.withMainBranch(bool(value, key, where));
                case "latest" -> selector.withLatest(bool(value, key, where));
                case "deployed" -> selector.withDeployed(bool(value, key, where));
                case "released" -> selector.withReleased(bool(value, key, where));
                case "max_age" -> selector.withMaxAge(days(value, key, where));
                default -> throw new IllegalStateException(property);
            };
        }
        if (selector.latest() && selector.maxAge() != null) {
            throw new InvalidSelectorsException(
                    where + "\"latest\" cannot be combined with \"max_age\" (the Pact Broker"
                            + " documents them as exclusive); use two selectors, e.g. [{\"latest\":true},{\"max_age\":"
                            + selector.maxAge() + "}]");
        }
        if (selector.isEmpty()) {
            throw new InvalidSelectorsException(where + node + " selects every version, so nothing would ever be"
                    + " deleted; give at least one property (known: " + String.join(", ", KNOWN_KEYS) + ")");
        }
        return selector;
    }

    private static String name(JsonNode value, String key, String where) {
        if (!value.isTextual()) {
            throw new InvalidSelectorsException(
                    where + "\"" + key + "\" must be a name (a string), not " + kind(value) + " " + value);
        }
        return nonBlank(value.textValue(), key, where);
    }

    private static KeepSelector.Name nameOrTrue(JsonNode value, String key, String where) {
        if (value.isTextual()) {
            return KeepSelector.Name.of(nonBlank(value.textValue(), key, where));
        }
        if (value.isBoolean() && value.booleanValue()) {
            return KeepSelector.Name.any();
        }
        throw new InvalidSelectorsException(
                where + "\"" + key + "\" must be a name or true (any " + key + "), not " + kind(value) + " " + value);
    }

    private static String nonBlank(String text, String key, String where) {
        if (text.isBlank()) {
            throw new InvalidSelectorsException(where + "\"" + key + "\" must not be blank");
        }
        return text;
    }

    private static boolean bool(JsonNode value, String key, String where) {
        if (!value.isBoolean()) {
            throw new InvalidSelectorsException(
                    where + "\"" + key + "\" must be true or false, not " + kind(value) + " " + value);
        }
        return value.booleanValue();
    }

    private static Integer days(JsonNode value, String key, String where) {
        if (!value.isNumber() || !value.canConvertToExactIntegral() || !value.canConvertToInt()) {
            throw new InvalidSelectorsException(where + "\"" + key + "\" must be a whole number of days, not " + value);
        }
        int days = value.intValue();
        if (days < 0) {
            throw new InvalidSelectorsException(where + "\"" + key + "\" must not be negative, not " + days);
        }
        return days;
    }

    /** Ruby's {@code snakecase} as the Pact Broker applies it to selector keys: {@code mainBranch} → {@code main_branch}. */
    static String snakeCase(String key) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (Character.isUpperCase(c)) {
                if (i > 0 && key.charAt(i - 1) != '_') {
                    out.append('_');
                }
                out.append(Character.toLowerCase(c));
            } else {
                out.append(c == '-' ? '_' : c);
            }
        }
        return out.toString();
    }

    private static String suggestion(String key) {
        String snake = snakeCase(key);
        String best = null;
        int bestDistance = 3;
        for (String known : PROPERTY_OF_KEY.keySet()) {
            int d = distance(snake, known);
            if (d < bestDistance) {
                bestDistance = d;
                best = known;
            }
        }
        if (best == null) {
            return "";
        }
        String property = PROPERTY_OF_KEY.get(best);
        return "; did you mean \"" + property + "\"?";
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    private static String kind(JsonNode node) {
        return switch (node.getNodeType()) {
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case NULL -> "null";
            default -> node.getNodeType().toString().toLowerCase();
        };
    }
}
