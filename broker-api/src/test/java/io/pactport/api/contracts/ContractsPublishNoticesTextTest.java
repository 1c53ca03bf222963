package io.pactport.api.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import io.pactport.api.contracts.ContractsPublishRepository.SetupState;
import io.pactport.api.contracts.ContractsPublishService.Notice;
import io.pactport.api.pacts.PactPublication;
import io.pactport.api.pacts.PactPublishService.Outcome;
import io.pactport.api.pacts.PactPublishService.Published;
import io.pactport.api.webhooks.WebhookTriggers;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The notice forms a running broker-api reaches only with dangerous contract modification allowed, and the Ruby string
 * escaping of webhook descriptions, against the Pact Broker 2.120's texts.
 */
class ContractsPublishNoticesTextTest {

    private static PactPublication pact(String sha) {
        return new PactPublication(1, 1, "Foo", 2, "Bar", 3, "1", 1, 1, 4, sha, "{}", null);
    }

    @Test
    void changedContentOverwrittenUnderAPublishedVersionIsAWarning() {
        Published overwritten = new Published(
                pact("new"),
                Outcome.OVERWRITTEN,
                Optional.of(pact("old")),
                List.of(
                        new WebhookTriggers.DetectedEvent("contract_published", null, List.of()),
                        new WebhookTriggers.DetectedEvent(
                                "contract_content_changed",
                                "pact content modified since previous publication for Foo version 1",
                                List.of())));

        List<Notice> notices = ContractsPublishNotices.forPact(
                "Foo", "1", false, overwritten, "http://b/pact", new SetupState(true, true));

        assertThat(notices)
                .containsExactly(
                        new Notice(
                                "warning",
                                "Pact with changed content published over existing content for Foo version 1"
                                        + " and provider Bar. This is not recommended in normal circumstances and may indicate that"
                                        + " you have not configured your Pact pipeline correctly. For more information see"
                                        + " https://docs.pact.io/go/versioning"),
                        new Notice("debug", "  View the published pact at http://b/pact"),
                        new Notice(
                                "debug",
                                "  Events detected: contract_published, contract_content_changed (pact content"
                                        + " modified since previous publication for Foo version 1)"),
                        new Notice("debug", "  No enabled webhooks found for the detected events"));
    }

    @Test
    void aWebhookWithoutDescriptionIsNamedByItsUuid() {
        Published published = new Published(
                pact("a"),
                Outcome.CREATED,
                Optional.empty(),
                List.of(new WebhookTriggers.DetectedEvent(
                        "contract_published",
                        null,
                        List.of(new WebhookTriggers.TriggeredWebhook("t-1", "w-1", null, "http://b")))));

        assertThat(ContractsPublishNotices.forPact(
                        "Foo", "1", false, published, "http://b/pact", new SetupState(true, true)))
                .contains(new Notice(
                        "debug",
                        "  Webhook w-1 triggered for event"
                                + " contract_published.\n    View logs at http://b/triggered-webhooks/t-1/logs"));
    }

    @Test
    void webhookDescriptionsAreQuotedAsRubyInspectsThem() {
        assertThat(RubyInspect.string("Build orders")).isEqualTo("\"Build orders\"");
        assertThat(RubyInspect.string("say \"hi\" \\ now")).isEqualTo("\"say \\\"hi\\\" \\\\ now\"");
        assertThat(RubyInspect.string("a\nb\tc\u001b")).isEqualTo("\"a\\nb\\tc\\e\"");
        assertThat(RubyInspect.string("#{x} #$y #@z # é")).isEqualTo("\"\\#{x} \\#$y \\#@z # é\"");
        assertThat(RubyInspect.string("\u0001")).isEqualTo("\"\\u0001\"");
    }
}
