package io.pactport.sync.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.pactport.core.remote.BrokerCopy;
import io.pactport.core.remote.BrokerReader;
import io.pactport.core.remote.ProductionVersions;
import io.pactport.core.remote.ProductionVersions.Placement;
import io.pactport.core.remote.RemoteBrokerException;
import io.pactport.sync.config.SyncConfig;
import io.pactport.sync.model.Question;
import io.pactport.sync.repository.AskedQuestionRepository;
import io.pactport.sync.service.CutoverCheck.Gap;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * Cut-over readiness: whether Pactport holds every production version of every old broker (targets with
 * {@code cutover=true}), the backfill of what it lacks, and shadow can-i-deploy questions asked of both.
 */
@ApplicationScoped
public class CutoverService {

    private static final Logger LOG = Logger.getLogger(CutoverService.class);

    /** One old broker compared with Pactport; {@code error} when it could not be read. */
    public record TargetReport(
            String target, boolean ready, int productionVersions, int missingCount, List<Gap> missing, String error) {}

    public record Report(boolean ready, List<TargetReport> targets) {}

    /** What a backfill copied per old broker, what Pactport refused, and the readiness after it. */
    public record Backfill(Map<String, Integer> written, Map<String, List<String>> refused, Report after) {}

    /** The answers of an old broker and of Pactport to one question; {@code null} deployable = no answer. */
    public record Comparison(
            String target,
            Question question,
            Boolean old,
            Boolean pactport,
            String oldReason,
            String pactportReason,
            boolean agree) {}

    /** @param questions where the questions came from: "given", "production versions" or "recent" */
    public record Shadow(String questions, int asked, int disagreements, List<Comparison> comparisons) {}

    private final SyncTargets targets;
    private final SyncConfig config;
    private final MeterRegistry registry;
    private final AskedQuestionRepository asked;
    private final Clock clock;
    private final Map<String, AtomicLong> missingGauges = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> disagreementGauges = new ConcurrentHashMap<>();
    private final ReplaySchedule replays;

    CutoverService(
            SyncTargets targets,
            SyncConfig config,
            MeterRegistry registry,
            AskedQuestionRepository asked,
            Clock clock) {
        this.targets = targets;
        this.config = config;
        this.registry = registry;
        this.asked = asked;
        this.clock = clock;
        this.replays = new ReplaySchedule(config.shadowEvery());
    }

