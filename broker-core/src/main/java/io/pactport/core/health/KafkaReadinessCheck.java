package io.pactport.core.health;

import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Node;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only while Kafka answers: asks the cluster for its nodes, with a deadline short enough for a readiness probe.
 * (Quarkus' own Kafka check waits for the admin client's 60 s API timeout when the cluster is unreachable.)
 */
@Readiness
@ApplicationScoped
public class KafkaReadinessCheck implements HealthCheck {

    static final String NAME = "Kafka connection health check";
    private static final Duration DEADLINE = Duration.ofSeconds(3);

    private final AdminClient admin;

    KafkaReadinessCheck(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig) {
        Map<String, Object> config = new HashMap<>();
        // the application's kafka.* settings (bootstrap servers, security), as far as they concern an admin client
        kafkaConfig.forEach((key, value) -> {
            if (AdminClientConfig.configNames().contains(key)) {
                config.put(key, value.toString());
            }
        });
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) DEADLINE.toMillis());
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) DEADLINE.toMillis());
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, "pactport-readiness");
        this.admin = AdminClient.create(config);
    }

    @Override
    public HealthCheckResponse call() {
        try {
            Collection<Node> nodes = admin.describeCluster(
                            new DescribeClusterOptions().timeoutMs((int) DEADLINE.toMillis()))
                    .nodes()
                    .get();
            return HealthCheckResponse.named(NAME)
                    .up()
                    .withData(
                            "nodes",
                            nodes.stream().map(n -> n.host() + ":" + n.port()).collect(Collectors.joining(",")))
                    .build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return down("interrupted");
        } catch (Exception e) {
            return down(e.getCause() != null ? e.getCause().getMessage() : e.getMessage());
        }
    }

    private static HealthCheckResponse down(String reason) {
        return HealthCheckResponse.named(NAME)
                .down()
                .withData("reason", String.valueOf(reason))
                .build();
    }

    @PreDestroy
    void close() {
        admin.close(Duration.ofSeconds(1));
    }
}
