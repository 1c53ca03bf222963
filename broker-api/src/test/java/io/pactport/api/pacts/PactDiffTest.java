package io.pactport.api.pacts;

import static io.pactport.api.ApiFixture.pact;
import static io.pactport.api.ApiFixture.putPact;
import static io.pactport.api.ApiFixture.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.pactport.core.pact.PactContent;
import io.pactport.core.pact.PactDiff;
import io.pactport.core.testing.KafkaResource;
import io.pactport.core.testing.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The previous distinct pact and the Pact Broker 2.120's text diffs: versions 1 and 2 hold one content, 3 and 4
 * another, so the pact before 4 with other content is 2's, and 2 has none before it.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class PactDiffTest {

    private String consumer;
    private String provider;
    private String integration;
    private String first;
    private String second;

    @BeforeEach
    void publish() {
        consumer = unique("DiffConsumer");
        provider = unique("DiffProvider");
        integration = "/pacts/provider/" + provider + "/consumer/" + consumer;
        first = pact(consumer, provider, "a request");
        second = pact(consumer, provider, "a request", "another request");
        putPact(consumer, provider, "1", first).statusCode(201);
        putPact(consumer, provider, "2", first).statusCode(201);
        putPact(consumer, provider, "3", second).statusCode(201);
        putPact(consumer, provider, "4", second).statusCode(201);
    }

    private static String text(String path) {
        Response response = given().get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        assertThat(response.contentType()).as(path).startsWith("text/plain");
        return response.asString();
    }

    /** The page's first lines for a diff of version 4 with {@code from}. */
    private String expectedHeader(String from) {
        return "# Diff between versions " + from + " and 4 of the pact between " + consumer + " and " + provider
                + "\n\nThe following changes were made less than a minute ago (";
    }

    @Test
    void thePreviousDistinctPactIsTheLatestEarlierOneWithOtherContent() {
        Response response = given().get(integration + "/version/4/previous-distinct");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.contentType()).isEqualTo("application/hal+json;charset=utf-8");
        assertThat(response.jsonPath().getString("_links.self.href")).endsWith(integration + "/version/2");
        assertThat(response.jsonPath().getList("interactions")).hasSize(1);

        Response none = given().get(integration + "/version/2/previous-distinct");
        assertThat(none.statusCode()).isEqualTo(404);
        assertThat(none.jsonPath().getString("error"))
                .isEqualTo("No previous distinct version was found for Pact" + " between " + consumer + " (2) and "
                        + provider);
    }

    @Test
    void theDiffWithThePreviousDistinctPactIsThePactBrokersPage() {
        String page = text(integration + "/version/4/diff/previous-distinct");

        assertThat(page).startsWith(expectedHeader("2"));
        assertThat(page).matches("(?s).*\\(\\w{3} \\d{2} \\w{3} \\d{4}, \\d{1,2}:\\d{2}[ap]m \\+00:00\\)\n\n.*");
        assertThat(page)
                .contains("\n\n" + PactDiff.between(first, second) + "\n\n## Links\n\npact-version:\n"
                        + "  title: Pact\n  name: Pact between " + consumer + " (4) and " + provider + "\n  href: ");
        assertThat(page)
                .contains(integration + "/version/4\ncomparison-pact-version:\n  title: Pact\n"
                        + "  name: Pact between " + consumer + " (2) and " + provider + "\n  href: ");
        assertThat(page).endsWith(integration + "/version/2\n");
    }

    @Test
    void withNothingBeforeItTheDiffSaysSo() {
        assertThat(text(integration + "/version/2/diff/previous-distinct"))
                .isEqualTo("No previous distinct version" + " was found for Pact between " + consumer + " (2) and "
                        + provider);
    }

    @Test
    void theDiffWithANamedVersionComparesWithThatVersionsPact() {
        String page = text(integration + "/version/4/diff/version/1");

        assertThat(page).startsWith(expectedHeader("1"));
        assertThat(page).endsWith(integration + "/version/1\n");
    }

    @Test
    void theDiffOfTwoContentsComparesTheirLatestPublications() {
        String page =
                text(integration + "/pact-version/" + PactContent.parse(second).sha() + "/diff/pact-version/"
                        + PactContent.parse(first).sha());

        assertThat(page).startsWith(expectedHeader("2"));
    }

    @Test
    void diffsNamingAPactThatDoesNotExistAre404InJson() {
        for (String path : new String[] {
            integration + "/version/9/diff/previous-distinct",
            integration + "/version/4/diff/version/9",
            integration + "/version/9/previous-distinct",
            integration + "/pact-version/0000/diff/pact-version/"
                    + PactContent.parse(first).sha()
        }) {
            Response response = given().get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.jsonPath().getString("error")).as(path).startsWith("No pact found between " + consumer);
        }
    }
}
