package io.pactport.api.http;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Timestamps as the Pact Broker writes them in JSON: UTC to the second with an explicit offset, {@code 2026-11-22T12:00:00+00:00}. */
public final class Timestamps {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");

    private Timestamps() {}

    /** The stored UTC time (a {@code timestamp without time zone}) in the Pact Broker's JSON form; null stays null. */
    public static String format(LocalDateTime utc) {
        return utc == null ? null : utc.atOffset(ZoneOffset.UTC).format(FORMAT);
    }
}
