package io.pactport.api.network;

import io.pactport.api.integrations.Integration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The CSV the Pact Broker's network diagram reads: a row per pacticipant, in the order they first appear among the
 * integrations, of its id, name, the constants 1, 1, 0, its position (from 1), then the ids of the providers it
 * consumes, every row padded with 0 to the longest.
 */
final class NetworkCsv {

    private NetworkCsv() {}

    static String of(List<Integration> integrations) {
        Map<Long, List<Object>> rows = new LinkedHashMap<>();
        for (Integration i : integrations) {
            rows.computeIfAbsent(i.consumerId(), id -> row(id, i.consumerName(), rows.size() + 1));
            rows.computeIfAbsent(i.providerId(), id -> row(id, i.providerName(), rows.size() + 1));
            rows.get(i.consumerId()).add(i.providerId());
        }
        int width = rows.values().stream().mapToInt(List::size).max().orElse(0);
        StringBuilder csv = new StringBuilder();
        for (List<Object> row : rows.values()) {
            while (row.size() < width) {
                row.add(0);
            }
            csv.append(String.join(",", row.stream().map(NetworkCsv::field).toList()))
                    .append('\n');
        }
        return csv.toString();
    }

    private static List<Object> row(long id, String name, int position) {
        return new ArrayList<>(List.of(id, name, 1, 1, 0, position));
    }

    /** Quoted only when it must be, as Ruby's CSV writes it. */
    private static String field(Object value) {
        String text = String.valueOf(value);
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
