package io.pactport.api.matrix;

import io.pactport.api.db.GenericPlans;
import io.pactport.api.http.InvalidQueryException;
import io.pactport.api.matrix.MatrixRepository.FoundVersion;
import io.pactport.api.matrix.MatrixRepository.Ids;
import io.pactport.api.matrix.MatrixRepository.RowCriteria;
import io.pactport.api.matrix.MatrixRepository.RowOptions;
import io.pactport.api.matrix.ResolvedMatrixSelector.Type;
import io.pactport.api.pacticipants.PacticipantService;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The matrix and can-i-deploy, in the Pact Broker's steps: validate, resolve the ignore and the asked selectors to
 * versions, find the integrations they take part in, infer the versions of the integrated applications from the target
 * (environment, tag, main branch or latest), read the rows, and split off the ignored ones. Each step is a handful of
 * index-driven statements, whatever the number of rows or versions behind them.
 */
@ApplicationScoped
public class MatrixService {

    private final Pool pool;
    private final MatrixRepository repository;
    private final CanIDeployQuestions questions;

    MatrixService(Pool pool, MatrixRepository repository, CanIDeployQuestions questions) {
        this.pool = pool;
        this.repository = repository;
        this.questions = questions;
    }

    /**
     * The pacticipants and environments the query names, looked up in one statement; {@link #find(MatrixQuery, Ids)}
     * takes them, so that a request looks each name up once.
     */
    public Uni<Ids> ids(MatrixQuery q) {
        return ids(
                Stream.concat(q.selectors().stream(), q.ignore().stream()).map(MatrixSelector::pacticipant),
                Stream.concat(
                        Stream.of(q.environment()),
                        Stream.concat(q.selectors().stream(), q.ignore().stream())
                                .map(MatrixSelector::environment)));
    }

    /** The pacticipants and environments of these names (nulls skipped) that exist. */
    public Uni<Ids> ids(Stream<String> pacticipants, Stream<String> environments) {
        return repository.ids(
                pool,
                pacticipants.filter(Objects::nonNull).distinct().toList(),
                environments.filter(Objects::nonNull).distinct().toList());
    }

    /** The Pact Broker's checks of a matrix query, with its messages; empty when the query is valid. */
    static List<String> validate(MatrixQuery q, Ids found) {
        Map<String, Long> ids = found.pacticipants();
        List<String> errors = new ArrayList<>();
        for (MatrixSelector s : q.selectors()) {
            if (s.pacticipant() == null) {
                errors.add("Please specify the pacticipant name");
            } else if (s.version() != null && s.latest()) {
                errors.add("A version number and latest flag cannot both be specified for " + s.pacticipant());
            }
        }
        q.selectors().stream()
                .map(MatrixSelector::pacticipant)
                .filter(Objects::nonNull)
                .filter(name -> !ids.containsKey(name))
                .forEach(name -> errors.add("Pacticipant " + name + " not found"));
        if (q.selectors().isEmpty()) {
            errors.add("Please provide 1 or more version selectors.");
        }
        errors.addAll(validateOptions(q, found));
        return errors;
    }

    /**
     * The Pact Broker's checks of a matrix query's options alone (ignore, target, limit), which the matrix of one
     * integration also makes: its selectors come from the path.
     */
    static List<String> validateOptions(MatrixQuery q, Ids found) {
        List<String> errors = new ArrayList<>();
        for (MatrixSelector s : q.ignore()) {
            if (s.pacticipant() == null) {
                errors.add("Please specify the pacticipant name to ignore");
            } else if (s.version() != null && s.latest()) {
                errors.add("A version number and latest flag cannot both be specified for " + s.pacticipant()
                        + " to ignore");
            }
        }
        if (Stream.of(q.tag(), q.environment(), q.mainBranch() ? "true" : null)
                        .filter(Objects::nonNull)
                        .count()
                > 1) {
            errors.add("Cannot specify more than one of tag, environment and mainBranch.");
        }
        if (q.latest() && q.environment() != null) {
            errors.add("Cannot specify both latest=true and an environment.");
        }
        if (q.environment() != null && !found.environments().containsKey(q.environment())) {
            errors.add("Environment with name '" + q.environment() + "' does not exist");
        }
        if (q.limit() < 1) {
            errors.add("The limit must be 1 or greater.");
        }
        return errors;
    }

