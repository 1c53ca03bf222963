package io.pactport.api.service;

import io.pactport.api.repository.CanIDeployQuestionRepository;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Makes the can-i-deploy questions broker-api answers known, for parallel-sync-service's shadow can-i-deploy (the old
 * brokers are asked the same ones). can-i-deploy is a hot read path: the question is written fire-and-forget, never
 * waited for and never failing the answer, and at most once a {@value #EVERY_MILLIS} ms per distinct question (a
 * pipeline polling the same question costs one write a minute).
 */
@ApplicationScoped
public class CanIDeployQuestions {

    private static final Logger LOG = Logger.getLogger(CanIDeployQuestions.class);
    static final long EVERY_MILLIS = 60_000;
    /** Beyond this many distinct recent questions the memory of them starts over (a few more writes, no more). */
    private static final int REMEMBERED = 10_000;

    private record Question(String pacticipant, String version, String environment, String toTag) {
    }

    private final Pool pool;
    private final CanIDeployQuestionRepository repository;
    private final Clock clock;
    private final Map<Question, Long> lastWritten = new ConcurrentHashMap<>();

    CanIDeployQuestions(Pool pool, CanIDeployQuestionRepository repository, Clock clock) {
        this.pool = pool;
        this.repository = repository;
        this.clock = clock;
    }

    /** A question just answered; {@code environment} or {@code toTag} may be null. */
    public void asked(String pacticipant, String version, String environment, String toTag) {
        if (pacticipant == null || version == null) {
            return;
        }
        Question question = new Question(pacticipant, version, environment == null ? "" : environment,
                toTag == null ? "" : toTag);
        long now = clock.millis();
        Long before = lastWritten.get(question);
        if (before != null && now - before < EVERY_MILLIS) {
            return;
        }
        if (lastWritten.size() >= REMEMBERED) {
            lastWritten.clear();
        }
        lastWritten.put(question, now);
        repository.asked(pool, question.pacticipant(), question.version(), question.environment(), question.toTag())
                .subscribe().with(done -> {
                }, e -> {
                    lastWritten.remove(question);
                    LOG.debugf("can-i-deploy question not recorded (shadow can-i-deploy will miss it): %s",
                            e.getMessage());
                });
    }
}
