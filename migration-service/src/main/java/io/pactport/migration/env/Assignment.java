package io.pactport.migration.env;

import io.pactport.core.config.PactBrokerEnvironmentTranslation.Entry;

/**
 * One variable set on one line of a file. {@code itemStart} is where the setting starts (an opening quote included),
 * {@code nameStart} where its name starts: renaming replaces the name only, so quotes, value and comment stay as written.
 */
public record Assignment(int line, Entry entry, int itemStart, int nameStart, Style style) {

    /** How the line is written, so a changed value is written back the same way. */
    public enum Style {
        /** {@code KEY=value} in an env file. */
        ENV,
        /** {@code KEY: value} in a compose {@code environment} map. */
        COMPOSE_MAP,
        /** {@code - KEY=value} in a compose {@code environment} list. */
        COMPOSE_LIST
    }

    /** The line with this setting written as {@code translated}. */
    String rewrite(String text, Entry translated) {
        String name = entry.name();
        if (translated.value().equals(entry.value())) {
            return text.substring(0, nameStart) + translated.name() + text.substring(nameStart + name.length());
        }
        String setting = switch (style) {
            case ENV, COMPOSE_LIST -> translated.name() + "=" + translated.value();
            case COMPOSE_MAP -> translated.name() + ": \"" + translated.value() + "\"";
        };
        return text.substring(0, itemStart) + setting;
    }
}
