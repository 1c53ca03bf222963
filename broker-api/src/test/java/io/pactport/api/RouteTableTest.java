package io.pactport.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.pactport.core.testing.KafkaResource;
import io.pactport.core.testing.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every route of the Pact Broker 2.120 ({@code pact-broker-routes.tsv}, our own list) answers as the Pact Broker does
 * over a seeded dataset: each read 200, each write anything but "no such route" (404), "no such method" (405) or a
 * server error. What each route answers in detail is its feature's own test.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class RouteTableTest {

    /** One line of the table: the methods the Pact Broker allows on the path (besides OPTIONS). */
    record Route(List<String> methods, String path) {}

    static List<Route> routes() {
        List<Route> routes = new ArrayList<>();
        try (var reader = new BufferedReader(new InputStreamReader(
                RouteTableTest.class.getResourceAsStream("/pact-broker-routes.tsv"), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    String[] columns = line.split("\t");
                    routes.add(new Route(List.of(columns[0].split(",")), columns[1]));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return routes;
    }

    @Test
    void theTableHoldsThePactBrokersRoutes() {
        assertThat(routes()).hasSizeGreaterThanOrEqualTo(100);
    }

    @Test
    void everyReadAnswers200() {
        RouteDataset data = RouteDataset.seed();
        List<String> failures = new ArrayList<>();
        for (Route route : routes()) {
            if (route.methods().contains("GET")) {
                String path = data.fill(route.path());
                int status = given().accept("*/*")
                        .urlEncodingEnabled(false)
                        .when()
                        .get(path)
                        .statusCode();
                if (status != 200) {
                    failures.add("GET " + route.path() + " -> " + status);
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    /**
     * Each write on a dataset of its own, since deletes take what the next would need. The body is the least a client
     * sends ({@code {}}): most writes refuse it with a 400, which proves the route is there without changing anything.
     */
    @Test
    void everyWriteIsServed() {
        List<String> failures = new ArrayList<>();
        RouteDataset shared = RouteDataset.seed();
        for (Route route : routes()) {
            for (String method : route.methods()) {
                if (method.equals("GET")) {
                    continue;
                }
                RouteDataset data = method.equals("DELETE") ? RouteDataset.seed() : shared;
                String path = data.fill(route.path());
                int status = given().contentType(
                                method.equals("PATCH") ? "application/merge-patch+json" : "application/json")
                        .body("{}")
                        .urlEncodingEnabled(false)
                        .when()
                        .request(method, path)
                        .statusCode();
                if (status == 404 || status == 405 || status >= 500) {
                    failures.add(method + " " + route.path() + " -> " + status);
                }
            }
        }
        assertThat(failures).isEmpty();
    }
}
