package io.pactport.api.contracts;

import io.pactport.api.contracts.ContractsPublishRepository.SetupState;
import io.pactport.api.contracts.ContractsPublishService.Notice;
import io.pactport.api.pacts.PactPublishService;
import io.pactport.api.pacts.PactPublishService.Published;
import io.pactport.api.pacts.PublicationListener.DetectedEvent;
import io.pactport.api.pacts.PublicationListener.TriggeredWebhook;
import java.util.ArrayList;
import java.util.List;

/**
 * The notices of a contracts publication in the Pact Broker 2.120's words, types and order (pact-broker publish prints
 * them as they are, so the indentation is part of them): the version, then for each pact what happened to it, where it
 * is, the events it fired and the webhooks they triggered, and the next steps while the integration has no
 * verification or webhook yet.
 */
final class ContractsPublishNotices {

    private ContractsPublishNotices() {}

    static List<Notice> forVersion(
            String pacticipant, String number, boolean created, String branch, List<String> tags) {
        StringBuilder text = new StringBuilder(created ? "Created " : "Updated ")
                .append(pacticipant)
                .append(" version ")
                .append(number);
        if (branch != null) {
            text.append(" with branch ").append(branch);
        }
        if (!tags.isEmpty()) {
            text.append(branch == null ? " with tags " : " and tags ").append(String.join(", ", tags));
        }
        List<Notice> notices = new ArrayList<>();
        notices.add(new Notice("debug", text.toString()));
        if (branch == null) {
            notices.add(new Notice(
                    "prompt",
                    "  Next steps:\n    Configure the version branch to be the value of your" + " repository branch."));
        }
        return notices;
    }

    /**
     * @param consumer and {@code number}: the pacticipant and version as the request named them
     * @param merge whether the contract asked to be merged with existing content
     */
    static List<Notice> forPact(
            String consumer, String number, boolean merge, Published published, String url, SetupState setup) {
        String provider = published.pact().providerName();
        String between = consumer + " version " + number + " and provider " + provider;
        boolean existed = published.previous().isPresent();
        List<Notice> notices = new ArrayList<>();
        if (!existed) {
            notices.add(new Notice("success", "Pact successfully published for " + between + "."));
        } else if (merge) {
            notices.add(new Notice("success", "Pact content merged with existing content for " + between + "."));
        } else if (!published.previous().get().sha().equals(published.pact().sha())) {
            notices.add(new Notice(
                    "warning",
                    "Pact with changed content published over existing content for "
                            + between
                            + ". This is not recommended in normal circumstances and may indicate that you have not"
                            + " configured your Pact pipeline correctly. For more information see"
                            + " https://docs.pact.io/go/versioning"));
        } else {
            notices.add(new Notice(
                    "success", "Pact successfully republished for " + between + " with no content changes."));
        }
        notices.add(new Notice("debug", "  View the published pact at " + url));
        notices.addAll(events(published.events(), setup));
        notices.addAll(nextSteps(provider, setup));
        return notices;
    }

    /** The error a changed pact under a published consumer version gets (409). */
    static Notice modificationRefused(String consumer, String number, String provider) {
        return new Notice("error", PactPublishService.modificationRefused(consumer, number, provider));
    }

    private static List<Notice> events(List<DetectedEvent> events, SetupState setup) {
        List<Notice> notices = new ArrayList<>();
        if (!events.isEmpty()) {
            notices.add(new Notice(
                    "debug",
                    "  Events detected: "
                            + String.join(
                                    ", ",
                                    events.stream()
                                            .map(e -> e.comment() == null
                                                    ? e.name()
                                                    : e.name() + " (" + e.comment() + ")")
                                            .toList())));
        }
        List<Notice> triggered = new ArrayList<>();
        for (DetectedEvent event : events) {
            for (TriggeredWebhook webhook : event.triggered()) {
                String description = webhook.webhookDescription() == null
                        ? webhook.webhookUuid()
                        : RubyInspect.string(webhook.webhookDescription());
                triggered.add(new Notice(
                        "debug",
                        "  Webhook " + description + " triggered for event " + event.name()
                                + ".\n    View logs at " + webhook.baseUrl() + "/triggered-webhooks/" + webhook.uuid()
                                + "/logs"));
            }
        }
        if (triggered.isEmpty() && setup.webhooks()) {
            // webhooks exist, just none enabled for these events
            triggered.add(new Notice("debug", "  No enabled webhooks found for the detected events"));
        }
        notices.addAll(triggered);
        return notices;
    }

    private static List<Notice> nextSteps(String provider, SetupState setup) {
        List<Notice> steps = new ArrayList<>();
        if (!setup.verified()) {
            steps.add(new Notice(
                    "prompt",
                    "    * Add Pact verification tests to the " + provider + " build. See"
                            + " https://docs.pact.io/go/provider_verification"));
        }
        if (!setup.webhooks()) {
            steps.add(
                    new Notice(
                            "prompt",
                            "    * Configure separate " + provider + " pact verification build and"
                                    + " webhook to trigger it when the pact content changes. See https://docs.pact.io/go/webhooks"));
        }
        if (!steps.isEmpty()) {
            steps.add(0, new Notice("prompt", "  Next steps:"));
        }
        return steps;
    }
}
