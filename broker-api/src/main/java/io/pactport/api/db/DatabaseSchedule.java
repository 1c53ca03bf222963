package io.pactport.api.db;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.ObserverMethod;

/**
 * Whether scheduled database work may run now: from the end of start-up until shutdown begins. The scheduler starts
 * before the {@code @Startup} beans (2500), so a first run could come before broker-core's schema check had migrated
 * the tables it reads; and a run during shutdown only finds the pool closed. Both used to be logged as failures (an
 * error from PostgreSQL for a table not there yet, a failed webhook poll).
 */
@ApplicationScoped
public class DatabaseSchedule {

    private volatile boolean open;

    void start(@Observes @Priority(ObserverMethod.DEFAULT_PRIORITY + 500) StartupEvent event) {
        open = true;
    }

    void stop(@Observes ShutdownEvent event) {
        open = false;
    }

    public boolean open() {
        return open;
    }
}
