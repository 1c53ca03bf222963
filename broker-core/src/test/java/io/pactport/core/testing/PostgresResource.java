package io.pactport.core.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** A fresh PostgreSQL database for a Quarkus test, handed over as {@code PACTFLOW_DATABASE_URL}, as operators do. */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {

    private TestDatabase database;

    @Override
    public Map<String, String> start() {
        database = TestPostgres.newDatabase("quarkus");
        return database.quarkusConfig();
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(database, new TestInjector.MatchesType(TestDatabase.class));
    }

    @Override
    public void stop() {
        // the database is dropped with the server when the JVM ends; nothing shares it meanwhile
    }
}
