package io.pactport.api.network;

import io.pactport.api.integrations.Integration;
import io.pactport.api.pacticipants.PacticipantService;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The network graph's data: every integration with a pact, and the group of integrations around one pacticipant. */
@ApplicationScoped
public class NetworkService {

    private final Pool pool;
    private final NetworkRepository repository;
    private final PacticipantService pacticipants;

    NetworkService(Pool pool, NetworkRepository repository, PacticipantService pacticipants) {
        this.pool = pool;
        this.repository = repository;
        this.pacticipants = pacticipants;
    }

    /** {@code /relationships}: the CSV of every integration with a pact. */
    public Uni<String> relationships() {
        return repository.withPacts(pool).map(NetworkCsv::of);
    }

    /**
     * {@code /groups/{name}}: the CSV of the integrations connected to the pacticipant, directly or through others.
     *
     * @param maxPacticipants stop widening the group once it has this many pacticipants, or null for no limit
     */
    public Uni<String> group(String name, Integer maxPacticipants) {
        return groupOf(name, maxPacticipants).map(NetworkCsv::of);
    }

    /** The integrations of {@link #group(String, Integer)}, for the network page, which draws them itself. */
    public Uni<List<Integration>> groupOf(String name, Integer maxPacticipants) {
        return pool.withTransaction(tx -> pacticipants
                .require(tx, name)
                .flatMap(p -> repository.all(tx).map(all -> connected(all, p.id(), maxPacticipants))));
    }

    /**
     * The Pact Broker's widening in rounds: each round adds the integrations of the pacticipants the last round
     * reached; it stops when a round reaches nobody new or the group has reached the maximum. The integrations are
     * read once: there is one row per pair of applications, a small table whatever the number of versions.
     */
    static List<Integration> connected(List<Integration> all, long pacticipantId, Integer maxPacticipants) {
        Set<Integration> group = new LinkedHashSet<>();
        Set<Long> reached = new HashSet<>(Set.of(pacticipantId));
        Set<Long> frontier = Set.of(pacticipantId);
        while (true) {
            Set<Long> round = frontier;
            List<Integration> found = all.stream()
                    .filter(i -> !group.contains(i))
                    .filter(i -> round.contains(i.consumerId()) || round.contains(i.providerId()))
                    .toList();
            group.addAll(found);
            Set<Long> ids = new HashSet<>();
            found.forEach(i -> {
                ids.add(i.consumerId());
                ids.add(i.providerId());
            });
            ids.removeAll(reached);
            reached.addAll(ids);
            frontier = ids;
            if (frontier.isEmpty() || (maxPacticipants != null && reached.size() >= maxPacticipants)) {
                // in the integrations' order, as the Pact Broker reads them back by id
                return all.stream().filter(group::contains).toList();
            }
        }
    }
}