    /**
     * {@code GET /matrix}: validates, then answers; invalid queries fail with {@link InvalidQueryException}. The
     * {@code pact-broker can-i-deploy} command asks here, so a can-i-deploy-shaped answer is a question asked.
     */
    public Uni<MatrixResult> query(MatrixQuery q) {
        return ids(q).flatMap(ids -> {
            List<String> errors = validate(q, ids);
            if (!errors.isEmpty()) {
                throw new InvalidQueryException(errors);
            }
            return find(q, ids).invoke(questions::answered);
        });
    }

    /**
     * {@code GET /matrix/provider/{p}/consumer/{c}}: every version of the two compared with each other, with the
     * query's options. Invalid options fail with {@link InvalidQueryException} before the names are checked, as the
     * Pact Broker validates a request before it looks for the resource; a missing pacticipant is a 404.
     */
    public Uni<MatrixResult> forIntegration(String consumer, String provider, MatrixQuery options) {
        MatrixQuery q = options.forIntegration(consumer, provider);
        return ids(q).flatMap(ids -> {
            List<String> errors = validateOptions(q, ids);
            if (!errors.isEmpty()) {
                throw new InvalidQueryException(errors);
            }
            for (String name : List.of(consumer, provider)) {
                if (!ids.pacticipants().containsKey(name)) {
                    throw PacticipantService.notFound(name);
                }
            }
            return find(q, ids);
        });
    }

    /** The matrix for a valid query. */
    public Uni<MatrixResult> find(MatrixQuery q) {
        return ids(q).flatMap(ids -> find(q, ids));
    }

    /**
     * The matrix for a valid query whose names were looked up already: the asked versions, their integrations, the
     * integrated applications' versions the target names, the rows and the versions' details, a statement each.
     *
     * @param ids at least every pacticipant and environment {@link #ids(MatrixQuery)} would look up
     */
    public Uni<MatrixResult> find(MatrixQuery q, Ids ids) {
        return GenericPlans.inTransaction(pool, c -> {
            Resolver resolver = new Resolver(c, ids.pacticipants(), ids.environments());
            return resolver.resolve(q.ignore(), Type.IGNORE, List.of())
                    .flatMap(ignore -> resolver.resolve(q.selectors(), Type.SPECIFIED, ignore)
                            .flatMap(specified -> integrations(c, q, specified)
                                    .flatMap(integrations -> inferred(q, specified, ignore, integrations, resolver)
                                            .flatMap(inferred ->
                                                    rows(c, q, specified, inferred, ignore, integrations)))));
        });
    }

    /**
     * With a target (or only one version asked about): every integration the asked versions are in, as consumer
     * (required) or provider (not). Otherwise only those between the asked versions.
     */
    private Uni<List<MatrixIntegration>> integrations(
            SqlClient c, MatrixQuery q, List<ResolvedMatrixSelector> specified) {
        List<Long> versionIds = versionIds(specified);
        List<Long> wholeIds = specified.stream()
                .filter(ResolvedMatrixSelector::onlyPacticipant)
                .map(ResolvedMatrixSelector::pacticipantId)
                .distinct()
                .toList();
        List<Long> pacticipantIds = specified.stream()
                .map(ResolvedMatrixSelector::pacticipantId)
                .filter(id -> id != ResolvedMatrixSelector.MISSING)
                .distinct()
                .toList();
        Uni<List<MatrixIntegration>> found;
        if (q.infersIntegratedVersions() || specified.size() == 1) {
            found = repository.integrationsOf(c, versionIds, wholeIds, pacticipantIds);
        } else {
            Set<String> asked = new LinkedHashSet<>();
            specified.forEach(s -> asked.add(s.pacticipantName()));
            found = repository
                    .integrationsBetween(c, versionIds, wholeIds, pacticipantIds)
                    .map(all -> all.stream()
                            .map(i -> new MatrixIntegration(
                                    i.consumerId(),
                                    i.consumerName(),
                                    i.providerId(),
                                    i.providerName(),
                                    asked.contains(i.consumerName())))
                            .toList());
        }
        return found.map(all -> all.stream()
                .sorted(Comparator.comparing(MatrixIntegration::consumerName)
                        .thenComparing(MatrixIntegration::providerName))
                .toList());
    }

