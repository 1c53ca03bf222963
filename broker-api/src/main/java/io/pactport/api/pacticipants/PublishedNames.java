package io.pactport.api.pacticipants;

import java.util.List;

/**
 * The pacticipant names of one publication (the consumer's and each provider's), which the Pact Broker checks together
 * for names that look like existing ones, and the broker's URL its refusal quotes.
 */
public record PublishedNames(List<String> names, String baseUrl) {

    public PublishedNames {
        names = names.stream().distinct().toList();
    }
}
