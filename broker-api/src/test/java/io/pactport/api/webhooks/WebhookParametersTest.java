package io.pactport.api.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pactport.api.pacts.MetadataCodec;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class WebhookParametersTest {

    private static final String BASE = "https://broker.example.org";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static WebhookFacts verified(Boolean success) {
        return new WebhookFacts(
                "Foo Consumer",
                "Bar",
                "1.0.0",
                List.of("dev", "prod"),
                "feat/x",
                "abc123",
                List.of("team-a"),
                List.of(),
                success == null ? null : 7,
                success,
                success == null ? null : "2.0.0",
                success == null ? List.of() : List.of("main"),
                success == null ? null : "main");
    }

    @Test
    void everyParameterHasAValueAndTheDocumentedNamesAreExactlyThese() {
        Map<String, String> p = WebhookParameters.of(
                verified(true),
                JSON.createObjectNode().put("event_name", "contract_published").put("build_url", "http://ci/1"),
                BASE);
        assertThat(p.keySet()).containsExactlyInAnyOrderElementsOf(WebhookParameters.NAMES);
        assertThat(p)
                .containsEntry("pactbroker.consumerName", "Foo Consumer")
                .containsEntry("pactbroker.consumerVersionNumber", "1.0.0")
                .containsEntry("pactbroker.consumerVersionTags", "dev, prod")
                .containsEntry("pactbroker.consumerVersionBranch", "feat/x")
                .containsEntry("pactbroker.providerVersionNumber", "2.0.0")
                .containsEntry("pactbroker.providerVersionTags", "main")
                .containsEntry("pactbroker.providerVersionBranch", "main")
                .containsEntry("pactbroker.consumerLabels", "team-a")
                .containsEntry("pactbroker.eventName", "contract_published")
                .containsEntry("pactbroker.buildUrl", "http://ci/1")
                .containsEntry(
                        "pactbroker.verificationResultUrl",
                        BASE
                                + "/pacts/provider/Bar/consumer/Foo%20Consumer/pact-version/abc123/verification-results/7");
    }

    @Test
    void gitStatusesFollowTheVerification() {
        Map<String, String> pending = WebhookParameters.of(verified(null), JSON.createObjectNode(), BASE);
        Map<String, String> success = WebhookParameters.of(verified(true), JSON.createObjectNode(), BASE);
        Map<String, String> failure = WebhookParameters.of(verified(false), JSON.createObjectNode(), BASE);
        assertThat(List.of(pending, success, failure))
                .extracting(p -> p.get("pactbroker.githubVerificationStatus"))
                .containsExactly("pending", "success", "failure");
        assertThat(List.of(pending, success, failure))
                .extracting(p -> p.get("pactbroker.bitbucketVerificationStatus"))
                .containsExactly("INPROGRESS", "SUCCESSFUL", "FAILED");
        assertThat(List.of(pending, success, failure))
                .extracting(p -> p.get("pactbroker.azureDevOpsVerificationStatus"))
                .containsExactly("pending", "succeeded", "failed");
        assertThat(List.of(pending, success, failure))
                .extracting(p -> p.get("pactbroker.gitlabVerificationStatus"))
                .containsExactly("pending", "success", "failed");
        assertThat(pending.get("pactbroker.verificationResultUrl")).isEmpty();
    }

    @Test
    void theEventContextWinsOverThePactAndVerification() {
        ObjectNode context = JSON.createObjectNode()
                .put("consumer_version_number", "0.9")
                .put("provider_version_number", "3.0")
                .put("currently_deployed_provider_version_number", "2.9");
        context.putNull("consumer_version_branch");
        context.putArray("consumer_version_tags").add("selected");
        context.putArray("provider_version_descriptions")
                .add("latest from main branch")
                .add("deployed in prod");
        Map<String, String> p = WebhookParameters.of(verified(true), context, BASE);
        assertThat(p)
                .containsEntry("pactbroker.consumerVersionNumber", "0.9")
                .containsEntry("pactbroker.providerVersionNumber", "3.0")
                .containsEntry("pactbroker.consumerVersionBranch", "")
                .containsEntry("pactbroker.consumerVersionTags", "selected")
                .containsEntry("pactbroker.providerVersionDescriptions", "latest from main branch, deployed in prod")
                .containsEntry("pactbroker.currentlyDeployedProviderVersionNumber", "2.9");
    }

    @Test
    void thePactUrlCarriesTheWebhookMetadata() {
        String url = WebhookParameters.of(verified(null), JSON.createObjectNode(), BASE)
                .get("pactbroker.pactUrl");
        String prefix = BASE + "/pacts/provider/Bar/consumer/Foo%20Consumer/pact-version/abc123/metadata/";
        assertThat(url).startsWith(prefix);
        String metadata =
                new String(Base64.getUrlDecoder().decode(url.substring(prefix.length())), StandardCharsets.UTF_8);
        assertThat(metadata).isEqualTo("cvn=1.0.0&cvt%5B%5D=dev&cvt%5B%5D=prod&w=true");
        assertThat(MetadataCodec.decode(url.substring(prefix.length())))
                .containsEntry("cvn", "1.0.0")
                .containsEntry("cvt", List.of("dev", "prod"));
    }

    @Test
    void urlValuesAreFormEncodedAndOtherTemplatesTakeThemAsTheyAre() {
        Map<String, String> p = Map.of("pactbroker.consumerVersionBranch", "feat/a b&c");
        assertThat(WebhookParameters.render(
                        "https://ci/x?b=${pactbroker.consumerVersionBranch}", p, WebhookParameters::urlEscape))
                .isEqualTo("https://ci/x?b=feat%2Fa+b%26c");
        assertThat(WebhookParameters.render(
                        "{\"b\":\"${pactbroker.consumerVersionBranch}\"}", p, UnaryOperator.identity()))
                .isEqualTo("{\"b\":\"feat/a b&c\"}");
        assertThat(WebhookParameters.render(
                        "${pactbroker.unknown} $1 \\ ${pactbroker.consumerVersionBranch}", p, UnaryOperator.identity()))
                .isEqualTo("${pactbroker.unknown} $1 \\ feat/a b&c");
    }
}
