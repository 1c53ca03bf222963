package io.pactport.api.pacticipants;

import io.pactport.api.config.ApiConfig;
import io.pactport.api.db.Upserted;
import io.pactport.api.http.ConflictException;
import io.pactport.api.http.Page;
import io.pactport.api.http.PageRequest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * SQL on {@code pacticipants}. A pacticipant is found by its exact name, as in the Pact Broker by default, or by its
 * name in any case ({@code PACTFLOW_USE_CASE_SENSITIVE_RESOURCE_NAMES=false}).
 */
@ApplicationScoped
public class PacticipantRepository {

    private static final String BY_NAME = "WHERE p.name = $1";
    // lower() rather than the Ruby broker's ILIKE with escaped wildcards: the same matches, without the escaping
    private static final String BY_NAME_IN_ANY_CASE = "WHERE lower(p.name) = lower($1)";
    private static final String FIND = "SELECT p.* FROM pacticipants p ";
    private static final String NAMES = "SELECT name FROM pacticipants ORDER BY name";
    private static final String ALL = "SELECT * FROM pacticipants ORDER BY id";
    // the display name is generated on creation, as the Pact Broker's model does before every save
    private static final String CREATE_IF_ABSENT = """
            INSERT INTO pacticipants (name, display_name, created_at, updated_at)
            VALUES ($1, $2, now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC')
            ON CONFLICT (name) DO NOTHING
            RETURNING *
            """;
    private static final String CREATE_WITH_FIELDS = """
            INSERT INTO pacticipants (name, display_name, repository_url, repository_name, repository_namespace,
                                      main_branch, created_at, updated_at)
            VALUES ($1, $2, $3, $4, $5, $6, now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC')
            ON CONFLICT (name) DO NOTHING
            RETURNING *
            """;
    private static final String UPDATE = """
            UPDATE pacticipants
            SET display_name = $2, repository_url = $3, repository_name = $4, repository_namespace = $5,
                main_branch = $6, updated_at = now() AT TIME ZONE 'UTC'
            WHERE id = $1
            RETURNING *
            """;
    private static final String SET_MAIN_BRANCH_IF_NONE = """
            UPDATE pacticipants SET main_branch = $2, updated_at = now() AT TIME ZONE 'UTC'
            WHERE id = $1 AND main_branch IS NULL
            """;
    // latest version = greatest "order"; labels by name, as the Pact Broker's associations order them
    private static final String DETAILS = """
            SELECT p.*, lv.number AS latest_version_number,
                   ARRAY(SELECT l.name FROM labels l WHERE l.pacticipant_id = p.id ORDER BY l.name) AS label_names
            FROM pacticipants p
            LEFT JOIN LATERAL (SELECT v.number FROM versions v WHERE v.pacticipant_id = p.id
                               ORDER BY v."order" DESC LIMIT 1) lv ON true
            """;
    /** $1: a label the pacticipants must have, or null; $2, $3: the page (a null limit is no limit). */
    private static final String WITH_LABEL = """
            WHERE ($1::text IS NULL OR EXISTS (SELECT 1 FROM labels l WHERE l.pacticipant_id = p.id AND l.name = $1))
            """;

    private static final String LIST_DETAILS = DETAILS + WITH_LABEL + """
            ORDER BY lower(p.name), p.id LIMIT $2 OFFSET $3
            """;
    private static final String COUNT = "SELECT count(*) FROM pacticipants p " + WITH_LABEL;

    /** The branch names that may become a main branch; empty when main branches are not detected. */
    private final Set<String> mainBranchCandidates;

    private final boolean caseSensitive;
    private final String findByName;
    private final String findDetails;

    PacticipantRepository(ApiConfig config) {
        this.caseSensitive = config.useCaseSensitiveResourceNames();
        String byName = caseSensitive ? BY_NAME : BY_NAME_IN_ANY_CASE;
        this.findByName = FIND + byName;
        this.findDetails = DETAILS + byName;
        this.mainBranchCandidates =
                config.autoDetectMainBranch() ? Set.copyOf(ApiConfig.words(config.mainBranchCandidates())) : Set.of();
    }

    /** Every pacticipant, oldest first. */
    public Uni<List<Pacticipant>> all(SqlClient c) {
        return c.query(ALL).execute().map(rows -> {
            List<Pacticipant> all = new ArrayList<>();
            rows.forEach(row -> all.add(Pacticipant.from(row)));
            return all;
        });
    }

    public Uni<Optional<Pacticipant>> findByName(SqlClient c, String name) {
        return c.preparedQuery(findByName).execute(Tuple.of(name)).map(rows -> {
            requireOne(rows, name);
            return first(rows);
        });
    }

    /**
     * The pacticipant called {@code name}, created if absent; safe against concurrent creation. Looked up first: almost
     * every write names a pacticipant that exists, and a plain look-up is one statement where an insert that conflicts
     * is two (and a wasted id).
     */
    public Uni<Upserted<Pacticipant>> findOrCreate(SqlClient c, String name) {
        return findByName(c, name)
                .flatMap(found -> found.isPresent()
                        ? Uni.createFrom().item(new Upserted<>(found.get(), false))
                        : c.preparedQuery(CREATE_IF_ABSENT)
                                .execute(Tuple.of(name, PacticipantDisplayName.of(name)))
                                .flatMap(created -> first(created)
                                        .map(p -> Uni.createFrom().item(new Upserted<>(p, true)))
                                        // created by a concurrent request since the look-up
                                        .orElseGet(() ->
                                                findByName(c, name).map(p -> new Upserted<>(p.orElseThrow(), false)))));
    }

