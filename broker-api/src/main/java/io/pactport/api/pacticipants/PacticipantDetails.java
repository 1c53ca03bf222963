package io.pactport.api.pacticipants;

import io.vertx.mutiny.sqlclient.Row;
import java.util.List;

/** A pacticipant with what its representation embeds: its latest version's number (if any) and its labels. */
public record PacticipantDetails(Pacticipant pacticipant, String latestVersionNumber, List<String> labels) {

    /** Maps {@code p.*} plus {@code latest_version_number} and {@code label_names}. */
    public static PacticipantDetails from(Row row) {
        String[] labels = row.getArrayOfStrings("label_names");
        return new PacticipantDetails(
                Pacticipant.from(row),
                row.getString("latest_version_number"),
                labels == null ? List.of() : List.of(labels));
    }
}
