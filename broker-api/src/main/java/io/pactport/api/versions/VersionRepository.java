package io.pactport.api.versions;

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

/** SQL on {@code versions}. "Latest" is always the greatest {@code "order"}, which {@link VersionOrdering} decides. */
@ApplicationScoped
public class VersionRepository {

    private static final String FIND = "SELECT * FROM versions WHERE pacticipant_id = $1 AND number = $2";
    // "order" comes from the global sequence in the same statement, so no reader ever sees a version without one
    // (the Ruby broker sets it right after the insert, which leaves a short NULL window).
    private static final String CREATE_IF_ABSENT = """
            INSERT INTO versions (number, pacticipant_id, build_url, "order", created_at, updated_at)
            VALUES ($2, $1, $3, nextval('version_order_sequence'), now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC')
            ON CONFLICT (pacticipant_id, number) DO NOTHING
            RETURNING *
            """;
    // Ordered by number, a version is inserted without an order and placed among the pacticipant's others in the same
    // transaction, as the Ruby broker does: the sequence's values could be orders its versions have already.
    private static final String CREATE_UNORDERED_IF_ABSENT = """
            INSERT INTO versions (number, pacticipant_id, build_url, created_at, updated_at)
            VALUES ($2, $1, $3, now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC')
            ON CONFLICT (pacticipant_id, number) DO NOTHING
            RETURNING *
            """;
    // one placement at a time per pacticipant, each seeing the versions placed before it
    private static final String LOCK_PACTICIPANT = "SELECT id FROM pacticipants WHERE id = $1 FOR UPDATE";
    private static final String ORDERED_OTHERS = """
            SELECT * FROM versions WHERE pacticipant_id = $1 AND id <> $2 AND "order" IS NOT NULL ORDER BY "order" DESC
            """;
    private static final String SET_ORDER = "UPDATE versions SET \"order\" = $2 WHERE id = $1 RETURNING *";
    // Moving versions up by one in one statement would break the unique (pacticipant_id, "order") index part-way, so
    // they move to distinct negative orders first (o becomes -o - 2), then to o + 1 as the new version takes its place.
    // updated_at stays, as the Ruby broker leaves it.
    private static final String MOVE_ASIDE = """
            UPDATE versions SET "order" = -"order" - 2 WHERE pacticipant_id = $1 AND "order" >= $2
            """;
    private static final String MOVE_UP_AND_PLACE = """
            UPDATE versions SET "order" = CASE WHEN id = $2 THEN $3 ELSE -"order" - 1 END
            WHERE pacticipant_id = $1 AND (id = $2 OR "order" < 0)
            RETURNING *
            """;
    private static final String SET_BUILD_URL = """
            UPDATE versions SET build_url = $2, updated_at = now() AT TIME ZONE 'UTC' WHERE id = $1 RETURNING *
            """;
    // The lists: a null limit is no limit; the limit and offset follow the list's own parameters
    private static final String LIST = """
            SELECT * FROM versions WHERE pacticipant_id = $1 ORDER BY "order" DESC LIMIT $2 OFFSET $3
            """;
    private static final String COUNT = """
            SELECT count(*) FROM versions WHERE pacticipant_id = $1
            """;
    private static final String LIST_ON_BRANCH = """
            SELECT v.* FROM branch_versions bv JOIN versions v ON v.id = bv.version_id
            WHERE bv.branch_id = $1 ORDER BY v."order" DESC LIMIT $2 OFFSET $3
            """;
    private static final String COUNT_ON_BRANCH = """
            SELECT count(*) FROM branch_versions WHERE branch_id = $1
            """;
    private static final String LIST_WITH_TAG = """
            SELECT v.* FROM tags t JOIN versions v ON v.id = t.version_id
            WHERE t.pacticipant_id = $1 AND t.name = $2 ORDER BY v."order" DESC LIMIT $3 OFFSET $4
            """;
    private static final String COUNT_WITH_TAG = """
            SELECT count(*) FROM tags WHERE pacticipant_id = $1 AND name = $2
            """;
    private static final String LATEST = """
            SELECT * FROM versions WHERE pacticipant_id = $1 ORDER BY "order" DESC LIMIT 1
            """;
    private static final String LATEST_WITH_TAG = """
            SELECT v.* FROM versions v JOIN tags t ON t.version_id = v.id AND t.name = $2
            WHERE v.pacticipant_id = $1 ORDER BY v."order" DESC LIMIT 1
            """;
    // a branch's latest version is its head: the version added to it last
    private static final String LATEST_ON_BRANCH = """
            SELECT v.* FROM versions v JOIN branch_heads bh ON bh.version_id = v.id
            WHERE bh.pacticipant_id = $1 AND bh.branch_name = $2
            """;

