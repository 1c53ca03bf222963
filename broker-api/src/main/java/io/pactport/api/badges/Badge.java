package io.pactport.api.badges;

import io.pactport.api.http.BrokerUrls;

/**
 * A status badge: the label on the left, the message on the right, on a colour the Pact Broker uses for it. The same
 * badge is drawn here ({@link BadgeSvg}) or named to shields.io ({@link #shieldsPath()}), so both modes agree.
 */
public record Badge(String label, String message, Colour colour) {

    /** The colours the Pact Broker's badges use: shields.io's name, and the fill shields.io draws for it. */
    public enum Colour {
        BRIGHTGREEN("brightgreen", "#4c1"),
        RED("red", "#e05d44"),
        ORANGE("orange", "#fe7d37"),
        LIGHTGREY("lightgrey", "#9f9f9f");

        private final String shieldsName;
        private final String fill;

        Colour(String shieldsName, String fill) {
            this.shieldsName = shieldsName;
            this.fill = fill;
        }

        public String shieldsName() {
            return shieldsName;
        }

        public String fill() {
            return fill;
        }
    }

    /** A grey badge saying what could not be found, as the Pact Broker's can-i-deploy badges answer. */
    static Badge notFound(String what) {
        return new Badge(what, "not found", Colour.LIGHTGREY);
    }

    /**
     * shields.io's static badge path, {@code /badge/{label}-{message}-{colour}.svg}: a dash or underscore in the text
     * is doubled (a single one would be read as a separator or a space), then the text is percent-encoded.
     */
    String shieldsPath() {
        return "/badge/" + escape(label) + "-" + escape(message) + "-" + colour.shieldsName() + ".svg";
    }

    private static String escape(String text) {
        return BrokerUrls.encode(text.replace("-", "--").replace("_", "__"));
    }
}
