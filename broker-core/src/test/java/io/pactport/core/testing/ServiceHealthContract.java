package io.pactport.core.testing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

/**
 * What every long-running service must show an operator. A service's {@code HealthTest} extends this with
 * {@code @QuarkusTest} and the PostgreSQL and Kafka resources.
 */
public abstract class ServiceHealthContract {

    @Test
    void readinessChecksPostgresAndKafkaForReal() {
        JsonPath health = given().when().get("/q/health/ready")
                .then().statusCode(200)
                .extract().jsonPath();
        assertThat(health.getString("status")).isEqualTo("UP");
        assertThat(health.getList("checks.name", String.class))
                .contains("Database connections health check", "Kafka connection health check");
        assertThat(health.getList("checks.status", String.class)).allMatch("UP"::equals, "UP");
    }

    @Test
    void servesPrometheusMetrics() {
        String metrics = given().when().get("/q/metrics")
                .then().statusCode(200)
                .extract().asString();
        assertThat(metrics).contains("jvm_memory_used_bytes");
    }
}
