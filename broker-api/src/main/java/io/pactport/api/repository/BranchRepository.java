package io.pactport.api.repository;

import io.pactport.api.model.Version;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * SQL on {@code branches}, {@code branch_versions} and {@code branch_heads}, keeping the Pact Broker's invariants: a
 * version is on a branch once; the branch head is the version added to the branch last (not the one with the greatest
 * order); {@code branches.updated_at} moves at most once a minute (the stale-branch clean reads it).
 */
@ApplicationScoped
public class BranchRepository {

    /** The Pact Broker's default {@code main_branch_candidates}. */
    public static final List<String> MAIN_BRANCH_CANDIDATES = List.of("develop", "main", "master");

    private static final String UPSERT_BRANCH = """
            INSERT INTO branches (name, pacticipant_id, created_at, updated_at)
            VALUES ($1, $2, now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC')
            ON CONFLICT (pacticipant_id, name) DO UPDATE
              SET updated_at = CASE WHEN branches.updated_at < (now() AT TIME ZONE 'UTC') - interval '60 seconds'
                                    THEN now() AT TIME ZONE 'UTC' ELSE branches.updated_at END
            RETURNING id
            """;
    private static final String ADD_VERSION = """
            INSERT INTO branch_versions (branch_id, version_id, version_order, pacticipant_id, branch_name,
                                         created_at, updated_at, auto_created)
            VALUES ($1, $2, $3, $4, $5, now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC', $6)
            ON CONFLICT (branch_id, version_id) DO NOTHING
            RETURNING id
            """;
    private static final String MOVE_HEAD = """
            INSERT INTO branch_heads (branch_id, branch_version_id, version_id, pacticipant_id, branch_name)
            VALUES ($1, $2, $3, $4, $5)
            ON CONFLICT (branch_id) DO UPDATE
              SET branch_version_id = excluded.branch_version_id, version_id = excluded.version_id
            """;
    private static final String DETECT_MAIN_BRANCH = """
            UPDATE pacticipants SET main_branch = $2, updated_at = now() AT TIME ZONE 'UTC'
            WHERE id = $1 AND main_branch IS NULL
            """;

    /**
     * Puts {@code version} on the pacticipant's branch {@code branchName}, creating the branch if needed.
     *
     * @return whether the version was newly added to the branch (and so became its head)
     */
    public Uni<Boolean> addVersion(SqlClient c, Version version, String branchName, boolean autoCreated) {
        return c.preparedQuery(UPSERT_BRANCH).execute(Tuple.of(branchName, version.pacticipantId()))
                .map(rows -> rows.iterator().next().getLong("id"))
                .flatMap(branchId -> c.preparedQuery(ADD_VERSION)
                        .execute(Tuple.from(List.of(branchId, version.id(), version.order(), version.pacticipantId(),
                                branchName, autoCreated)))
                        .flatMap(added -> {
                            if (!added.iterator().hasNext()) {
                                return Uni.createFrom().item(false);
                            }
                            long branchVersionId = added.iterator().next().getLong("id");
                            return c.preparedQuery(MOVE_HEAD).execute(Tuple.of(branchId, branchVersionId,
                                    version.id(), version.pacticipantId(), branchName)).replaceWith(true);
                        }))
                .call(() -> MAIN_BRANCH_CANDIDATES.contains(branchName)
                        ? c.preparedQuery(DETECT_MAIN_BRANCH).execute(Tuple.of(version.pacticipantId(), branchName))
                        : Uni.createFrom().voidItem());
    }
}
