package io.pactport.api.matrix;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a matrix query string the way the Pact Broker's Rack parser does ({@code q[][pacticipant]=Foo&q[][version]=1&
 * q[][pacticipant]=Bar&...}: a repeated key starts the next selector), and also in the grouped order some clients send
 * (every {@code q[][pacticipant]} first, then each other key's values: pact-jvm collects a query by key, and the
 * pact_broker-client's own V2 pact lists keys alphabetically). Grouped means: two or more pacticipants and nothing
 * between them. There, version numbers go to the selectors in order, and the other keys ({@code latest}, {@code tag},
 * {@code branch}, ...) to the selectors without a version in order, or to all in order when there are more values
 * than such selectors. A query where each selector's keys follow its pacticipant reads the same either way.
 */
public final class MatrixQueryParser {

    /** Everything in a query string, by the Pact Broker's parameter names. */
    public record Params(
            List<MatrixSelector> selectors, List<MatrixSelector> ignore, Map<String, List<String>> scalars) {

        /** The last value of a plain parameter, or null (Rack keeps the last of repeated plain keys). */
        public String value(String name) {
            List<String> values = scalars.get(name);
            return values == null || values.isEmpty() ? null : values.get(values.size() - 1);
        }

        /** Like {@link #value} but "" counts as absent, as the Pact Broker's parser treats it. */
        public String present(String name) {
            String value = value(name);
            return value == null || value.isEmpty() ? null : value;
        }
    }

    private record Entry(String key, String value) {}

    private MatrixQueryParser() {}

    public static Params parse(String rawQuery) {
        List<Entry> q = new ArrayList<>();
        List<Entry> ignore = new ArrayList<>();
        Map<String, List<String>> scalars = new LinkedHashMap<>();
        if (rawQuery != null) {
            for (String part : rawQuery.split("&")) {
                if (part.isEmpty()) {
                    continue;
                }
                int eq = part.indexOf('=');
                String key = decode(eq < 0 ? part : part.substring(0, eq));
                String value = eq < 0 ? "" : decode(part.substring(eq + 1));
                if (key.startsWith("q[][") && key.endsWith("]")) {
                    q.add(new Entry(key.substring(4, key.length() - 1), value));
                } else if (key.startsWith("ignore[][") && key.endsWith("]")) {
                    ignore.add(new Entry(key.substring(9, key.length() - 1), value));
                } else if (key.equals("ignore[]")) {
                    // can-i-deploy's short form: ignore[]=Name
                    ignore.add(new Entry("pacticipant", value));
                } else {
                    scalars.computeIfAbsent(
                                    key.endsWith("[]") ? key.substring(0, key.length() - 2) : key,
                                    k -> new ArrayList<>())
                            .add(value);
                }
            }
        }
        return new Params(selectors(q), selectors(ignore), scalars);
    }

    /** The Pact Broker's matrix options from the plain parameters. */
    public static MatrixQuery matrixQuery(Params params) {
        List<Boolean> success = null;
        List<String> successValues = params.scalars().get("success");
        if (successValues != null) {
            success = new ArrayList<>();
            for (String value : successValues) {
                success.add(value.isEmpty() ? null : value.equals("true"));
            }
        }
        String limit = params.present("limit");
        String latest = params.present("latest");
        String mainBranch = params.present("mainBranch");
        return new MatrixQuery(
                params.selectors(),
                params.present("latestby"),
                "true".equals(latest),
                params.present("tag"),
                params.present("environment"),
                "true".equals(mainBranch),
                success,
                params.ignore(),
                limit == null ? MatrixQuery.DEFAULT_LIMIT : leadingInteger(limit));
    }

    /** Ruby's {@code String#to_i}: the leading digits, 0 when there are none. */
    static int leadingInteger(String text) {
        int end = 0;
        while (end < text.length() && end < 9 && Character.isDigit(text.charAt(end))) {
            end++;
        }
        return end == 0 ? 0 : Integer.parseInt(text.substring(0, end));
    }

    private static List<MatrixSelector> selectors(List<Entry> entries) {
        List<Map<String, String>> hashes = grouped(entries) ? byKey(entries) : rackOrder(entries);
        return hashes.stream().map(MatrixQueryParser::selector).toList();
    }

    /** Two or more pacticipants with no other key between them. */
    private static boolean grouped(List<Entry> entries) {
        int first = -1;
        int last = -1;
        int count = 0;
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).key().equals("pacticipant")) {
                first = first < 0 ? i : first;
                last = i;
                count++;
            }
        }
        return count >= 2 && last - first + 1 == count;
    }

    private static List<Map<String, String>> rackOrder(List<Entry> entries) {
        List<Map<String, String>> hashes = new ArrayList<>();
        for (Entry entry : entries) {
            Map<String, String> last = hashes.isEmpty() ? null : hashes.get(hashes.size() - 1);
            if (last == null || last.containsKey(entry.key())) {
                last = new LinkedHashMap<>();
                hashes.add(last);
            }
            last.put(entry.key(), entry.value());
        }
        return hashes;
    }

    private static List<Map<String, String>> byKey(List<Entry> entries) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        entries.forEach(
                e -> values.computeIfAbsent(e.key(), k -> new ArrayList<>()).add(e.value()));
        List<Map<String, String>> hashes = new ArrayList<>();
        for (String pacticipant : values.remove("pacticipant")) {
            Map<String, String> hash = new LinkedHashMap<>();
            hash.put("pacticipant", pacticipant);
            hashes.add(hash);
        }
        List<String> versions = values.remove("version");
        if (versions != null) {
            for (int i = 0; i < versions.size() && i < hashes.size(); i++) {
                hashes.get(i).put("version", versions.get(i));
            }
        }
        List<Map<String, String>> withoutVersion =
                hashes.stream().filter(h -> !h.containsKey("version")).toList();
        values.forEach((key, list) -> {
            List<Map<String, String>> targets = list.size() <= withoutVersion.size() ? withoutVersion : hashes;
            for (int i = 0; i < list.size() && i < targets.size(); i++) {
                targets.get(i).put(key, list.get(i));
            }
        });
        return hashes;
    }

    private static MatrixSelector selector(Map<String, String> hash) {
        return new MatrixSelector(
                nonEmpty(hash.get("pacticipant")),
                nonEmpty(hash.get("version")),
                "true".equals(hash.get("latest")),
                nonEmpty(hash.get("tag")),
                nonEmpty(hash.get("branch")),
                "true".equals(hash.get("mainBranch")),
                nonEmpty(hash.get("environment")));
    }

    private static String nonEmpty(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            // a stray % is kept as written, as Rack does
            return text;
        }
    }
}
