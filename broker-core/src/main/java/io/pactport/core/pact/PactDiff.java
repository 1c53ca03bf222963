package io.pactport.core.pact;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text the Pact Broker 2.120 shows for the difference between a published pact and a changed one (its
 * {@code CreateFormattedDiff}, in the info notice after a 409 of {@code POST /contracts/publish}), character for
 * character.
 *
 * <p>How it is made there, and here: both pacts lose their interaction {@code _id}s and are sorted (keys of every
 * object in byte order, interactions or messages by their JSON); pact-support's matcher then compares the published
 * pact (expected) with the new one (actual) allowing keys the new one adds, so only changed and removed values count,
 * and arrays are compared index by index; each side of that difference is written as pretty JSON (unchanged array
 * items as {@code ... }, a comma after every last array item, empty objects and arrays spread over two lines) and the
 * two texts are diffed line by line ({@link UnifiedDiff}); the first hunk header goes, and so do the commas before a
 * line closing an array.
 */
public final class PactDiff {

    private static final Pattern EMPTY_OBJECT = Pattern.compile("\\{\\s*\\}");
    private static final Pattern EMPTY_ARRAY = Pattern.compile("\\[\\s*\\]");
    private static final Pattern ARRAY_END = Pattern.compile("(\\n\\s*\\])");
    private static final Pattern COMMA_BEFORE_ARRAY_END = Pattern.compile(",(\\n\\s*\\])");

    /** What pact-support puts where there is nothing to compare with. */
    private enum Marker {
        KEY_NOT_FOUND,
        UNEXPECTED_INDEX,
        INDEX_NOT_FOUND,
        NO_DIFF_AT_INDEX
    }

    /** Two values that differ. */
    private record Difference(Object expected, Object actual) {}

    private PactDiff() {}

    /**
     * The difference from the published pact to the new one, as the Pact Broker words it; empty when the matcher
     * sees none (new keys only, or the same interactions in another order).
     *
     * @throws InvalidPactContentException when either is not a pact the broker would store
     */
    public static String between(String publishedJson, String newJson) {
        Object expected = sorted(PactJsonParser.parseObject(publishedJson));
        Object actual = sorted(PactJsonParser.parseObject(newJson));
        Object difference = diff(expected, actual);
        String expectedText = generate(difference, false);
        String actualText = generate(difference, true);
        String text = UnifiedDiff.of(lines(expectedText), lines(actualText)).stripLeading();
        String[] lines = text.split("\n");
        if (lines.length > 0 && lines[0].contains("@@")) {
            text = String.join("\n", Arrays.copyOfRange(lines, 1, lines.length));
        }
        return COMMA_BEFORE_ARRAY_END.matcher(text).replaceAll("$1");
    }

    /** Ruby's {@code split("\n")} with each line chomped: trailing empty lines go. */
    private static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        for (String line : text.split("\n")) {
            lines.add(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
        }
        return lines;
    }

    // --- sorting, as SortContent after Content#without_ids ---

