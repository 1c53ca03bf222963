package io.pactport.api.pactsforverification;

import static io.pactport.api.ApiFixture.branch;
import static io.pactport.api.ApiFixture.forVerification;
import static io.pactport.api.ApiFixture.metadata;
import static io.pactport.api.ApiFixture.publish;
import static io.pactport.api.ApiFixture.tag;
import static io.pactport.api.ApiFixture.text;
import static io.pactport.api.ApiFixture.unique;
import static io.pactport.api.ApiFixture.verifyAt;
import static io.pactport.api.ApiFixture.versions;
import static org.assertj.core.api.Assertions.assertThat;

import io.pactport.api.pacts.MetadataCodec;
import io.pactport.core.testing.KafkaResource;
import io.pactport.core.testing.PostgresResource;
import io.pactport.core.testing.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Pending status by provider branch and by provider tags, WIP pacts, and the metadata round trip: a verification
 * published through a pact's link records whether it was pending or WIP and which selectors chose the pact.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class PactsForVerificationPendingTest {

    private static final String WIP_SINCE = "\"includeWipPactsSince\":\"2020-01-01\"";

    TestDatabase database;

    @Test
    void pendingForAProviderBranchUntilVerifiedSuccessfullyFromIt() {
        String consumer = unique("Web");
        String provider = unique("Orders");
        publish(consumer, provider, "1", "p1");
        branch(consumer, "main", "1");
        String query = "{\"providerVersionBranch\":\"main\",\"consumerVersionSelectors\":[{\"mainBranch\":true}]}";

        JsonPath before = forVerification(provider, query);
        assertThat(before.getBoolean("_embedded.pacts[0].verificationProperties.pending"))
                .isTrue();
        assertThat(metadata(before, 0).get("p")).isEqualTo("true");
        assertThat(before.getString("_embedded.pacts[0].verificationProperties.notices[1].text"))
                .isEqualTo("This pact is in pending state for this version of " + provider + " because a successful"
                        + " verification result for a version of " + provider + " from branch 'main' has not yet been"
                        + " published. If this verification fails, it will not cause the overall build to fail. Read more at"
                        + " https://docs.pact.io/go/pending");
        assertThat(before.getList("_embedded.pacts[0].verificationProperties.notices")
                        .size())
                .isEqualTo(6);

        verifyAt(link(before, 0), provider, "100", "main", true);
        // the metadata came back with the result: pending, and the selector with its consumer version's number
        assertThat(verification(provider, "100"))
                .isEqualTo("t f [{\"latest\":\"true\",\"consumer_version_number\":\"1\"}]");

        JsonPath after = forVerification(provider, query);
        assertThat(after.getBoolean("_embedded.pacts[0].verificationProperties.pending"))
                .isFalse();
        assertThat(metadata(after, 0).get("p")).isEqualTo("false");
        assertThat(after.getString("_embedded.pacts[0].verificationProperties.notices[1].text"))
                .isEqualTo("This pact has previously been successfully verified by a version of " + provider
                        + " from branch"
                        + " 'main'. If this verification fails, it will fail the build. Read more at"
                        + " https://docs.pact.io/go/pending");
        assertThat(after.getList("_embedded.pacts[0].verificationProperties.notices")
                        .size())
                .isEqualTo(2);

        // a branch created after a successful verification from another branch inherits it, as does an unknown one
        branch(provider, "feat-late", "101");
        assertThat(pending(provider, "feat-late")).isFalse();
        assertThat(pending(provider, "feat-unknown")).isFalse();

        // new content is pending again, and a failed verification does not change that
        publish(consumer, provider, "2", "p2");
        branch(consumer, "main", "2");
        JsonPath changed = forVerification(provider, query);
        assertThat(changed.getBoolean("_embedded.pacts[0].verificationProperties.pending"))
                .isTrue();
        verifyAt(link(changed, 0), provider, "102", "main", false);
        assertThat(pending(provider, "main")).isTrue();
        assertThat(pending(provider, "feat-late")).isTrue();

        JsonPath withoutStatus = forVerification(
                provider,
                "{\"includePendingStatus\":false,"
                        + "\"providerVersionBranch\":\"main\",\"consumerVersionSelectors\":[{\"mainBranch\":true}]}");
        assertThat(withoutStatus.getString("_embedded.pacts[0].verificationProperties.pending"))
                .isNull();
        assertThat(metadata(withoutStatus, 0).containsKey("p")).isFalse();
        assertThat(withoutStatus
                        .getList("_embedded.pacts[0].verificationProperties.notices")
                        .size())
                .isEqualTo(1);
    }

    @Test
    void pendingForProviderTagsUntilVerifiedSuccessfullyWithEach() {
        String consumer = unique("Web");
        String provider = unique("Orders");
        publish(consumer, provider, "1", "t1");
        branch(consumer, "main", "1");
        tag(consumer, "1", "prod");
        branch(provider, "main", "200");
        tag(provider, "200", "prod"); // the provider's prod tag exists before any verification
        String query = "{\"providerVersionTags\":[\"dev\",\"prod\"],"
                + "\"consumerVersionSelectors\":[{\"tag\":\"prod\",\"latest\":true}]}";

        JsonPath before = forVerification(provider, query);
        assertThat(before.getBoolean("_embedded.pacts[0].verificationProperties.pending"))
                .isTrue();
        assertThat(before.getString("_embedded.pacts[0].verificationProperties.notices[1].text")
                        .contains("a successful verification result for a versions of " + provider
                                + " with tag 'dev' and" + " 'prod' has not yet been published"))
                .isTrue();

        verifyAt(link(before, 0), provider, "201", "feat", true, "dev");
        JsonPath devVerified = forVerification(provider, query);
        assertThat(devVerified.getBoolean("_embedded.pacts[0].verificationProperties.pending"))
                .isTrue();
        assertThat(devVerified
                        .getString("_embedded.pacts[0].verificationProperties.notices[1].text")
                        .contains("for a version of " + provider + " with tag 'prod' has not yet been published"))
                .isTrue();
        assertThat(devVerified.getString("_embedded.pacts[0].verificationProperties.notices[2].text"))
                .isEqualTo("This pact is still in pending state for any version of " + provider
                        + " with tag 'prod' as the"
                        + " successful verification results with this tag have not yet been published.");

        verifyAt(link(devVerified, 0), provider, "202", "main", true, "prod");
        JsonPath bothVerified = forVerification(provider, query);
        assertThat(bothVerified.getBoolean("_embedded.pacts[0].verificationProperties.pending"))
                .isFalse();
        assertThat(bothVerified
                        .getString("_embedded.pacts[0].verificationProperties.notices[1].text")
                        .startsWith("This pact has previously been successfully verified by a version of " + provider
                                + " with tag 'dev' and 'prod'."))
                .isTrue();
        assertThat(verification(provider, "202"))
                .isEqualTo("t f [{\"tag\":\"prod\",\"latest\":\"true\",\"consumer_version_number\":\"1\"}]");
    }

    @Test
    void workInProgressPactsByProviderBranch() {
        String consumer = unique("Web");
        String provider = unique("Orders");
        publish(consumer, provider, "1", "w1");
        branch(consumer, "main", "1");
        publish(consumer, provider, "2", "w2");
        branch(consumer, "feat-z", "2");
        String query = "{\"providerVersionBranch\":\"main\"," + WIP_SINCE
                + ",\"consumerVersionSelectors\":[{\"mainBranch\":true}]}";

        JsonPath response = forVerification(provider, query);
        assertThat(versions(response)).isEqualTo(List.of("1", "2"));
        assertThat(response.getString("_embedded.pacts[0].verificationProperties.wip"))
                .isNull();
        assertThat(response.getBoolean("_embedded.pacts[1].verificationProperties.wip"))
                .isTrue();
        assertThat(response.getBoolean("_embedded.pacts[1].verificationProperties.pending"))
                .isTrue();
        assertThat(response.getString("_embedded.pacts[1].shortDescription")).isEqualTo("latest from branch feat-z");
        assertThat(metadata(response, 1)).isEqualTo(Map.of("w", "true"));
        String pactUrl = link(response, 1).substring(0, link(response, 1).lastIndexOf("/metadata/"));
        assertThat(response.getString("_embedded.pacts[1].verificationProperties.notices[0].text"))
                .isEqualTo("The pact at " + pactUrl + "/metadata/" + MetadataCodec.encode(Map.of("wip", true))
                        + " is being"
                        + " verified because it is a 'work in progress' pact (ie. it is the pact for the latest version of "
                        + consumer
                        + " from branch 'feat-z' and it has not yet been successfully verified by a version of "
                        + provider
                        + " from branch 'main' when the pact's application version was explicitly specified in the"
                        + " consumer version selectors). Read more at https://docs.pact.io/go/wip");

        // a successful WIP verification is recorded as WIP and leaves the pact WIP
        verifyAt(link(response, 1), provider, "300", "main", true);
        assertThat(verification(provider, "300")).isEqualTo("null t null");
        assertThat(versions(forVerification(provider, query))).isEqualTo(List.of("1", "2"));

        // once verified successfully as an explicitly chosen pact, it is not WIP any more
        verifyAt(
                link(
                        forVerification(
                                provider, PactsForVerificationSelectorsTest.selectors("{\"branch\":\"feat-z\"}")),
                        0),
                provider,
                "301",
                "main",
                true);
        assertThat(versions(forVerification(provider, query))).isEqualTo(List.of("1"));

        // pacts older than the date are not WIP, and a chosen pact is never repeated as WIP
        publish(consumer, provider, "3", "w3");
        branch(consumer, "feat-q", "3");
        assertThat(
                        versions(
                                forVerification(
                                        provider,
                                        "{\"providerVersionBranch\":\"main\","
                                                + "\"includeWipPactsSince\":\"2999-01-01\",\"consumerVersionSelectors\":[{\"mainBranch\":true}]}")))
                .isEqualTo(List.of("1"));
        JsonPath allBranches = forVerification(
                provider,
                "{\"providerVersionBranch\":\"main\"," + WIP_SINCE
                        + ",\"consumerVersionSelectors\":[{\"branch\":true}]}");
        assertThat(versions(allBranches)).isEqualTo(List.of("1", "2", "3"));
        assertThat(allBranches.getList("_embedded.pacts.findAll { it.verificationProperties.wip }"))
                .isEqualTo(List.of());
    }

    @Test
    void workInProgressPactsByProviderTag() {
        String consumer = unique("Web");
        String provider = unique("Orders");
        publish(consumer, provider, "1", "x1");
        branch(consumer, "main", "1");
        publish(consumer, provider, "2", "x2");
        branch(consumer, "feat-t", "2");
        tag(consumer, "2", "feat-t");
        String query = "{\"providerVersionTags\":[\"main\"]," + WIP_SINCE
                + ",\"consumerVersionSelectors\":[{\"mainBranch\":true}]}";

        JsonPath response = forVerification(provider, query);
        assertThat(versions(response)).isEqualTo(List.of("1", "2"));
        assertThat(response.getBoolean("_embedded.pacts[1].verificationProperties.wip"))
                .isTrue();
        // the content heads both a branch and a tag: one WIP pact with both selectors
        assertThat(response.getString("_embedded.pacts[1].shortDescription"))
                .isEqualTo("latest with tag feat-t, latest from branch feat-t");
        assertThat(response.getString("_embedded.pacts[1].verificationProperties.notices[0].text")
                        .contains(
                                "not yet been successfully verified by a version of " + provider + " with tag 'main'"))
                .isTrue();

        verifyAt(
                link(
                        forVerification(
                                provider, PactsForVerificationSelectorsTest.selectors("{\"branch\":\"feat-t\"}")),
                        0),
                provider,
                "400",
                null,
                true,
                "main");
        assertThat(versions(forVerification(provider, query))).isEqualTo(List.of("1"));
    }

    private boolean pending(String provider, String branch) {
        return forVerification(
                        provider,
                        "{\"providerVersionBranch\":\"" + branch + "\","
                                + "\"consumerVersionSelectors\":[{\"mainBranch\":true}]}")
                .getBoolean("_embedded.pacts[0].verificationProperties.pending");
    }

    private static String link(JsonPath response, int pact) {
        return response.getString("_embedded.pacts[" + pact + "]._links.self.href");
    }

    /** {@code pact_pending wip consumer_version_selector_hashes} of the provider version's verification. */
    private String verification(String provider, String providerVersion) {
        return text(
                database,
                "SELECT COALESCE(left(v.pact_pending::text, 1), 'null') || ' '"
                        + " || left(v.wip::text, 1) || ' ' || COALESCE(v.consumer_version_selector_hashes, 'null')"
                        + " FROM verifications v JOIN versions pv ON pv.id = v.provider_version_id"
                        + " JOIN pacticipants p ON p.id = pv.pacticipant_id"
                        + " WHERE p.name = '" + provider + "' AND pv.number = '" + providerVersion + "'");
    }
}
