package io.pactport.api.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.pactport.core.testing.KafkaResource;
import io.pactport.core.testing.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

/** broker-api starts quietly: the relay waits for reactive messaging, and its poll is one the scheduler can keep. */
@QuarkusTest
@WithTestResource(StartupLogCapture.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class OutboxRelayStartTest {

    @Test
    void theFirstSecondsAfterStartLogNoErrorAndNeitherTheSchedulerNorTheRelayWarns() throws InterruptedException {
        // the relay's poll, the backlog count and the listener have all had their first turn by then
        Thread.sleep(3_000);

        // an application that ran before in this JVM may still log as the garbage collector finalizes its Vert.x
        // clients; Quarkus marks those lines, and they are not this start's
        List<LogRecord> records = StartupLogCapture.records().stream()
                .filter(r -> r.getMessage() == null || !r.getMessage().contains("[Error Occurred After Shutdown]"))
                .toList();

        assertThat(records).as("records captured from the start").isNotEmpty();
        assertThat(records)
                .filteredOn(r -> r.getLevel().intValue() >= Level.SEVERE.intValue())
                .extracting(OutboxRelayStartTest::describe)
                .isEmpty();
        assertThat(records)
                .filteredOn(r -> r.getLevel().intValue() >= Level.WARNING.intValue())
                .filteredOn(r -> r.getLoggerName() != null && r.getLoggerName().startsWith("io.quarkus.scheduler"))
                .extracting(OutboxRelayStartTest::describe)
                .isEmpty();
        // nor does the relay find a schema not yet migrated, or its listener no database
        assertThat(records)
                .filteredOn(r -> r.getLevel().intValue() >= Level.WARNING.intValue())
                .filteredOn(r -> r.getLoggerName() != null && r.getLoggerName().startsWith("io.pactport.api.events"))
                .extracting(OutboxRelayStartTest::describe)
                .isEmpty();
    }

    private static String describe(LogRecord record) {
        String message = record.getMessage();
        return record.getLevel() + " " + record.getLoggerName() + ": " + message
                + (record.getThrown() == null ? "" : " (" + record.getThrown() + ")");
    }
}
