package io.pactport.api.events;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Records what the application logs from before it starts: a handler on the root logger, installed by a test resource
 * (resources start before the application). The test finds it on the root logger as a {@code Supplier} of JDK log
 * records, types the test's and the resource's class loaders share.
 */
public class StartupLogCapture implements QuarkusTestResourceLifecycleManager {

    private Recorder recorder;

    @Override
    public Map<String, String> start() {
        recorder = new Recorder();
        Logger.getLogger("").addHandler(recorder);
        return Map.of();
    }

    @Override
    public void stop() {
        Logger.getLogger("").removeHandler(recorder);
    }

    /** The records captured since the application started. */
    @SuppressWarnings("unchecked")
    static List<LogRecord> records() {
        for (Handler handler : Logger.getLogger("").getHandlers()) {
            if (handler.getClass().getName().equals(Recorder.class.getName())) {
                return ((Supplier<List<LogRecord>>) handler).get();
            }
        }
        throw new IllegalStateException("no " + StartupLogCapture.class.getSimpleName() + " on the root logger");
    }

    private static final class Recorder extends Handler implements Supplier<List<LogRecord>> {
        private final List<LogRecord> records = new ArrayList<>();

        @Override
        public synchronized void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public synchronized List<LogRecord> get() {
            return List.copyOf(records);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    }
}
