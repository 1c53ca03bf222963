package io.pactport.api.badges;

import java.util.Locale;

/**
 * Draws a flat badge as SVG without any outbound call, so badges work where shields.io cannot be reached. Text widths
 * come from a per-character estimate of Verdana at 11px (what shields.io measures with); close enough that the text
 * fits its box, without shipping font metrics.
 */
final class BadgeSvg {

    private static final int PADDING = 10;

    private BadgeSvg() {}

    /** The badge as an SVG document. */
    static String draw(Badge badge) {
        int labelWidth = width(badge.label());
        int messageWidth = width(badge.message());
        int total = labelWidth + messageWidth;
        String label = xml(badge.label());
        String message = xml(badge.message());
        return String.format(
                Locale.ROOT,
                """
                <svg xmlns="http://www.w3.org/2000/svg" width="%1$d" height="20" role="img" aria-label="%4$s: %5$s">\
                <title>%4$s: %5$s</title>\
                <clipPath id="r"><rect width="%1$d" height="20" rx="3" fill="#fff"/></clipPath>\
                <g clip-path="url(#r)"><rect width="%2$d" height="20" fill="#555"/>\
                <rect x="%2$d" width="%3$d" height="20" fill="%6$s"/></g>\
                <g fill="#fff" text-anchor="middle" font-family="Verdana,Geneva,DejaVu Sans,sans-serif" font-size="11">\
                <text x="%7$.1f" y="15" fill="#010101" fill-opacity=".3">%4$s</text><text x="%7$.1f" y="14">%4$s</text>\
                <text x="%8$.1f" y="15" fill="#010101" fill-opacity=".3">%5$s</text><text x="%8$.1f" y="14">%5$s</text>\
                </g></svg>""",
                total,
                labelWidth,
                messageWidth,
                label,
                message,
                badge.colour().fill(),
                labelWidth / 2.0,
                labelWidth + messageWidth / 2.0);
    }

    /** The box a text needs: its estimated width plus 5px either side. */
    static int width(String text) {
        double width = 0;
        for (int i = 0; i < text.length(); i = text.offsetByCodePoints(i, 1)) {
            width += advance(text.codePointAt(i));
        }
        return (int) Math.round(width) + PADDING;
    }

    private static double advance(int c) {
        if (c >= 'A' && c <= 'Z') {
            return c == 'I' ? 4.2 : c == 'M' || c == 'W' ? 9.5 : 7.5;
        }
        return switch (c) {
            case 'i', 'l', '|', '\'' -> 3.0;
            case 'f', 'j', ' ', '!', '.', ',', ':', ';' -> 3.9;
            case 't', 'r', '(', ')', '/', '-', '[', ']' -> 4.6;
            case 'c', 's', 'z' -> 5.8;
            case 'a', 'e', 'k', 'o', 'v', 'x', 'y', '_' -> 6.6;
            case 'w' -> 9.0;
            case 'm' -> 10.7;
            default -> 7.0;
        };
    }

    /**
     * Text for XML content or an attribute: markup characters escaped, and characters XML 1.0 does not allow replaced,
     * so any pacticipant or tag name leaves the document well-formed and adds nothing to it.
     */
    static String xml(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&apos;");
                default -> escaped.appendCodePoint(allowedInXml(c) ? c : '\uFFFD');
            }
        });
        return escaped.toString();
    }

    private static boolean allowedInXml(int c) {
        return c == '\t'
                || c == '\n'
                || c == '\r'
                || c >= 0x20 && c <= 0xD7FF
                || c >= 0xE000 && c <= 0xFFFD
                || c >= 0x10000 && c <= 0x10FFFF;
    }
}
