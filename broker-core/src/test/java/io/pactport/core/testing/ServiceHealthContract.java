package io.pactport.core.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItems;

import org.junit.jupiter.api.Test;

/**
 * What every long-running service must show an operator. A service's {@code HealthTest} extends this with
 * {@code @QuarkusTest} and the PostgreSQL and Kafka resources.
 */
public abstract class ServiceHealthContract {

    @Test
    void readinessChecksPostgresAndKafkaForReal() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Database connections health check", "Kafka connection health check"))
                .body("checks.status", everyItem(equalTo("UP")));
    }

    @Test
    void servesPrometheusMetrics() {
        given().when().get("/q/metrics")
                .then().statusCode(200)
                .body(containsString("jvm_memory_used_bytes"));
    }
}