    /** The versions of the integrated applications the target names (e.g. what is in production now). */
    private Uni<List<ResolvedMatrixSelector>> inferred(
            MatrixQuery q,
            List<ResolvedMatrixSelector> specified,
            List<ResolvedMatrixSelector> ignore,
            List<MatrixIntegration> integrations,
            Resolver resolver) {
        if (!q.infersIntegratedVersions()) {
            return Uni.createFrom().item(List.of());
        }
        Set<String> askedNames = new LinkedHashSet<>();
        specified.forEach(s -> askedNames.add(s.pacticipantName()));
        Map<String, Long> others = new LinkedHashMap<>();
        for (MatrixIntegration i : integrations) {
            if (!askedNames.contains(i.consumerName())) {
                others.putIfAbsent(i.consumerName(), i.consumerId());
            }
            if (!askedNames.contains(i.providerName())) {
                others.putIfAbsent(i.providerName(), i.providerId());
            }
        }
        if (others.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        MatrixSelector target = MatrixSelector.target(q.latest(), q.tag(), q.mainBranch(), q.environment());
        return resolver.resolveAll(others, target, ignore);
    }

    private Uni<MatrixResult> rows(
            SqlClient c,
            MatrixQuery q,
            List<ResolvedMatrixSelector> specified,
            List<ResolvedMatrixSelector> inferred,
            List<ResolvedMatrixSelector> ignore,
            List<MatrixIntegration> integrations) {
        List<ResolvedMatrixSelector> all = new ArrayList<>(specified);
        all.addAll(inferred);
        RowCriteria criteria = new RowCriteria(
                all.stream()
                        .filter(ResolvedMatrixSelector::onlyPacticipant)
                        .map(ResolvedMatrixSelector::pacticipantId)
                        .distinct()
                        .toList(),
                versionIds(all),
                all.stream()
                        .map(ResolvedMatrixSelector::pacticipantId)
                        .distinct()
                        .toList(),
                specified.stream()
                        .map(ResolvedMatrixSelector::pacticipantId)
                        .distinct()
                        .toList(),
                all.size() == 1);
        return repository
                .rows(c, criteria, new RowOptions(q.latestby(), q.success(), q.limit()))
                .flatMap(rows -> {
                    List<MatrixRow> considered = new ArrayList<>();
                    List<MatrixRow> ignored = new ArrayList<>();
                    rows.forEach(row -> (ignored(row, ignore) ? ignored : considered).add(row));
                    List<Long> versionIds = rows.stream()
                            .flatMap(r -> Stream.of(r.consumerVersionId(), r.providerVersionId()))
                            .filter(Objects::nonNull)
                            .distinct()
                            .toList();
                    return repository
                            .details(c, versionIds)
                            .map(details ->
                                    new MatrixResult(q, considered, ignored, all, ignore, integrations, details));
                });
    }

    private static boolean ignored(MatrixRow row, List<ResolvedMatrixSelector> ignore) {
        return ignore.stream()
                .anyMatch(s -> s.pacticipantId() == row.consumerId()
                                && (s.onlyPacticipant() || Objects.equals(s.versionId(), row.consumerVersionId()))
                        || s.pacticipantId() == row.providerId()
                                && (s.onlyPacticipant() || Objects.equals(s.versionId(), row.providerVersionId())));
    }

    private static List<Long> versionIds(List<ResolvedMatrixSelector> selectors) {
        return selectors.stream()
                .map(ResolvedMatrixSelector::versionId)
                .filter(id -> id != null && id != ResolvedMatrixSelector.MISSING)
                .distinct()
                .toList();
    }

    /** Turns selectors into resolved selectors, one statement per selector (one for all inferred ones). */
    private final class Resolver {

        private final SqlClient c;
        private final Map<String, Long> pacticipantIds;
        private final Map<String, Long> environmentIds;

        Resolver(SqlClient c, Map<String, Long> pacticipantIds, Map<String, Long> environmentIds) {
            this.c = c;
            this.pacticipantIds = pacticipantIds;
            this.environmentIds = environmentIds;
        }

        Uni<List<ResolvedMatrixSelector>> resolve(
                List<MatrixSelector> selectors, Type type, List<ResolvedMatrixSelector> ignore) {
            if (selectors.isEmpty()) {
                return Uni.createFrom().item(List.of());
            }
            List<Uni<List<ResolvedMatrixSelector>>> each = new ArrayList<>();
            for (MatrixSelector s : selectors) {
                Long id = pacticipantIds.get(s.pacticipant());
                if (id == null) {
                    each.add(Uni.createFrom()
                            .item(List.of(ResolvedMatrixSelector.everyVersion(
                                    ResolvedMatrixSelector.MISSING, s, type, false))));
                } else if (s.onlyPacticipant()) {
                    each.add(Uni.createFrom()
                            .item(List.of(
                                    ResolvedMatrixSelector.everyVersion(id, s, type, ignorePacticipant(ignore, id)))));
                } else {
                    each.add(resolveAll(Map.of(s.pacticipant(), id), s, ignore)
                            .map(found -> found.stream()
                                    .map(r -> new ResolvedMatrixSelector(
                                            r.pacticipantId(),
                                            r.pacticipantName(),
                                            r.versionId(),
                                            r.versionNumber(),
                                            r.original(),
                                            type,
                                            r.ignore(),
                                            r.oneOfMany(),
                                            r.branch()))
                                    .toList()));
                }
            }
            return Uni.join()
                    .all(each)
                    .andFailFast()
                    .map(lists -> lists.stream().flatMap(List::stream).toList());
        }

        /** One selector shape for several pacticipants (name to id), as inferred selectors. */
        Uni<List<ResolvedMatrixSelector>> resolveAll(
                Map<String, Long> pacticipants, MatrixSelector shape, List<ResolvedMatrixSelector> ignore) {
            Long environmentId = shape.environment() == null
                    ? null
                    : environmentIds.getOrDefault(shape.environment(), ResolvedMatrixSelector.MISSING);
            return repository
                    .versions(c, shape, environmentId, List.copyOf(pacticipants.values()))
                    .map(found -> {
                        List<ResolvedMatrixSelector> resolved = new ArrayList<>();
                        pacticipants.forEach((name, id) -> {
                            MatrixSelector original = new MatrixSelector(
                                    name,
                                    shape.version(),
                                    shape.latest(),
                                    shape.tag(),
                                    shape.branch(),
                                    shape.mainBranch(),
                                    shape.environment());
                            List<FoundVersion> versions = found.stream()
                                    .filter(v -> v.pacticipantId() == id)
                                    .toList();
                            if (versions.isEmpty()) {
                                resolved.add(new ResolvedMatrixSelector(
                                        id,
                                        name,
                                        ResolvedMatrixSelector.MISSING,
                                        shape.version(),
                                        original,
                                        Type.INFERRED,
                                        ignorePacticipant(ignore, id),
                                        false,
                                        shape.branch()));
                            }
                            for (FoundVersion v : versions) {
                                String branch = shape.branch() != null
                                        ? shape.branch()
                                        : shape.mainBranch() ? v.mainBranch() : null;
                                resolved.add(new ResolvedMatrixSelector(
                                        id,
                                        name,
                                        v.id(),
                                        v.number(),
                                        original,
                                        Type.INFERRED,
                                        ignoreVersion(ignore, id, v.id()),
                                        versions.size() > 1,
                                        branch));
                            }
                        });
                        return resolved;
                    });
        }

        private static boolean ignorePacticipant(List<ResolvedMatrixSelector> ignore, long pacticipantId) {
            return ignore.stream().anyMatch(s -> s.pacticipantId() == pacticipantId && s.onlyPacticipant());
        }

        private static boolean ignoreVersion(List<ResolvedMatrixSelector> ignore, long pacticipantId, long versionId) {
            return ignore.stream()
                    .anyMatch(s -> s.pacticipantId() == pacticipantId
                            && (s.onlyPacticipant() || Objects.equals(s.versionId(), versionId)));
        }
    }
}
