package io.pactport.core.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * A PostgreSQL database for a Quarkus test, handed over as {@code PACTFLOW_DATABASE_URL}, as operators do: a fresh one
 * per start, or a named one (see {@link #init}) that stays the same across starts, for tests whose app starts more than
 * once ({@code @QuarkusMainTest} starts it at every launch).
 */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {

    private TestDatabase database;
    private String name;

    /** {@code @ResourceArg(name = "database", value = "...")} asks for a named database, the same one at every start. */
    @Override
    public void init(Map<String, String> initArgs) {
        name = initArgs.get("database");
    }

    @Override
    public Map<String, String> start() {
        database = name == null ? TestPostgres.newDatabase("quarkus") : TestPostgres.database(name);
        return database.quarkusConfig();
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(database, new TestInjector.MatchesType(TestDatabase.class));
    }

    @Override
    public void stop() {
        // the database goes with the server when the JVM ends; nothing else shares it meanwhile
    }
}
