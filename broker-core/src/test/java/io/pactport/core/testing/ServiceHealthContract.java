package io.pactport.core.testing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.restassured.path.json.JsonPath;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.junit.jupiter.api.Test;

/**
 * What every long-running service must show an operator: health, metrics and a description of its whole API. A service's
 * {@code HealthTest} extends this with {@code @QuarkusTest} and the PostgreSQL and Kafka resources, in the service's root
 * package (whose JAX-RS resources the OpenAPI check enumerates).
 */
public abstract class ServiceHealthContract {

    @Test
    void readinessChecksPostgresAndKafkaForReal() {
        JsonPath health = given().when()
                .get("/q/health/ready")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(health.getString("status")).isEqualTo("UP");
        assertThat(health.getList("checks.name", String.class))
                .contains("Database connections health check", "Kafka connection health check");
        assertThat(health.getList("checks.status", String.class)).allMatch("UP"::equals, "UP");
    }

    @Test
    void servesPrometheusMetrics() {
        String metrics = given().when()
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(metrics).contains("jvm_memory_used_bytes");
    }

    @Test
    void openApiDescribesEveryRouteWithItsRefusals() throws Exception {
        JsonNode document = new ObjectMapper()
                .readTree(given().queryParam("format", "json")
                        .when()
                        .get("/q/openapi")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString());
        assertThat(document.path("openapi").asText()).startsWith("3.");
        TreeSet<String> routes = jaxRsRoutes(getClass().getPackageName());
        assertThat(routes).as("the service's JAX-RS routes").isNotEmpty();
        List<String> missing = new ArrayList<>();
        for (String route : routes) {
            String method = route.substring(0, route.indexOf(' '));
            String path = route.substring(route.indexOf(' ') + 1);
            JsonNode operation = document.path("paths").path(path).path(method.toLowerCase());
            if (operation.isMissingNode()) {
                missing.add(route);
            } else {
                assertThat(operation.path("responses").has("401"))
                        .as("401 of %s", route)
                        .isTrue();
            }
        }
        assertThat(missing).as("routes missing from /q/openapi").isEmpty();
        List<String> refs = new ArrayList<>();
        collectRefs(document, refs);
        assertThat(refs)
                .isNotEmpty()
                .allSatisfy(ref -> assertThat(document.at(ref.substring(1)).isMissingNode())
                        .as("%s resolves", ref)
                        .isFalse());
    }

    /**
     * {@code "GET /pacts/provider/{provider}"} for every resource method of the service, as OpenAPI writes paths; but
     * not the web UI's pages and forms, which are hidden from the API's description on purpose.
     */
    private static TreeSet<String> jaxRsRoutes(String servicePackage) {
        TreeSet<String> routes = new TreeSet<>();
        for (JavaClass type : new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(servicePackage)) {
            String base =
                    type.tryGetAnnotationOfType(Path.class).map(Path::value).orElse(null);
            if (base == null) {
                continue;
            }
            for (JavaMethod method : type.getMethods()) {
                if (method.tryGetAnnotationOfType(Operation.class)
                        .map(Operation::hidden)
                        .orElse(false)) {
                    continue;
                }
                for (Map.Entry<Class<? extends Annotation>, String> verb : VERBS.entrySet()) {
                    if (method.isAnnotatedWith(verb.getKey())) {
                        String sub = method.tryGetAnnotationOfType(Path.class)
                                .map(Path::value)
                                .orElse("");
                        routes.add(verb.getValue() + " " + openApiPath(base, sub));
                    }
                }
            }
        }
        return routes;
    }

    private static final Map<Class<? extends Annotation>, String> VERBS = Map.of(
            GET.class,
            "GET",
            POST.class,
            "POST",
            PUT.class,
            "PUT",
            PATCH.class,
            "PATCH",
            DELETE.class,
            "DELETE",
            HEAD.class,
            "HEAD",
            OPTIONS.class,
            "OPTIONS");

    /** Joined with single slashes, without a trailing one, and {@code {name: regex}} written {@code {name}}. */
    static String openApiPath(String base, String sub) {
        String joined = ("/" + base + "/" + sub).replaceAll("/+", "/");
        if (joined.length() > 1 && joined.endsWith("/")) {
            joined = joined.substring(0, joined.length() - 1);
        }
        return joined.replaceAll("\\{\\s*([\\w.-]+)\\s*:[^}]*}", "{$1}");
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> {
                if (field.getKey().equals("$ref") && field.getValue().isTextual()) {
                    refs.add(field.getValue().asText());
                } else {
                    collectRefs(field.getValue(), refs);
                }
            });
        } else if (node.isArray()) {
            node.forEach(child -> collectRefs(child, refs));
        }
    }
}
