package io.pactport.api.badges;

import io.pactport.api.badges.Badge.Colour;
import io.pactport.api.badges.PactBadgeRepository.Scope;
import io.pactport.api.matrix.CanIDeployService;
import io.pactport.api.matrix.CanIDeployService.Answer;
import io.pactport.api.matrix.MatrixSummary;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * What each badge says. A pact that does not exist, or a pacticipant, branch, version or environment that does not,
 * is a grey badge saying so, never a 404: a README shows a badge, not an error page.
 */
@ApplicationScoped
public class BadgeService {

    /**
     * A drawn badge, the comment the Pact Broker puts before a pact badge's SVG (empty for the others), and whether
     * clients may cache it ({@code PACTFLOW_BADGE_DEFAULT_CACHE_SETTING}) rather than ask again each time.
     */
    public record Drawn(Badge badge, String comment, boolean cacheable) {

        Drawn(Badge badge, String comment) {
            this(badge, comment, false);
        }
    }

    private final Pool pool;
    private final PactBadgeRepository pacts;
    private final CanIDeployService canIDeploy;

    BadgeService(Pool pool, PactBadgeRepository pacts, CanIDeployService canIDeploy) {
        this.pool = pool;
        this.pacts = pacts;
        this.canIDeploy = canIDeploy;
    }

    /** The latest pact's verification status; {@code tag} only for {@link Scope#TAGGED}. */
    public Uni<Drawn> pact(String provider, String consumer, Scope scope, String tag, String label, boolean initials) {
        return pacts.latest(pool, provider, consumer, scope, tag)
                .map(found -> pactBadge(consumer, provider, found.orElse(null), label, initials, null, null));
    }

    /** The latest pact of the consumer tag, as verified by the latest provider version with the provider tag. */
    public Uni<Drawn> matrix(
            String provider, String providerTag, String consumer, String consumerTag, String label, boolean initials) {
        return pacts.latestForTags(pool, provider, providerTag, consumer, consumerTag)
                .map(found ->
                        pactBadge(consumer, provider, found.orElse(null), label, initials, consumerTag, providerTag));
    }

    /** Whether the latest version on the branch can be deployed to the environment. */
    public Uni<Drawn> canIDeployBranch(String pacticipant, String branch, String environment, String label) {
        return canIDeploy
                .branchToEnvironment(pacticipant, branch, environment)
                .map(answer -> canIDeployBadge(answer, branch, environment, label));
    }

    /**
     * Whether the newest main-branch version can be merged: green "success", red "failed", grey "unknown" when the
     * matrix cannot tell; a grey "not found" for a missing pacticipant or main-branch version. Only a found version's
     * badge may be cached, as in the Pact Broker.
     */
    public Uni<Drawn> canIMerge(String pacticipant) {
        return canIDeploy.canIMerge(pacticipant).map(answer -> {
            if (answer.missing() != null) {
                return new Drawn(Badge.notFound(answer.missing()), "");
            }
            Boolean deployable = MatrixSummary.of(answer.result()).deployable();
            Badge badge = deployable == null
                    ? new Badge("can-i-merge", "unknown", Colour.LIGHTGREY)
                    : deployable
                            ? new Badge("can-i-merge", "success", Colour.BRIGHTGREEN)
                            : new Badge("can-i-merge", "failed", Colour.RED);
            return new Drawn(badge, "", true);
        });
    }

    /** Whether the latest version with the tag can go where the other tag points. */
    public Uni<Drawn> canIDeployTag(String pacticipant, String tag, String to, String label) {
        return canIDeploy.tagToTag(pacticipant, tag, to).map(answer -> canIDeployBadge(answer, tag, to, label));
    }

    private static Drawn pactBadge(
            String consumer,
            String provider,
            PactStatus status,
            String label,
            boolean initials,
            String consumerTag,
            String providerTag) {
        String comment = PactStatus.comment(consumer, provider, status);
        if (status == null) {
            return new Drawn(new Badge(PactBadgeTitle.PACT_NOT_FOUND, "unknown", Colour.LIGHTGREY), comment);
        }
        String title = PactBadgeTitle.of(
                status.consumerName(), status.providerName(), label, initials, consumerTag, providerTag);
        return new Drawn(status.badge(title), comment);
    }

    /** Green when deployable, red otherwise, grey naming what was not found; the label is used as given. */
    private static Drawn canIDeployBadge(Answer answer, String from, String to, String label) {
        if (answer.missing() != null) {
            return new Drawn(Badge.notFound(answer.missing()), "");
        }
        boolean deployable =
                Boolean.TRUE.equals(MatrixSummary.of(answer.result()).deployable());
        return new Drawn(
                new Badge(
                        label == null || label.isEmpty() ? "can-i-deploy" : label,
                        from + " to " + to,
                        deployable ? Colour.BRIGHTGREEN : Colour.RED),
                "");
    }
}
