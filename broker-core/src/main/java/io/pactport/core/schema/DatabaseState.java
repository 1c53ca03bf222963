package io.pactport.core.schema;

import java.util.List;

/** What a database is, as far as migrating it goes. */
public sealed interface DatabaseState {

    /** One line for operators. */
    String describe();

    /** No tables at all: Pactport creates the Pact Broker layout (V1) and its own tables. */
    record Empty() implements DatabaseState {
        @Override
        public String describe() {
            return "an empty database";
        }
    }

    /**
     * A Pact Broker database that Pactport has not touched.
     *
     * @param schemaVersion the numeric prefix of the greatest {@code schema_migrations} filename, as the Ruby broker
     *        reports it (e.g. 20260217)
     * @param appliedMigrations rows in {@code schema_migrations}
     */
    record PactBroker(long schemaVersion, int appliedMigrations) implements DatabaseState {
        @Override
        public String describe() {
            return "a Pact Broker database at schema " + schemaVersion + " ("
                    + PactBrokerReleases.describe(schemaVersion) + ", " + appliedMigrations + " migrations applied)";
        }
    }

    /**
     * A Pactport database.
     *
     * @param version the last applied Pactport migration
     * @param pending Pactport migrations this build has that the database lacks
     */
    record Pactport(String version, List<String> pending) implements DatabaseState {
        @Override
        public String describe() {
            return "a Pactport database at V" + version
                    + (pending.isEmpty()
                            ? ", up to date"
                            : ", " + pending.size() + " migration(s) pending: " + pending);
        }
    }

    /** Tables that belong to neither: Pactport will not touch them. */
    record Unrecognised(List<String> tables) implements DatabaseState {
        @Override
        public String describe() {
            return "a database that is neither a Pact Broker's nor Pactport's (tables: "
                    + String.join(", ", tables.subList(0, Math.min(tables.size(), 10)))
                    + (tables.size() > 10 ? ", …" : "") + ")";
        }
    }
}
