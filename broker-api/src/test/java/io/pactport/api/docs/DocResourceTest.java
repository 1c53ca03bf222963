package io.pactport.api.docs;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.pactport.core.testing.KafkaResource;
import io.pactport.core.testing.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** {@code GET /doc/{rel}}: a page for every relation the code names, and 404 for others. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class DocResourceTest {

    private static final Pattern REL = Pattern.compile("\"(?:pb|beta):([a-z0-9_-]+)\"");

    /** Relations built from parts rather than written out: a webhook's pb:consumers and pb:providers (by label). */
    private static final Set<String> BUILT = Set.of("consumer", "provider", "consumers", "providers");

    /** Every {@code pb:} and {@code beta:} relation named in broker-api's main code. */
    private static Set<String> relsInCode() {
        Set<String> rels = new TreeSet<>(BUILT);
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            files.filter(f -> f.toString().endsWith(".java")).forEach(f -> {
                try {
                    Matcher m = REL.matcher(Files.readString(f));
                    while (m.find()) {
                        rels.add(m.group(1));
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rels;
    }

    @Test
    void everyRelationTheCodeNamesHasAPage() {
        Set<String> rels = relsInCode();
        assertThat(rels).hasSizeGreaterThan(60).contains("pacticipant", "provider-pacts-for-verification");

        for (String rel : rels) {
            Response response = given().when().get("/doc/{rel}?context=index", rel);
            assertThat(response.statusCode()).as(rel).isEqualTo(200);
            assertThat(response.contentType()).as(rel).startsWith("text/html");
            assertThat(response.asString()).as(rel).contains("<h1>" + rel + "</h1>", "<h2>Example</h2>");
        }
    }

    @Test
    void theWebhookCuriesPagesAndTheWhitelistSectionExist() {
        for (String rel : new String[] {"webhooks-create", "webhooks-webhooks", "webhooks-consumer", "webhooks"}) {
            given().when().get("/doc/{rel}", rel).then().statusCode(200);
        }
        assertThat(given().get("/doc/webhooks").asString())
                .contains("id=\"whitelist\"", "PACTFLOW_WEBHOOK_HOST_WHITELIST");
    }

    @Test
    void pagesArePlainAccessibleHtmlWithoutExternalAssets() {
        String page = given().get("/doc/matrix?context=pact").asString();

        assertThat(page)
                .startsWith("<!DOCTYPE html>")
                .contains("<html lang=\"en\">", "<title>matrix</title>", "<main>");
        assertThat(page).doesNotContain("<script", "<link", "<img", "http://", "https://");
        assertThat(page).contains("q[][pacticipant]=Consumer&amp;q[][version]");
    }

    @Test
    void anUnknownRelationIsNotFoundAndItsNameIsEscaped() {
        Response response = given().when().get("/doc/{rel}", "<b>nope");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("text/html");
        assertThat(response.asString()).contains("&lt;b&gt;nope").doesNotContain("<b>");
    }
}
