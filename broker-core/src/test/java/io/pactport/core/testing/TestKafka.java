package io.pactport.core.testing;

import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * The Kafka of one test JVM: an in-process single-node KRaft cluster (Kafka's own test kit) by default, a Testcontainers
 * container when {@code -Dpactport.test.containers=true}. Tests keep apart by topic and group names, not by cluster.
 */
public final class TestKafka {

    /** Held so the level sticks: the broker's INFO lines would drown the tests' own output. */
    private static final java.util.logging.Logger[] QUIET = {
        java.util.logging.Logger.getLogger("kafka"),
        java.util.logging.Logger.getLogger("org.apache.kafka"),
        java.util.logging.Logger.getLogger("state.change.logger")
    };

    /** Where the running cluster is, so that another class loader in the same JVM reuses it. */
    private static final String CLUSTER_PROPERTY = "pactport.test.kafka";

    private TestKafka() {}

    /** The bootstrap servers of the shared cluster, starting it on first use. */
    public static synchronized String bootstrapServers() {
        String bootstrapServers = System.getProperty(CLUSTER_PROPERTY);
        if (bootstrapServers == null) {
            for (var logger : QUIET) {
                logger.setLevel(java.util.logging.Level.WARNING);
            }
            // an in-process broker must never end the test JVM: a fault while it stops with the JVM would otherwise
            // turn
            // a green run into a failed fork (Kafka's own tests replace these procedures too)
            org.apache.kafka.common.utils.Exit.setExitProcedure((status, message) ->
                    System.err.println("in-process Kafka asked to exit (" + status + "): " + message));
            org.apache.kafka.common.utils.Exit.setHaltProcedure((status, message) ->
                    System.err.println("in-process Kafka asked to halt (" + status + "): " + message));
            if (TestInfra.useContainers()) {
                var container = new org.testcontainers.kafka.KafkaContainer("apache/kafka:4.1.1");
                container.start();
                bootstrapServers = container.getBootstrapServers();
            } else {
                KafkaClusterTestKit kit = startTestKit();
                bootstrapServers = kit.bootstrapServers();
            }
            // no shutdown hook closes the cluster: stopping a broker while the JVM goes down raced with its own
            // threads,
            // and the process ends with the JVM anyway
            System.setProperty(CLUSTER_PROPERTY, bootstrapServers);
        }
        return bootstrapServers;
    }

    private static KafkaClusterTestKit startTestKit() {
        try {
            KafkaClusterTestKit kit = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                            .setCombined(true)
                            .setNumBrokerNodes(1)
                            .setNumControllerNodes(1)
                            .build())
                    // single node: internal topics must not ask for more replicas than there are brokers
                    .setConfigProp("offsets.topic.replication.factor", "1")
                    .setConfigProp("offsets.topic.num.partitions", "4")
                    .setConfigProp("transaction.state.log.replication.factor", "1")
                    .setConfigProp("transaction.state.log.min.isr", "1")
                    .setConfigProp("share.coordinator.state.topic.replication.factor", "1")
                    .setConfigProp("share.coordinator.state.topic.min.isr", "1")
                    .setConfigProp("group.initial.rebalance.delay.ms", "0")
                    .build();
            kit.format();
            kit.startup();
            kit.waitForReadyBrokers();
            return kit;
        } catch (Exception e) {
            throw new IllegalStateException("could not start the in-process Kafka", e);
        }
    }
}
