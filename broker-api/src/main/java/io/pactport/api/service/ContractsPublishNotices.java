package io.pactport.api.service;

import io.pactport.api.model.PactPublication;
import io.pactport.api.model.Upserted;
import io.pactport.api.model.Version;
import io.pactport.api.repository.ContractsPublishRepository.SetupState;
import io.pactport.api.service.ContractsPublishService.Notice;
import io.pactport.api.service.PactPublishService.Published;
import java.util.ArrayList;
import java.util.List;

/**
 * The notices of a contracts publication, carrying what the Pact Broker's say: what was created or updated, where
 * each pact is, and the next steps while the integration has no verification or webhook yet. The CLI prints the
 * texts as they are, so the indentation is part of them.
 */
final class ContractsPublishNotices {

    private ContractsPublishNotices() {
    }

    static List<Notice> forVersion(String pacticipant, Upserted<Version> version, String branch, List<String> tags) {
        StringBuilder text = new StringBuilder(version.created() ? "Created " : "Updated ")
                .append(pacticipant).append(" version ").append(version.value().number());
        if (branch != null) {
            text.append(" on branch ").append(branch);
        }
        if (!tags.isEmpty()) {
            text.append(branch == null ? " with tags " : " and with tags ").append(String.join(", ", tags));
        }
        List<Notice> notices = new ArrayList<>();
        notices.add(new Notice("debug", text.toString()));
        if (branch == null) {
            notices.add(new Notice("prompt", "  Next steps:\n    Publish with the branch of the repository the"
                    + " version was built from (--branch), so that pacts can be selected by branch."));
        }
        return notices;
    }

    static List<Notice> forPact(Published published, String url, SetupState setup) {
        PactPublication pact = published.pact();
        String between = pact.consumerName() + " version " + pact.consumerVersionNumber() + " and provider "
                + pact.providerName();
        List<Notice> notices = new ArrayList<>();
        notices.add(switch (published.outcome()) {
            case CREATED -> new Notice("success", "Published the pact for " + between + ".");
            case UNCHANGED -> new Notice("success", "Republished the pact for " + between
                    + "; its content has not changed.");
            case MERGED -> new Notice("success", "Merged the new interactions into the pact for " + between + ".");
            case OVERWRITTEN -> new Notice("warning", "Replaced the content of the pact for " + between
                    + ". A published version's contract should not change: it usually means the pipeline publishes"
                    + " different builds under one version number. See https://docs.pact.io/go/versioning");
        });
        notices.add(new Notice("debug", "  The pact is at " + url));
        List<Notice> steps = new ArrayList<>();
        if (!setup.verified()) {
            steps.add(new Notice("prompt", "    * Verify this pact in the build of " + pact.providerName()
                    + ". See https://docs.pact.io/go/provider_verification"));
        }
        if (!setup.webhooks()) {
            steps.add(new Notice("prompt", "    * Add a webhook that starts a verification build of "
                    + pact.providerName() + " when the pact content changes. See https://docs.pact.io/go/webhooks"));
        }
        if (!steps.isEmpty()) {
            notices.add(new Notice("prompt", "  Next steps:"));
            notices.addAll(steps);
        }
        return notices;
    }
}
