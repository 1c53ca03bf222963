package io.pactport.api.network;

import io.pactport.api.integrations.Integration;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/** The integrations the network graph draws: pairs of pacticipants with their ids, which the CSV rows carry. */
@ApplicationScoped
public class NetworkRepository {

    private static final String SELECT = """
            SELECT i.consumer_id, c.name AS consumer_name, i.provider_id, p.name AS provider_name
            FROM integrations i
            JOIN pacticipants c ON c.id = i.consumer_id
            JOIN pacticipants p ON p.id = i.provider_id
            """;
    private static final String ALL = SELECT + "ORDER BY i.id";
    /** The Pact Broker draws the integrations of its latest pacts: those with a pact still published. */
    private static final String WITH_PACTS = SELECT + """
            WHERE EXISTS (SELECT 1 FROM pact_publications pp
                          WHERE pp.consumer_id = i.consumer_id AND pp.provider_id = i.provider_id)
            ORDER BY lower(c.name), lower(p.name)
            """;

    /** Every integration, oldest first. */
    public Uni<List<Integration>> all(SqlClient c) {
        return list(c, ALL);
    }

    public Uni<List<Integration>> withPacts(SqlClient c) {
        return list(c, WITH_PACTS);
    }

    private static Uni<List<Integration>> list(SqlClient c, String sql) {
        return c.query(sql).execute().map(rows -> {
            List<Integration> integrations = new ArrayList<>();
            rows.forEach(row -> integrations.add(Integration.from(row)));
            return integrations;
        });
    }
}
