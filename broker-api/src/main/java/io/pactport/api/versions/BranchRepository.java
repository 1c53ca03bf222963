package io.pactport.api.versions;

import io.pactport.api.http.Page;
import io.pactport.api.http.PageRequest;
import io.pactport.api.pacticipants.PacticipantRepository;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * SQL on {@code branches}, {@code branch_versions} and {@code branch_heads}, keeping the Pact Broker's invariants: a
 * version is on a branch once; the branch head is the version added to the branch last (not the one with the greatest
 * order); {@code branches.updated_at} moves at most once a minute (the stale-branch clean reads it).
 */
@ApplicationScoped
public class BranchRepository {

    /**
     * Adds the version to the branch (created when new) and makes it the branch's head, in one statement: the branch's
     * upsert, the branch version and the head move are one round trip. Returns a row when the version was newly added
     * (a version already on the branch changes nothing but the branch's {@code updated_at}, at most once a minute).
     */
    private static final String ADD_VERSION = """
            WITH branch AS (
              INSERT INTO branches (name, pacticipant_id, created_at, updated_at)
              VALUES ($5::text, $4::int, now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC')
              ON CONFLICT (pacticipant_id, name) DO UPDATE
                SET updated_at = CASE WHEN branches.updated_at < (now() AT TIME ZONE 'UTC') - interval '60 seconds'
                                      THEN now() AT TIME ZONE 'UTC' ELSE branches.updated_at END
              RETURNING id
            ), added AS (
              INSERT INTO branch_versions (branch_id, version_id, version_order, pacticipant_id, branch_name,
                                           created_at, updated_at, auto_created)
              SELECT branch.id, $1::int, $2::int, $4, $5, now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC', $3::boolean
              FROM branch
              ON CONFLICT (branch_id, version_id) DO NOTHING
              RETURNING id, branch_id
            ), head AS (
              INSERT INTO branch_heads (branch_id, branch_version_id, version_id, pacticipant_id, branch_name)
              SELECT added.branch_id, added.id, $1, $4, $5 FROM added
              ON CONFLICT (branch_id) DO UPDATE
                SET branch_version_id = excluded.branch_version_id, version_id = excluded.version_id
            )
            SELECT id FROM added
            """;

    private static final String FIND = "SELECT * FROM branches WHERE pacticipant_id = $1 AND name = $2";
    // most recently used first, as the Pact Broker lists them
    private static final String LIST = """
            SELECT * FROM branches WHERE pacticipant_id = $1 ORDER BY updated_at DESC, id DESC
            """;
    // a page of the list; $2, when given, is an ILIKE pattern the name must match (the Pact Broker's q filter)
    private static final String PAGE = """
            SELECT * FROM branches WHERE pacticipant_id = $1 AND ($2::text IS NULL OR name ILIKE $2)
            ORDER BY updated_at DESC, id DESC LIMIT $3 OFFSET $4
            """;
    private static final String COUNT = """
            SELECT count(*) FROM branches WHERE pacticipant_id = $1 AND ($2::text IS NULL OR name ILIKE $2)
            """;
    private static final String DELETE = "DELETE FROM branches WHERE id = $1";
    // the head row goes with its branch version (ON DELETE CASCADE)
    private static final String DELETE_BRANCH_VERSION = "DELETE FROM branch_versions WHERE id = $1";
    private static final String BRANCH_VERSIONS = """
            SELECT bv.*, v.number AS version_number, bh.branch_version_id IS NOT NULL AS latest
            FROM branch_versions bv
            JOIN versions v ON v.id = bv.version_id
            LEFT JOIN branch_heads bh ON bh.branch_version_id = bv.id
            """;
    private static final String FIND_BRANCH_VERSION =
            BRANCH_VERSIONS + "WHERE bv.pacticipant_id = $1 AND bv.branch_name = $2 AND v.number = $3";
    private static final String FOR_VERSION =
            BRANCH_VERSIONS + "WHERE bv.version_id = $1 ORDER BY bv.created_at, bv.id";
    private static final String HEADED_BY = "SELECT branch_id FROM branch_heads WHERE version_id = $1";
    // the Pact Broker re-points a head whose version was deleted to the branch's remaining version with the greatest
    // order (BranchVersion.find_latest_for_branch)
    private static final String REPOINT_HEADS = """
            INSERT INTO branch_heads (branch_id, branch_version_id, version_id, pacticipant_id, branch_name)
            SELECT DISTINCT ON (bv.branch_id) bv.branch_id, bv.id, bv.version_id, bv.pacticipant_id, bv.branch_name
            FROM branch_versions bv
            WHERE bv.branch_id = ANY($1)
            ORDER BY bv.branch_id, bv.version_order DESC, bv.id DESC
            ON CONFLICT (branch_id) DO UPDATE
              SET branch_version_id = excluded.branch_version_id, version_id = excluded.version_id
            """;

