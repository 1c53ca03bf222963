package io.pactport.core.testing;

import io.pactport.core.config.DatabaseSettings;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** A fresh PostgreSQL database for a Quarkus test, handed over as {@code PACTFLOW_DATABASE_URL}, as operators do. */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {

    /**
     * Where the most recently started resource's database is, for tests that get no injection (QuarkusMainTest). A system
     * property, because the resource and the test class may live in different class loaders.
     */
    private static final String CURRENT = "pactport.test.database.url";

    private TestDatabase database;

    @Override
    public Map<String, String> start() {
        database = TestPostgres.newDatabase("quarkus");
        System.setProperty(CURRENT, database.rubyUrl());
        return database.quarkusConfig();
    }

    public static TestDatabase current() {
        DatabaseSettings s = DatabaseSettings.parseUrl(System.getProperty(CURRENT));
        return new TestDatabase(s.host(), s.port(), s.name(), s.username(), s.password());
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