    @SuppressWarnings("unchecked")
    private static Object sorted(Map<String, Object> pact) {
        String key = truthy(pact.get(PactSha.INTERACTIONS))
                ? PactSha.INTERACTIONS
                : truthy(pact.get(PactSha.MESSAGES)) ? PactSha.MESSAGES : null;
        Map<String, Object> withoutIds = new LinkedHashMap<>(pact);
        for (String name : List.of(PactSha.INTERACTIONS, PactSha.MESSAGES)) {
            if (pact.get(name) instanceof List<?> list) {
                withoutIds.put(
                        name,
                        list.stream()
                                .map(element -> {
                                    if (element instanceof Map<?, ?> map) {
                                        Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) map);
                                        copy.remove("_id");
                                        return (Object) copy;
                                    }
                                    return element;
                                })
                                .toList());
            }
        }
        if (key == null) {
            return withoutIds;
        }
        Map<String, Object> sorted = (Map<String, Object>) orderKeys(withoutIds);
        Object content = withoutIds.get(key);
        if (content instanceof List<?> list) {
            // sort_by(&:to_json): each element's JSON is computed once
            Map<Object, String> json = new IdentityHashMap<>();
            List<Object> elements = new ArrayList<>();
            for (Object element : list) {
                Object ordered = orderKeys(element);
                json.put(ordered, RubyJson.toJson(ordered, false));
                elements.add(ordered);
            }
            elements.sort(Comparator.comparing(json::get, RubyJson.BYTE_ORDER));
            sorted.put(key, elements);
        } else {
            sorted.put(key, content);
        }
        return sorted;
    }

    private static boolean truthy(Object value) {
        return value != null && !Boolean.FALSE.equals(value);
    }

    private static Object orderKeys(Object value) {
        if (value instanceof Map<?, ?> map) {
            List<String> keys = new ArrayList<>();
            map.keySet().forEach(k -> keys.add((String) k));
            keys.sort(RubyJson.BYTE_ORDER);
            Map<String, Object> ordered = new LinkedHashMap<>();
            keys.forEach(k -> ordered.put(k, orderKeys(map.get(k))));
            return ordered;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(PactDiff::orderKeys).toList();
        }
        return value;
    }

    // --- the matcher: Pact::Matchers.diff with unexpected keys allowed and exact values ---

    /** No difference: pact-support's {@code NO_DIFF}, an empty Hash. */
    private static final Map<String, Object> NO_DIFF = Map.of();

    private static Object diff(Object expected, Object actual) {
        if (expected instanceof Map<?, ?> expectedMap) {
            if (!(actual instanceof Map<?, ?> actualMap)) {
                return new Difference(expected, actual);
            }
            Map<String, Object> difference = new LinkedHashMap<>();
            expectedMap.forEach((key, value) -> {
                Object actualValue = actualMap.containsKey(key) ? actualMap.get(key) : Marker.KEY_NOT_FOUND;
                Object at = diff(value, actualValue);
                if (any(at)) {
                    difference.put((String) key, at);
                }
            });
            return difference;
        }
        if (expected instanceof List<?> expectedList) {
            if (!(actual instanceof List<?> actualList)) {
                return new Difference(expected, actual);
            }
            List<Object> difference = new ArrayList<>();
            boolean found = false;
            for (int i = 0; i < Math.max(expectedList.size(), actualList.size()); i++) {
                Object at = diff(
                        i < expectedList.size() ? expectedList.get(i) : Marker.UNEXPECTED_INDEX,
                        i < actualList.size() ? actualList.get(i) : Marker.INDEX_NOT_FOUND);
                found |= any(at);
                difference.add(any(at) ? at : Marker.NO_DIFF_AT_INDEX);
            }
            return found ? difference : NO_DIFF;
        }
        return rubyEquals(expected, actual) ? NO_DIFF : new Difference(expected, actual);
    }

    private static boolean any(Object difference) {
        return difference instanceof Difference
                || difference instanceof Map<?, ?> map && !map.isEmpty()
                || difference instanceof List<?> list && !list.isEmpty();
    }

    /** Ruby's {@code ==} on parsed JSON scalars: an Integer equals a Float of the same value. */
    private static boolean rubyEquals(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            if (x instanceof Double || y instanceof Double) {
                double dx = x.doubleValue();
                double dy = y.doubleValue();
                if (x instanceof Double && y instanceof Double) {
                    return dx == dy;
                }
                return Double.isFinite(dx) && Double.isFinite(dy) && decimal(x).compareTo(decimal(y)) == 0;
            }
            return decimal(x).compareTo(decimal(y)) == 0;
        }
        return a == null ? b == null : a.equals(b);
    }

    private static BigDecimal decimal(Number number) {
        if (number instanceof Double d) {
            return new BigDecimal(d);
        }
        return number instanceof BigInteger big ? new BigDecimal(big) : BigDecimal.valueOf(number.longValue());
    }

    // --- UnixDiffFormatter#generate_string ---

    private static String generate(Object difference, boolean actualSide) {
        StringBuilder out = new StringBuilder();
        pretty(out, side(difference, actualSide), 0);
        String json = EMPTY_OBJECT.matcher(out).replaceAll("{\n  }");
        json = EMPTY_ARRAY.matcher(json).replaceAll("[\n  ]");
        return ARRAY_END.matcher(json).replaceAll(Matcher.quoteReplacement(",") + "$1");
    }

    /** The difference with each Difference replaced by one of its sides; missing keys and indexes left out. */
    private static Object side(Object value, boolean actualSide) {
        if (value instanceof Difference d) {
            return side(actualSide ? d.actual() : d.expected(), actualSide);
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((key, v) -> {
                Object kept = side(v, actualSide);
                if (kept != Marker.KEY_NOT_FOUND) {
                    copy.put((String) key, kept);
                }
            });
            return copy;
        }
        if (value instanceof List<?> list) {
            // Ruby assigns by index: a gap before a later item becomes nil, trailing gaps are not there at all
            List<Object> copy = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                Object kept = side(list.get(i), actualSide);
                if (kept != Marker.UNEXPECTED_INDEX && kept != Marker.INDEX_NOT_FOUND) {
                    while (copy.size() < i) {
                        copy.add(null);
                    }
                    copy.add(kept);
                }
            }
            return copy;
        }
        return value;
    }

    /** Ruby's {@code JSON.pretty_generate}; an unchanged array item is written as its raw {@code ... }. */
    private static void pretty(StringBuilder out, Object value, int depth) {
        if (value instanceof Map<?, ?> map) {
            if (map.isEmpty()) {
                out.append("{}");
                return;
            }
            out.append("{\n");
            boolean first = true;
            for (Map.Entry<?, ?> member : map.entrySet()) {
                if (!first) {
                    out.append(",\n");
                }
                first = false;
                out.append("  ".repeat(depth + 1));
                RubyJson.writeString(out, (String) member.getKey());
                out.append(": ");
                pretty(out, member.getValue(), depth + 1);
            }
            out.append('\n').append("  ".repeat(depth)).append('}');
        } else if (value instanceof List<?> list) {
            if (list.isEmpty()) {
                out.append("[]");
                return;
            }
            out.append("[\n");
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(",\n");
                }
                out.append("  ".repeat(depth + 1));
                pretty(out, list.get(i), depth + 1);
            }
            out.append('\n').append("  ".repeat(depth)).append(']');
        } else if (value == Marker.NO_DIFF_AT_INDEX) {
            out.append("... ");
        } else {
            RubyJson.write(out, value, false);
        }
    }
}