    private final PacticipantRepository pacticipants;

    BranchRepository(PacticipantRepository pacticipants) {
        this.pacticipants = pacticipants;
    }

    /**
     * Puts {@code version} on the pacticipant's branch {@code branchName}, creating the branch if needed.
     *
     * @return whether the version was newly added to the branch (and so became its head)
     */
    public Uni<Boolean> addVersion(SqlClient c, Version version, String branchName, boolean autoCreated) {
        return c.preparedQuery(ADD_VERSION)
                .execute(Tuple.from(
                        List.of(version.id(), version.order(), autoCreated, version.pacticipantId(), branchName)))
                .map(added -> added.iterator().hasNext())
                .call(() -> pacticipants.detectMainBranch(c, version.pacticipantId(), branchName));
    }

    public Uni<Optional<Branch>> find(SqlClient c, long pacticipantId, String name) {
        return c.preparedQuery(FIND)
                .execute(Tuple.of(pacticipantId, name))
                .map(rows -> all(rows, Branch::from).stream().findFirst());
    }

    public Uni<List<Branch>> list(SqlClient c, long pacticipantId) {
        return c.preparedQuery(LIST).execute(Tuple.of(pacticipantId)).map(rows -> all(rows, Branch::from));
    }

    /** A page of the pacticipant's branches, most recently used first; {@code contains} (if given) filters names. */
    public Uni<Page<Branch>> page(SqlClient c, long pacticipantId, String contains, PageRequest page) {
        String pattern = contains == null
                ? null
                : "%" + contains.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return c.preparedQuery(PAGE)
                .execute(Tuple.from(Arrays.asList(pacticipantId, pattern, page.size(), page.offset())))
                .map(rows -> all(rows, Branch::from))
                .flatMap(items -> c.preparedQuery(COUNT)
                        .execute(Tuple.from(Arrays.asList(pacticipantId, pattern)))
                        .map(rows -> page.of(items, rows.iterator().next().getLong(0))));
    }

    /** Deletes the branch; its branch versions and head cascade, its versions stay. */
    public Uni<Void> delete(SqlClient c, long branchId) {
        return c.preparedQuery(DELETE).execute(Tuple.of(branchId)).replaceWithVoid();
    }

    /**
     * Takes the version off its branch, as the Pact Broker's {@code delete_branch_version}: when it was the head, the
     * branch's remaining version with the greatest order becomes the head; a branch left without versions stays,
     * headless. The version itself stays.
     */
    public Uni<Void> deleteBranchVersion(SqlClient c, BranchVersion branchVersion) {
        return c.preparedQuery(DELETE_BRANCH_VERSION)
                .execute(Tuple.of(branchVersion.id()))
                .call(() -> branchVersion.latest()
                        ? repointHeads(c, List.of(branchVersion.branchId()))
                        : Uni.createFrom().voidItem())
                .replaceWithVoid();
    }

    public Uni<Optional<BranchVersion>> findBranchVersion(
            SqlClient c, long pacticipantId, String branchName, String versionNumber) {
        return c.preparedQuery(FIND_BRANCH_VERSION)
                .execute(Tuple.of(pacticipantId, branchName, versionNumber))
                .map(rows -> all(rows, BranchVersion::from).stream().findFirst());
    }

    /** The branches the version is on, in the order it was added to them. */
    public Uni<List<BranchVersion>> forVersion(SqlClient c, long versionId) {
        return c.preparedQuery(FOR_VERSION).execute(Tuple.of(versionId)).map(rows -> all(rows, BranchVersion::from));
    }

    /** The ids of the branches whose head is the version. */
    public Uni<List<Long>> headedBy(SqlClient c, long versionId) {
        return c.preparedQuery(HEADED_BY)
                .execute(Tuple.of(versionId))
                .map(rows -> all(rows, r -> r.getLong("branch_id")));
    }

    /** Makes each branch's remaining latest version its head (branches left without versions stay headless). */
    public Uni<Void> repointHeads(SqlClient c, List<Long> branchIds) {
        if (branchIds.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return c.preparedQuery(REPOINT_HEADS)
                .execute(Tuple.of(branchIds.stream().map(Long::intValue).toArray(Integer[]::new)))
                .replaceWithVoid();
    }

    private static <T> List<T> all(Iterable<Row> rows, Function<Row, T> mapper) {
        List<T> all = new ArrayList<>();
        rows.forEach(row -> all.add(mapper.apply(row)));
        return all;
    }
}
