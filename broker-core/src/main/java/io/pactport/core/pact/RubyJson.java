package io.pactport.core.pact;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Writes parsed pact JSON exactly as the Pact Broker's {@code to_json} does, because those bytes are what it hashes
 * and stores.
 *
 * <p>Values are the ones {@link PactJsonParser} builds: {@code Map<String, Object>} in key insertion order,
 * {@code List<Object>}, {@code String}, {@code Long} or {@code BigInteger} for integers, {@code Double} for numbers
 * with a fraction or an exponent, {@code Boolean} and {@code null}. Output is compact (no whitespace). Strings
 * escape only what the gem escapes by default: the double quote, the backslash and the control characters below
 * U+0020 (backspace, form feed, line feed, carriage return and tab by their one-letter escapes, the others as
 * six-character escapes with lower-case hex digits). Everything else, {@code /}, DEL, U+2028, U+2029 and all
 * non-ASCII characters included, is written as it is.
 */
final class RubyJson {

    /**
     * Ruby compares strings byte by byte, and the broker sorts object keys and interactions that way. For UTF-8
     * that is code point order, which differs from {@link String#compareTo} once characters beyond U+FFFF
     * (surrogate pairs in Java) meet characters between U+E000 and U+FFFF.
     */
    static final Comparator<String> BYTE_ORDER = RubyJson::compareAsUtf8;

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private RubyJson() {}

    static String toJson(Object value, boolean sortKeys) {
        StringBuilder out = new StringBuilder(256);
        write(out, value, sortKeys);
        return out.toString();
    }

    /**
     * Appends the JSON for a value. With {@code sortKeys}, the keys of every object inside are written in byte
     * order, as if the value had first been through the broker's {@code OrderHashKeys}; otherwise in their
     * original order.
     */
    static void write(StringBuilder out, Object value, boolean sortKeys) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String string) {
            writeString(out, string);
        } else if (value instanceof Map<?, ?> map) {
            writeObject(out, map, sortKeys);
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(out, list.get(i), sortKeys);
            }
            out.append(']');
        } else if (value instanceof Double number) {
            RubyJsonFloat.append(out, number);
        } else if (value instanceof Long || value instanceof BigInteger || value instanceof Boolean) {
            out.append(value);
        } else {
            throw new IllegalArgumentException(
                    "not a parsed JSON value: " + value.getClass().getName());
        }
    }

    private static void writeObject(StringBuilder out, Map<?, ?> map, boolean sortKeys) {
        out.append('{');
        boolean first = true;
        if (sortKeys && map.size() > 1) {
            List<String> keys = new ArrayList<>(map.size());
            for (Object key : map.keySet()) {
                keys.add((String) key);
            }
            keys.sort(BYTE_ORDER);
            for (String key : keys) {
                first = writeMember(out, first, key, map.get(key), true);
            }
        } else {
            for (Map.Entry<?, ?> member : map.entrySet()) {
                first = writeMember(out, first, (String) member.getKey(), member.getValue(), sortKeys);
            }
        }
        out.append('}');
    }

    private static boolean writeMember(StringBuilder out, boolean first, String key, Object value, boolean sortKeys) {
        if (!first) {
            out.append(',');
        }
        writeString(out, key);
        out.append(':');
        write(out, value, sortKeys);
        return false;
    }

    static void writeString(StringBuilder out, String value) {
        out.append('"');
        int start = 0;
        int length = value.length();
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\') {
                continue;
            }
            out.append(value, start, i);
            start = i + 1;
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        out.append(value, start, length);
        out.append('"');
    }

    static int compareAsUtf8(String a, String b) {
        int length = Math.min(a.length(), b.length());
        for (int i = 0; i < length; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y) {
                return codePointOrder(x) - codePointOrder(y);
            }
        }
        return a.length() - b.length();
    }

    /** Moves surrogates (code points above U+FFFF) above U+E000..U+FFFF, keeping every other char in place. */
    private static int codePointOrder(char c) {
        if (c < 0xD800) {
            return c;
        }
        return c >= 0xE000 ? c - 0x800 : c + 0x2000;
    }
}
