package io.pactport.core.testing;

/** How the tests get their infrastructure: in-process by default, Testcontainers when asked and possible. */
final class TestInfra {

    static final String CONTAINERS_PROPERTY = "pactport.test.containers";

    private TestInfra() {}

    static boolean useContainers() {
        if (!Boolean.getBoolean(CONTAINERS_PROPERTY)) {
            return false;
        }
        if (!org.testcontainers.DockerClientFactory.instance().isDockerAvailable()) {
            throw new IllegalStateException("-D" + CONTAINERS_PROPERTY + "=true was given but no Docker engine answers;"
                    + " drop the flag to run against the embedded PostgreSQL and Kafka");
        }
        return true;
    }
}
