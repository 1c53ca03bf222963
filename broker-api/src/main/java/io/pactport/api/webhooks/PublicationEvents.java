package io.pactport.api.webhooks;

import io.pactport.api.pacts.PactPublishService.Outcome;
import io.pactport.api.pacts.PactPublishService.Published;
import io.pactport.api.pacts.PublicationListener.DetectedEvent;
import io.pactport.api.webhooks.WebhookTriggerRepository.ScopeChange;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Which webhook events a pact publication fires, in the Pact Broker's order and with its comments (the publisher reads
 * them in the "Events detected" notice): {@code contract_published}; {@code contract_requiring_verification_published}
 * when provider versions still have to verify the content; {@code contract_content_changed} when the content is new
 * for one of the version's tags (or among untagged versions), or replaced the consumer version's earlier content.
 */
public final class PublicationEvents {

    private PublicationEvents() {}

    /** @param changes per tag of the consumer version (or untagged), for a new publication; empty otherwise */
    public static List<DetectedEvent> detect(
            Published published, List<ScopeChange> changes, boolean requiringVerification) {
        String publishedComment = null;
        String changedComment = null;
        if (published.outcome() == Outcome.CREATED) {
            List<ScopeChange> changed =
                    changes.stream().filter(ScopeChange::changed).toList();
            if (changed.isEmpty() && !changes.isEmpty()) {
                publishedComment = unchanged(changes.stream()
                        .map(ScopeChange::tag)
                        .filter(Objects::nonNull)
                        .toList());
            } else {
                changedComment = String.join(
                        ", ",
                        changed.stream().map(PublicationEvents::explanation).toList());
            }
        } else if (published.outcome() == Outcome.OVERWRITTEN || published.outcome() == Outcome.MERGED) {
            changedComment = "pact content modified since previous publication for "
                    + published.pact().consumerName() + " version "
                    + published.pact().consumerVersionNumber();
        }
        List<DetectedEvent> events = new ArrayList<>();
        events.add(new DetectedEvent(WebhookTriggers.CONTRACT_PUBLISHED, publishedComment, List.of()));
        if (requiringVerification) {
            // the Pact Broker fires it with the parameters, and so the comment, of contract_published
            events.add(new DetectedEvent(WebhookTriggers.REQUIRING_VERIFICATION, publishedComment, List.of()));
        }
        if (changedComment != null) {
            events.add(new DetectedEvent(WebhookTriggers.CONTENT_CHANGED, changedComment, List.of()));
        }
        return events;
    }

    private static String explanation(ScopeChange change) {
        if (change.tag() == null) {
            return change.hadPrevious()
                    ? "pact content has changed since previous untagged version"
                    : "first time untagged pact published";
        }
        return change.hadPrevious()
                ? "pact content has changed since the last consumer version tagged with " + change.tag()
                : "first time any pact published for this consumer with consumer version tagged " + change.tag();
    }

    private static String unchanged(List<String> tags) {
        return tags.size() == 1
                ? "pact content is the same as previous version with tag " + tags.get(0)
                        + " and no new tags were applied"
                : "pact content is the same as previous versions with tags " + String.join(", ", tags)
                        + " and no new tags were applied";
    }
}