    /** Creates {@code name} with {@code fields}; an existing pacticipant of that name is returned unchanged. */
    public Uni<Upserted<Pacticipant>> create(SqlClient c, String name, PacticipantFields fields) {
        if (!caseSensitive) {
            // the name in another case is that pacticipant: the insert would not conflict with it
            return findByName(c, name)
                    .flatMap(found -> found.isPresent()
                            ? Uni.createFrom().item(new Upserted<>(found.get(), false))
                            : insert(c, name, fields));
        }
        return insert(c, name, fields);
    }

    private Uni<Upserted<Pacticipant>> insert(SqlClient c, String name, PacticipantFields fields) {
        PacticipantFields stored = fields.normalisedFor(name);
        return c.preparedQuery(CREATE_WITH_FIELDS)
                .execute(Tuple.from(Arrays.asList(
                        name,
                        stored.displayName(),
                        stored.repositoryUrl(),
                        stored.repositoryName(),
                        stored.repositoryNamespace(),
                        stored.mainBranch())))
                .flatMap(created -> first(created)
                        .map(p -> Uni.createFrom().item(new Upserted<>(p, true)))
                        .orElseGet(() -> findByName(c, name).map(p -> new Upserted<>(p.orElseThrow(), false))));
    }

    /** Overwrites every writable field of {@code pacticipant}. */
    public Uni<Pacticipant> update(SqlClient c, Pacticipant pacticipant, PacticipantFields fields) {
        PacticipantFields stored = fields.normalisedFor(pacticipant.name());
        return c.preparedQuery(UPDATE)
                .execute(Tuple.from(Arrays.asList(
                        pacticipant.id(),
                        stored.displayName(),
                        stored.repositoryUrl(),
                        stored.repositoryName(),
                        stored.repositoryNamespace(),
                        stored.mainBranch())))
                .map(rows -> first(rows).orElseThrow());
    }

    /**
     * Makes {@code candidate} (a branch or tag name) the main branch when none is set and it is one of the main branch
     * candidates, as the Pact Broker's {@code auto_detect_main_branch} does on every branch and tag written.
     */
    public Uni<Void> detectMainBranch(SqlClient c, long pacticipantId, String candidate) {
        if (!mainBranchCandidates.contains(candidate)) {
            return Uni.createFrom().voidItem();
        }
        return c.preparedQuery(SET_MAIN_BRANCH_IF_NONE)
                .execute(Tuple.of(pacticipantId, candidate))
                .replaceWithVoid();
    }

    public Uni<Optional<PacticipantDetails>> findDetails(SqlClient c, String name) {
        return c.preparedQuery(findDetails).execute(Tuple.of(name)).map(rows -> {
            requireOne(rows, name);
            return details(rows).stream().findFirst();
        });
    }

    /** Every pacticipant, or those with the label {@code label} when it is not null, by name ignoring case. */
    /** Pacticipants by name, all of them or those with {@code label} (null: all); one page of them, or all. */
    public Uni<Page<PacticipantDetails>> listDetails(SqlClient c, String label, Optional<PageRequest> page) {
        Uni<List<PacticipantDetails>> items = c.preparedQuery(LIST_DETAILS)
                .execute(Tuple.of(
                        label,
                        page.map(PageRequest::size).orElse(null),
                        page.map(PageRequest::offset).orElse(0L)))
                .map(PacticipantRepository::details);
        if (page.isEmpty()) {
            return items.map(Page::whole);
        }
        return items.flatMap(found -> c.preparedQuery(COUNT)
                .execute(Tuple.of(label))
                .map(rows -> page.get().of(found, rows.iterator().next().getLong(0))));
    }

    /** Whether a look-up of {@code asked} finds the pacticipant called {@code stored}. */
    public boolean sameName(String stored, String asked) {
        return caseSensitive ? stored.equals(asked) : stored.equalsIgnoreCase(asked);
    }

    /** Every pacticipant's name, by name. */
    public Uni<List<String>> names(SqlClient c) {
        return c.preparedQuery(NAMES).execute().map(rows -> {
            List<String> names = new ArrayList<>();
            rows.forEach(row -> names.add(row.getString(0)));
            return names;
        });
    }

    /** Names matched in any case may find several pacticipants, which the Pact Broker refuses to choose between. */
    private static void requireOne(RowSet<Row> rows, String name) {
        if (rows.size() > 1) {
            List<String> names = new ArrayList<>();
            rows.forEach(row -> names.add(row.getString("name")));
            throw new ConflictException("Found multiple pacticipants with a case insensitive name match for '" + name
                    + "': " + String.join(", ", names) + ". Please delete one of them, or set"
                    + " PACTFLOW_USE_CASE_SENSITIVE_RESOURCE_NAMES=true");
        }
    }

    private static List<PacticipantDetails> details(RowSet<Row> rows) {
        List<PacticipantDetails> all = new ArrayList<>();
        rows.forEach(row -> all.add(PacticipantDetails.from(row)));
        return all;
    }

    private static Optional<Pacticipant> first(RowSet<Row> rows) {
        var it = rows.iterator();
        return it.hasNext() ? Optional.of(Pacticipant.from(it.next())) : Optional.empty();
    }
}
