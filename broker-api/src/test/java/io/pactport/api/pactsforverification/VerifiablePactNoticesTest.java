package io.pactport.api.pactsforverification;

import static org.assertj.core.api.Assertions.assertThat;

import io.pactport.api.pacts.MetadataCodec;
import io.pactport.api.pactsforverification.VerifiablePactNotices.Notice;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The notices and short descriptions, compared with the Pact Broker's approved output and message specs. */
class VerifiablePactNoticesTest {

    private static final String URL = "http://example.org/pacts/provider/Provider/consumer/Consumer%202/pact-version/"
            + "0f22f551a422b027066db7635cad8bd8a59ac869";

    @Test
    void theApprovedResponseOfThePactBroker() {
        VerifiablePact pact = pact(
                List.of(resolved(ConsumerVersionSelector.latestForTag("prod", null), "4.5.6", 10)),
                null,
                List.of(),
                List.of(),
                null,
                false);
        assertThat(VerifiablePactNotices.shortDescription(pact)).isEqualTo("latest with tag prod");
        assertThat(VerifiablePactNotices.notices(pact, URL, false, false))
                .isEqualTo(List.of(new Notice(
                        "before_verification",
                        "The pact at " + URL
                                + " is being verified because the"
                                + " pact content belongs to the consumer version matching the following criterion:\n"
                                + "    * latest version tagged 'prod' (4.5.6)")));
        // the same selector's metadata segment, byte for byte the approved one (consumer version id 10)
        assertThat(MetadataCodec.encode(
                        Map.of("s", List.of(pact.selectors().get(0).metadata()))))
                .isEqualTo("cyU1QiU1RCU1QnQlNUQ9cHJvZCZzJTVCJTVEJTVCbCU1RD10cnVlJnMlNUIlNUQlNUJjdiU1RD0xMA");
    }

    @Test
    void pendingForAProviderBranch() {
        VerifiablePact pact = pact(
                List.of(
                        resolved(ConsumerVersionSelector.latestForBranch("main", null), "1", 1),
                        resolved(ConsumerVersionSelector.currentlyDeployed(), "1", 1)),
                true,
                List.of(),
                List.of(),
                "feat",
                false);
        List<Notice> notices = VerifiablePactNotices.notices(pact, URL, true, true);
        assertThat(notices.stream().map(Notice::when).toList())
                .isEqualTo(List.of(
                        "before_verification",
                        "before_verification",
                        "before_verification",
                        "after_verification:success_true_published_false",
                        "after_verification:success_false_published_false",
                        "after_verification:success_true_published_true",
                        "after_verification:success_false_published_true"));
        assertThat(notices.get(1).text())
                .isEqualTo("The pact at " + URL + " is being verified because the pact content belongs to the consumer"
                        + " versions matching the following criteria:\n    * latest version from branch 'main' (1)\n"
                        + "    * consumer version(s) currently deployed to test (1)");
        assertThat(notices.get(2).text())
                .isEqualTo("This pact is in pending state for this version of Provider because a successful"
                        + " verification"
                        + " result for a version of Provider from branch 'feat' has not yet been published. If this"
                        + " verification fails, it will not cause the overall build to fail. Read more at"
                        + " https://docs.pact.io/go/pending");
        assertThat(notices.get(5).text())
                .isEqualTo("This pact is no longer in pending state for any version of Provider from branch 'feat',"
                        + " as a"
                        + " successful verification result has been published. If a verification for a version of Provider"
                        + " fails in the future, it will fail the build. Read more at https://docs.pact.io/go/pending");
        assertThat(VerifiablePactNotices.shortDescription(pact)).isEqualTo("latest from branch main, deployed to test");
    }

    @Test
    void notPendingForProviderTags() {
        VerifiablePact pact = pact(
                List.of(resolved(ConsumerVersionSelector.overallLatest("Foo"), "2", 2)),
                false,
                List.of(),
                List.of("dev", "prod"),
                null,
                false);
        List<Notice> notices = VerifiablePactNotices.notices(pact, URL, true, false);
        assertThat(notices.size()).isEqualTo(2);
        assertThat(notices.get(1).text())
                .isEqualTo("This pact has previously been successfully verified by a version of Provider with tag"
                        + " 'dev' and"
                        + " 'prod'. If this verification fails, it will fail the build. Read more at"
                        + " https://docs.pact.io/go/pending");
        assertThat(VerifiablePactNotices.shortDescription(pact)).isEqualTo("latest");
    }

    @Test
    void aWorkInProgressPact() {
        VerifiablePact pact = pact(
                List.of(resolved(ConsumerVersionSelector.latestForBranch("feat-y", null), "3", 3)),
                true,
                List.of(),
                List.of(),
                "main",
                true);
        List<Notice> notices = VerifiablePactNotices.notices(pact, URL, true, false);
        assertThat(notices.get(0).text())
                .isEqualTo(
                        "The pact at " + URL
                                + " is being verified because it is a 'work in progress' pact (ie. it is the"
                                + " pact for the latest version of Consumer 2 from branch 'feat-y' and it has not yet been successfully"
                                + " verified by a version of Provider from branch 'main' when the pact's application version was"
                                + " explicitly specified in the consumer version selectors). Read more at https://docs.pact.io/go/wip");
        assertThat(notices.get(1).text())
                .isEqualTo("This pact is in pending state for this version of Provider because it was included as a"
                        + " 'work in"
                        + " progress' pact. If this verification fails, it will not cause the overall build to fail. Read more"
                        + " at https://docs.pact.io/go/pending");
    }

    @Test
    void fallbacksSayWhichTagOrBranchWasUsed() {
        ConsumerVersionSelector tag = ConsumerVersionSelector.builder()
                .tag("feat")
                .latest(true)
                .fallbackTag("main")
                .build();
        VerifiablePact pact = pact(List.of(resolved(tag, "4", 4)), null, List.of(), List.of(), null, false);
        assertThat(VerifiablePactNotices.shortDescription(pact)).isEqualTo("latest with tag main");
        assertThat(VerifiablePactNotices.notices(pact, URL, false, false).get(0).text())
                .isEqualTo("The pact at " + URL + " is being verified because the pact content belongs to the consumer"
                        + " version matching the following criterion:\n    * latest version tagged 'main' (fallback tag used"
                        + " as no pact was found with tag 'feat') (4)");
    }

    private static ResolvedSelector resolved(ConsumerVersionSelector selector, String number, long id) {
        return new ResolvedSelector(selector, id, number, id, selector.deployed() ? "test" : null, false, null, null);
    }

    private static VerifiablePact pact(
            List<ResolvedSelector> selectors,
            Boolean pending,
            List<String> pendingTags,
            List<String> nonPendingTags,
            String branch,
            boolean wip) {
        ResolvedSelector last = selectors.get(selectors.size() - 1);
        return new VerifiablePact(
                1,
                "Consumer 2",
                "main",
                "Provider",
                1,
                "0f22f551a422b027066db7635cad8bd8a59ac869",
                last.consumerVersionId(),
                last.consumerVersionNumber(),
                last.consumerVersionOrder(),
                selectors,
                pending,
                pendingTags,
                nonPendingTags,
                branch,
                wip);
    }
}
