package io.pactport.api.contracts;

import java.util.List;

/** The body of {@code POST /contracts/publish}, as the pact-broker CLI sends it. */
public record ContractsPublishRequest(
        String pacticipantName,
        String pacticipantVersionNumber,
        String branch,
        List<String> tags,
        String buildUrl,
        List<Contract> contracts) {

    /** One contract; {@code content} is the Base64 of the pact JSON. */
    public record Contract(
            String consumerName,
            String providerName,
            String specification,
            String contentType,
            String content,
            String onConflict) {}
}
