package io.pactport.core.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * A fresh PostgreSQL database that the service reaches through a {@link FreezingProxy}, injected into the test's
 * {@code FreezingProxy} field, so a test can make the database stop answering and come back.
 */
public class FreezablePostgresResource implements QuarkusTestResourceLifecycleManager {

    private TestDatabase database;
    private FreezingProxy proxy;

    @Override
    public Map<String, String> start() {
        database = TestPostgres.newDatabase("frozen");
        proxy = new FreezingProxy(database.host(), database.port());
        TestDatabase throughProxy =
                new TestDatabase("127.0.0.1", proxy.port(), database.name(), database.username(), database.password());
        return throughProxy.quarkusConfig();
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(proxy, new TestInjector.MatchesType(FreezingProxy.class));
        injector.injectIntoFields(database, new TestInjector.MatchesType(TestDatabase.class));
    }

    @Override
    public void stop() {
        proxy.close();
    }
}