    private static final String NUMBERS_ON_BRANCH = """
            SELECT v.number FROM branch_versions bv JOIN versions v ON v.id = bv.version_id
            WHERE bv.branch_id = $1 ORDER BY bv.version_order
            """;

    private final VersionOrdering ordering;

    VersionRepository(VersionOrdering ordering) {
        this.ordering = ordering;
    }

    public Uni<Optional<Version>> find(SqlClient c, long pacticipantId, String number) {
        return c.preparedQuery(FIND).execute(Tuple.of(pacticipantId, number)).map(VersionRepository::first);
    }

    /** The pacticipant's version {@code number}, created (with its order) if absent; safe against concurrent creation. */
    public Uni<Upserted<Version>> findOrCreate(SqlClient c, long pacticipantId, String number) {
        return findOrCreate(c, pacticipantId, number, null);
    }

    /** As {@link #findOrCreate(SqlClient, long, String)}, a new version getting {@code buildUrl}. */
    public Uni<Upserted<Version>> findOrCreate(SqlClient c, long pacticipantId, String number, String buildUrl) {
        return findOrCreate(c, pacticipantId, number, buildUrl, 3);
    }

    /**
     * Looked up first (most writes name a version that exists: one statement instead of an insert that conflicts and
     * a look-up). An insert that conflicts means a concurrent request created the version since the look-up, so it is
     * looked up again; the data clean-up (or a version delete) may remove it again before that, and then it is
     * created anew, as a request a moment later would have done.
     */
    private Uni<Upserted<Version>> findOrCreate(
            SqlClient c, long pacticipantId, String number, String buildUrl, int attempts) {
        return find(c, pacticipantId, number).flatMap(found -> {
            if (found.isPresent()) {
                return Uni.createFrom().item(new Upserted<>(found.get(), false));
            }
            if (attempts <= 0) {
                return Uni.createFrom()
                        .failure(new ConflictException("Version " + number
                                + " was deleted while this request ran, again and again; send it again."));
            }
            return c.preparedQuery(ordering.byCreation() ? CREATE_IF_ABSENT : CREATE_UNORDERED_IF_ABSENT)
                    .execute(Tuple.from(Arrays.asList(pacticipantId, number, buildUrl)))
                    .flatMap(created -> first(created)
                            .map(v -> (ordering.byCreation() ? Uni.createFrom().item(v) : placeByNumber(c, v))
                                    .map(placed -> new Upserted<>(placed, true)))
                            .orElseGet(() -> findOrCreate(c, pacticipantId, number, buildUrl, attempts - 1)));
        });
    }

    /** Gives a version inserted without an order its place among the pacticipant's others, in the caller's transaction. */
    private Uni<Version> placeByNumber(SqlClient c, Version created) {
        long pacticipantId = created.pacticipantId();
        return c.preparedQuery(LOCK_PACTICIPANT)
                .execute(Tuple.of(pacticipantId))
                .flatMap(locked -> c.preparedQuery(ORDERED_OTHERS).execute(Tuple.of(pacticipantId, created.id())))
                .flatMap(rows -> {
                    List<Version> others = new ArrayList<>();
                    rows.forEach(row -> others.add(Version.from(row)));
                    int order = ordering.placeByNumber(created.number(), others);
                    if (others.isEmpty() || order > others.get(0).order()) {
                        return c.preparedQuery(SET_ORDER)
                                .execute(Tuple.of(created.id(), order))
                                .map(placed -> first(placed).orElseThrow());
                    }
                    return c.preparedQuery(MOVE_ASIDE)
                            .execute(Tuple.of(pacticipantId, order))
                            .flatMap(aside -> c.preparedQuery(MOVE_UP_AND_PLACE)
                                    .execute(Tuple.of(pacticipantId, created.id(), order)))
                            .map(moved -> {
                                for (Row row : moved) {
                                    if (row.getLong("id") == created.id()) {
                                        return Version.from(row);
                                    }
                                }
                                throw new IllegalStateException("version " + created.id() + " was not placed");
                            });
                });
    }

