package io.pactport.api.contracts;

/**
 * Ruby's {@code String#inspect}, for texts the Pact Broker builds with it (a webhook's description in the publish
 * notices): double quotes around, and backslash escapes for quotes, backslashes, control characters and {@code #}
 * before {@code {}, {@code $} or {@code @} (which would interpolate in Ruby).
 */
final class RubyInspect {

    private RubyInspect() {}

    static String string(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                case '\f' -> out.append("\\f");
                case 0x0B -> out.append("\\v");
                case 0x07 -> out.append("\\a");
                case 0x08 -> out.append("\\b");
                case 0x1B -> out.append("\\e");
                case '#' -> {
                    char next = i + 1 < text.length() ? text.charAt(i + 1) : 0;
                    out.append(next == '{' || next == '$' || next == '@' ? "\\#" : "#");
                }
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04X", (int) c));
                    } else if (c == 0x7F) {
                        out.append("\\x7F");
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
