package io.pactport.core.schema;

import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/** Which Pact Broker releases leave a database at which schema version (the last migration file they ship). */
public final class PactBrokerReleases {

    /** The Pact Broker schema Pactport's V1 is: migration 20260217, shipped by Pact Broker 2.119.0 and 2.120.0. */
    public static final long SUPPORTED_SCHEMA = 20260217L;

    public static final String SUPPORTED_RELEASE = "2.120.0";

    private static final NavigableMap<Long, String> RELEASES = new TreeMap<>(Map.of(
            20220625L, "Pact Broker 2.102–2.105",
            20230131L, "Pact Broker 2.106",
            20230428L, "Pact Broker 2.107",
            20231003L, "Pact Broker 2.108–2.113",
            20240112L, "Pact Broker 2.114–2.117",
            20251202L, "Pact Broker 2.118",
            20260217L, "Pact Broker 2.119–2.120"));

    private PactBrokerReleases() {}

    /** The releases that leave a database at {@code schemaVersion}, or an honest approximation. */
    public static String describe(long schemaVersion) {
        String exact = RELEASES.get(schemaVersion);
        if (exact != null) {
            return exact;
        }
        if (schemaVersion > RELEASES.lastKey()) {
            return "a Pact Broker newer than 2.120";
        }
        Map.Entry<Long, String> before = RELEASES.floorEntry(schemaVersion);
        return before == null
                ? "a Pact Broker older than 2.102"
                : "a Pact Broker between " + before.getValue() + " and the next release";
    }
}
