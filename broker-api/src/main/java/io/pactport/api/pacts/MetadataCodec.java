package io.pactport.api.pacts;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code metadata} path segment of pact and verification URLs, as the Pact Broker writes it: URL-safe Base64
 * without padding of a Rack nested query string ({@code s[][b]=main&s[][cv]=12&p=true}, {@code w=true},
 * {@code cvn=1.0.0}). The pacts-for-verification response puts it in every pact URL; verifiers echo it back when they
 * publish their results, which is how a verification learns whether it was pending or WIP and which selectors chose
 * the pact.
 *
 * <p>Decoding never fails: like the Pact Broker, an undecodable segment reads as no metadata.
 */
public final class MetadataCodec {

    private MetadataCodec() {}

    /** The segment as nested maps, lists and strings; empty when absent or unreadable. */
    public static Map<String, Object> decode(String segment) {
        if (segment == null || segment.isEmpty()) {
            return Map.of();
        }
        String query;
        try {
            query = new String(Base64.getUrlDecoder().decode(stripPadding(segment)), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notUrlSafe) {
            try {
                // some clients send the standard alphabet; the Pact Broker falls back to it as well
                query = new String(Base64.getMimeDecoder().decode(segment), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException unreadable) {
                return Map.of();
            }
        }
        try {
            return parseNestedQuery(query);
        } catch (IllegalArgumentException unreadable) {
            return Map.of();
        }
    }

    /**
     * Rack's {@code build_nested_query} in URL-safe Base64 without padding: values in order, a list as {@code k[]},
     * a map as {@code k[sub]} (so a list of maps is {@code s[][b]=main&s[][cv]=12}), names and values form-encoded
     * (brackets too), true and false as text, a null value as the bare name.
     */
    public static String encode(Map<String, ?> parameters) {
        List<String> pairs = new ArrayList<>();
        parameters.forEach((key, value) -> buildNested(pairs, value, key));
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(String.join("&", pairs).getBytes(StandardCharsets.UTF_8));
    }

    private static void buildNested(List<String> pairs, Object value, String prefix) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, child) -> buildNested(pairs, child, prefix + "[" + key + "]"));
        } else if (value instanceof List<?> list) {
            list.forEach(child -> buildNested(pairs, child, prefix + "[]"));
        } else if (value == null) {
            pairs.add(formEncode(prefix));
        } else {
            pairs.add(formEncode(prefix) + "=" + formEncode(value.toString()));
        }
    }

    /**
     * Rack's {@code parse_nested_query}: {@code a=1} a value, {@code a[]=1} a list, {@code a[b]=1} a map,
     * {@code a[][b]=1&a[][c]=2} one list element per run of distinct keys.
     *
     * @throws IllegalArgumentException when a name is used both as a value and as a container, as Rack does
     */
    public static Map<String, Object> parseNestedQuery(String query) {
        Map<String, Object> params = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = formDecode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? null : formDecode(pair.substring(equals + 1));
            List<String> keys = keysOf(name);
            if (!keys.get(0).isEmpty()) {
                put(params, keys, 0, value);
            }
        }
        return params;
    }

    /** {@code s[][b]} → {@code [s, "", b]}. */
    private static List<String> keysOf(String name) {
        List<String> keys = new ArrayList<>();
        int open = name.indexOf('[');
        if (open <= 0) {
            keys.add(name);
            return keys;
        }
        keys.add(name.substring(0, open));
        int i = open;
        while (i < name.length() && name.charAt(i) == '[') {
            int close = name.indexOf(']', i);
            if (close < 0) {
                break;
            }
            keys.add(name.substring(i + 1, close));
            i = close + 1;
        }
        return keys;
    }

    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> map, List<String> keys, int i, String value) {
        String key = keys.get(i);
        if (i == keys.size() - 1) {
            map.put(key, value);
            return;
        }
        if (keys.get(i + 1).isEmpty()) {
            List<Object> list = (List<Object>) container(map, key, List.class);
            if (i + 1 == keys.size() - 1) {
                list.add(value);
                return;
            }
            String childKey = keys.get(i + 2);
            Map<String, Object> element;
            if (!list.isEmpty() && list.get(list.size() - 1) instanceof Map<?, ?> last && !last.containsKey(childKey)) {
                element = (Map<String, Object>) last;
            } else {
                element = new LinkedHashMap<>();
                list.add(element);
            }
            put(element, keys, i + 2, value);
        } else {
            put((Map<String, Object>) container(map, key, Map.class), keys, i + 1, value);
        }
    }

    private static Object container(Map<String, Object> map, String key, Class<?> type) {
        Object existing = map.get(key);
        if (existing == null) {
            Object created = type == List.class ? new ArrayList<>() : new LinkedHashMap<String, Object>();
            map.put(key, created);
            return created;
        }
        if (!type.isInstance(existing)) {
            throw new IllegalArgumentException("the parameter " + key + " is given both as "
                    + (type == List.class ? "a list (" + key + "[]=...)" : "a hash (" + key + "[name]=...)")
                    + " and otherwise");
        }
        return existing;
    }

    private static String stripPadding(String segment) {
        int end = segment.length();
        while (end > 0 && segment.charAt(end - 1) == '=') {
            end--;
        }
        return segment.substring(0, end);
    }

    private static String formDecode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    /** Ruby's {@code URI.encode_www_form_component}, which agrees with Java's form encoding. */
    private static String formEncode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
