package io.pactport.api.matrix;

import io.smallrye.common.vertx.ContextLocals;
import io.smallrye.common.vertx.VertxContext;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Makes the can-i-deploy questions broker-api answers known, for parallel-sync-service's shadow can-i-deploy (the old
 * brokers are asked the same ones, as {@code GET /can-i-deploy}). Whatever URL asked it ({@code /can-i-deploy}, the
 * branch and tag shortcuts and their badges, or {@code /matrix}, which the {@code pact-broker can-i-deploy} command
 * uses), the question is the concrete one the answer resolved: one pacticipant version to an environment or to where
 * a tag points. can-i-deploy is a hot read path: the question is written fire-and-forget, never
 * waited for and never failing the answer, and at most once a {@value #EVERY_MILLIS} ms per distinct question (a
 * pipeline polling the same question costs one write a minute).
 */
@ApplicationScoped
public class CanIDeployQuestions {

    private static final Logger LOG = Logger.getLogger(CanIDeployQuestions.class);
    static final long EVERY_MILLIS = 60_000;
    /** Set on the request's context when Pactport's own tools ask ({@code OwnToolsFilter}): not a pipeline's question. */
    public static final String ASKED_BY_PACTPORT_KEY = "pactport.asked-by-pactport";
    /** Beyond this many distinct recent questions the memory of them starts over (a few more writes, no more). */
    private static final int REMEMBERED = 10_000;

    private record Question(String pacticipant, String version, String environment, String toTag) {}

    private final Pool pool;
    private final CanIDeployQuestionRepository repository;
    private final Clock clock;
    private final Map<Question, Long> lastWritten = new ConcurrentHashMap<>();

    CanIDeployQuestions(Pool pool, CanIDeployQuestionRepository repository, Clock clock) {
        this.pool = pool;
        this.repository = repository;
        this.clock = clock;
    }

    /**
     * An answer just given. It is a can-i-deploy question when it is about one version of one pacticipant (a number
     * asked for, or the one a latest/branch/tag selector found) going to an environment or to the latest versions
     * with a tag, ignoring nothing; anything else (several versions, no target, {@code ignore[]}, a selector that
     * found no version) cannot be asked as {@code /can-i-deploy} and is not recorded.
     */
    public void answered(MatrixResult result) {
        if (VertxContext.isOnDuplicatedContext()
                && ContextLocals.get(ASKED_BY_PACTPORT_KEY).isPresent()) {
            return;
        }
        MatrixQuery q = result.query();
        String environment = q.environment();
        String toTag = q.latest() ? q.tag() : null;
        List<ResolvedMatrixSelector> asked = result.selectors().stream()
                .filter(ResolvedMatrixSelector::specified)
                .toList();
        if (q.selectors().size() != 1
                || asked.size() != 1
                || !q.ignore().isEmpty()
                || (environment == null) == (toTag == null)) {
            return;
        }
        ResolvedMatrixSelector selector = asked.get(0);
        // a number asked for is the question even where Pactport lacks it (an old broker may have it)
        String version = selector.original().version() != null
                ? selector.original().version()
                : selector.versionMissing() || selector.oneOfMany() ? null : selector.versionNumber();
        asked(selector.pacticipantName(), version, environment, toTag);
    }

    /** A question just answered; {@code environment} or {@code toTag} may be null. */
    void asked(String pacticipant, String version, String environment, String toTag) {
        if (pacticipant == null || version == null) {
            return;
        }
        Question question =
                new Question(pacticipant, version, environment == null ? "" : environment, toTag == null ? "" : toTag);
        long now = clock.millis();
        Long before = lastWritten.get(question);
        if (before != null && now - before < EVERY_MILLIS) {
            return;
        }
        if (lastWritten.size() >= REMEMBERED) {
            lastWritten.clear();
        }
        lastWritten.put(question, now);
        repository
                .asked(pool, question.pacticipant(), question.version(), question.environment(), question.toTag())
                .subscribe()
                .with(done -> {}, e -> {
                    lastWritten.remove(question);
                    LOG.debugf(
                            "can-i-deploy question not recorded (shadow can-i-deploy will miss it): %s",
                            e.getMessage());
                });
    }
}