    public Uni<Version> setBuildUrl(SqlClient c, long versionId, String buildUrl) {
        return c.preparedQuery(SET_BUILD_URL)
                .execute(Tuple.from(Arrays.asList(versionId, buildUrl)))
                .map(rows -> first(rows).orElseThrow());
    }

    /** The pacticipant's versions, newest first: the page asked for, or all of them. */
    public Uni<Page<Version>> list(SqlClient c, long pacticipantId, Optional<PageRequest> page) {
        return page(c, LIST, COUNT, Tuple.of(pacticipantId), page);
    }

    /** The versions on the branch, newest first: the page asked for, or all of them. */
    public Uni<Page<Version>> listOnBranch(SqlClient c, long branchId, Optional<PageRequest> page) {
        return page(c, LIST_ON_BRANCH, COUNT_ON_BRANCH, Tuple.of(branchId), page);
    }

    /** The pacticipant's versions with the tag, newest first: the page asked for, or all of them. */
    public Uni<Page<Version>> listWithTag(SqlClient c, long pacticipantId, String tag, Optional<PageRequest> page) {
        return page(c, LIST_WITH_TAG, COUNT_WITH_TAG, Tuple.of(pacticipantId, tag), page);
    }

    /** Runs a list statement whose last two parameters are the limit and offset, and its count when paged. */
    private static Uni<Page<Version>> page(
            SqlClient c, String list, String count, Tuple keys, Optional<PageRequest> page) {
        List<Object> arguments = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            arguments.add(keys.getValue(i));
        }
        arguments.add(page.map(PageRequest::size).orElse(null));
        arguments.add(page.map(PageRequest::offset).orElse(0L));
        Uni<List<Version>> versions = c.preparedQuery(list)
                .execute(Tuple.from(arguments))
                .map(rows -> {
                    List<Version> all = new ArrayList<>();
                    rows.forEach(row -> all.add(Version.from(row)));
                    return all;
                });
        if (page.isEmpty()) {
            return versions.map(Page::whole);
        }
        return versions.flatMap(items -> c.preparedQuery(count)
                .execute(keys)
                .map(rows -> page.get().of(items, rows.iterator().next().getLong(0))));
    }

    public Uni<Optional<Version>> latest(SqlClient c, long pacticipantId) {
        return c.preparedQuery(LATEST).execute(Tuple.of(pacticipantId)).map(VersionRepository::first);
    }

    public Uni<Optional<Version>> latestWithTag(SqlClient c, long pacticipantId, String tag) {
        return c.preparedQuery(LATEST_WITH_TAG)
                .execute(Tuple.of(pacticipantId, tag))
                .map(VersionRepository::first);
    }

    public Uni<Optional<Version>> latestOnBranch(SqlClient c, long pacticipantId, String branch) {
        return c.preparedQuery(LATEST_ON_BRANCH)
                .execute(Tuple.of(pacticipantId, branch))
                .map(VersionRepository::first);
    }

    /** The numbers of the versions on the branch, oldest first. */
    public Uni<List<String>> numbersOnBranch(SqlClient c, long branchId) {
        return c.preparedQuery(NUMBERS_ON_BRANCH).execute(Tuple.of(branchId)).map(rows -> {
            List<String> numbers = new ArrayList<>();
            rows.forEach(row -> numbers.add(row.getString("number")));
            return numbers;
        });
    }

    private static Optional<Version> first(RowSet<Row> rows) {
        var it = rows.iterator();
        return it.hasNext() ? Optional.of(Version.from(it.next())) : Optional.empty();
    }
}