    /**
     * Replays the recent questions every {@code shadow-every}, so the disagreement metric stays current: a tick every
     * second over {@link #replayIfDue}. Whether there is an old broker is asked at each replay, not once at the start:
     * {@link SyncTargets} may not have read its targets when the first tick comes.
     */
    @Scheduled(every = "1s", delayed = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void replayTrigger() {
        replayIfDue(clock.instant());
    }

    /** Replays the recent questions if {@link ReplaySchedule} says it is time; true when it was. */
    boolean replayIfDue(Instant now) {
        if (!replays.due(now)) {
            return false;
        }
        try {
            if (!oldBrokers().isEmpty()) {
                Shadow shadow = shadowRecent();
                if (shadow.disagreements() > 0) {
                    LOG.warnf(
                            "shadow can-i-deploy: %d of %d recent questions answered differently (GET"
                                    + " /cutover/shadow)",
                            shadow.disagreements(), shadow.asked());
                }
            }
        } catch (RuntimeException e) {
            LOG.warnf("shadow can-i-deploy: the recent questions could not be replayed: %s", e.getMessage());
        } finally {
            replays.done(clock.instant());
        }
        return true;
    }

    public Report report() {
        BrokerReader pactport = targets.pactport().reader();
        List<TargetReport> reports = new ArrayList<>();
        for (SyncTargets.Target target : oldBrokers()) {
            reports.add(compare(target, pactport));
        }
        return new Report(reports.stream().allMatch(TargetReport::ready), reports);
    }

    public Backfill backfill() {
        var pactport = targets.pactport();
        Map<String, Integer> written = new java.util.LinkedHashMap<>();
        Map<String, List<String>> refused = new java.util.LinkedHashMap<>();
        for (SyncTargets.Target target : oldBrokers()) {
            String name = target.config().name();
            TargetReport before = compare(target, pactport.reader());
            BrokerCopy copy = new BrokerCopy(targets.reader(target), pactport);
            try {
                before.missing().forEach(gap -> gap.fill(copy));
            } catch (RemoteBrokerException e) {
                refused.computeIfAbsent(name, n -> new ArrayList<>()).add("stopped: " + e.getMessage());
            }
            written.put(name, copy.tally().written());
            if (!copy.tally().refused().isEmpty()) {
                refused.computeIfAbsent(name, n -> new ArrayList<>())
                        .addAll(copy.tally().refused());
            }
        }
        return new Backfill(written, refused, report());
    }

    /** Asks every old broker and Pactport the same questions; none given: each production version, where it is. */
    public Shadow shadow(List<Question> given) {
        return compare(
                given.isEmpty() ? "production versions" : "given",
                old -> given.isEmpty() ? productionQuestions(old) : given);
    }

    /** Asks every old broker and Pactport the can-i-deploy questions Pactport answered within the shadow window. */
    public Shadow shadowRecent() {
        List<Question> recent = asked.recent(clock.instant().minus(config.shadowWindow()), config.shadowLimit());
        return compare("recent", old -> recent);
    }

    private Shadow compare(String source, Function<BrokerReader, List<Question>> questionsFor) {
        BrokerReader pactport = targets.pactport().reader();
        List<Comparison> comparisons = new ArrayList<>();
        for (SyncTargets.Target target : oldBrokers()) {
            BrokerReader old = targets.reader(target);
            int disagreements = 0;
            for (Question q : questionsFor.apply(old)) {
                Optional<JsonNode> o = answer(old, q);
                Optional<JsonNode> n = answer(pactport, q);
                Boolean od = o.map(CutoverService::deployable).orElse(null);
                Boolean nd = n.map(CutoverService::deployable).orElse(null);
                boolean agree = o.isPresent() && n.isPresent() && java.util.Objects.equals(od, nd);
                comparisons.add(new Comparison(
                        target.config().name(),
                        q,
                        od,
                        nd,
                        o.map(CutoverService::reason).orElse(null),
                        n.map(CutoverService::reason).orElse(null),
                        agree));
                disagreements += agree ? 0 : 1;
            }
            disagreementGauges
                    .computeIfAbsent(
                            target.config().name(),
                            name -> registry.gauge(
                                    "pactport_cutover_shadow_disagreements",
                                    io.micrometer.core.instrument.Tags.of("target", name),
                                    new AtomicLong()))
                    .set(disagreements);
        }
        return new Shadow(
                source,
                comparisons.size(),
                (int) comparisons.stream().filter(c -> !c.agree()).count(),
                comparisons);
    }

    private List<Question> productionQuestions(BrokerReader old) {
        List<Question> questions = new ArrayList<>();
        for (var p : ProductionVersions.of(old, config.productionTags())) {
            for (Placement placement : p.placements()) {
                if (placement.kind() != ProductionVersions.Kind.TAGGED) {
                    questions.add(new Question(p.pacticipant(), p.version(), placement.where(), null));
                }
            }
        }
        return questions;
    }

    private static Optional<JsonNode> answer(BrokerReader broker, Question q) {
        try {
            return broker.canIDeploy(q.pacticipant(), q.version(), q.environment(), q.to());
        } catch (RemoteBrokerException e) {
            // a 400 (unknown version, say) is an answer too: that the question cannot be answered there
            return Optional.empty();
        }
    }

    private static Boolean deployable(JsonNode answer) {
        JsonNode d = answer.path("summary").path("deployable");
        return d.isBoolean() ? d.asBoolean() : null;
    }

    private static String reason(JsonNode answer) {
        return answer.path("summary").path("reason").asText(null);
    }

    private List<SyncTargets.Target> oldBrokers() {
        return targets.all().stream()
                .filter(t -> t.config().enabled() && t.config().cutover())
                .toList();
    }

    private TargetReport compare(SyncTargets.Target target, BrokerReader pactport) {
        String name = target.config().name();
        AtomicLong gauge = missingGauges.computeIfAbsent(
                name,
                n -> registry.gauge(
                        "pactport_cutover_missing",
                        io.micrometer.core.instrument.Tags.of("target", n),
                        new AtomicLong(-1)));
        try {
            CutoverCheck.Report report =
                    CutoverCheck.compare(targets.reader(target), pactport, config.productionTags());
            gauge.set(report.missing().size());
            return new TargetReport(
                    name,
                    report.ready(),
                    report.productionVersions(),
                    report.missing().size(),
                    report.missing(),
                    null);
        } catch (RemoteBrokerException e) {
            gauge.set(-1);
            return new TargetReport(name, false, 0, 0, List.of(), e.getMessage());
        }
    }
}
