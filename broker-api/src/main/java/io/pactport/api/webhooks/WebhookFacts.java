package io.pactport.api.webhooks;

import java.util.List;

/**
 * What a webhook's template parameters are made of: the pact it runs for and the verification, if any (the triggering
 * one, else the latest of the pact's content), read when the webhook runs, as the Pact Broker reads them.
 *
 * @param verificationNumber null when there is no verification
 */
public record WebhookFacts(
        String consumerName,
        String providerName,
        String consumerVersionNumber,
        List<String> consumerVersionTags,
        String consumerVersionBranch,
        String sha,
        List<String> consumerLabels,
        List<String> providerLabels,
        Integer verificationNumber,
        Boolean verificationSuccess,
        String providerVersionNumber,
        List<String> providerVersionTags,
        String providerVersionBranch) {

    /** No pact to run with (a test execution before any publication): names only. */
    public static WebhookFacts none(String consumerName, String providerName) {
        return new WebhookFacts(
                consumerName,
                providerName,
                null,
                List.of(),
                null,
                null,
                List.of(),
                List.of(),
                null,
                null,
                null,
                List.of(),
                null);
    }
}
