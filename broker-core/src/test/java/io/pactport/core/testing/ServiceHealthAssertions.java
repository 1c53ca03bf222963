package io.pactport.core.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

/** What every long-running service must show an operator: readiness that checks PostgreSQL and Kafka, and metrics. */
public final class ServiceHealthAssertions {

    private ServiceHealthAssertions() {
    }

    /** {@code /q/health/ready} is UP, and its checks include the database and Kafka, each UP. */
    public static void readyWithDatabaseAndKafka() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Database connections health check", "Kafka connection health check"))
                .body("checks.status", org.hamcrest.Matchers.everyItem(equalTo("UP")));
    }

    /** {@code /q/metrics} serves Prometheus text with the JVM's and the HTTP server's meters. */
    public static void servesPrometheusMetrics() {
        given().when().get("/q/metrics")
                .then().statusCode(200)
                .body(containsString("jvm_memory_used_bytes"));
    }
}
