package io.pactport.api.pacticipants;

import io.pactport.api.http.RequestErrors;
import io.pactport.core.errors.InvalidRequestException;

/**
 * Checks the names that arrive in paths (pacticipant, version number, tag, branch, label): any text is stored as it is
 * (SQL never sees it but as a parameter), except what PostgreSQL or the Pact Broker refuse, answered 400 before
 * anything is written.
 */
public final class PacticipantNames {

    private PacticipantNames() {}

    /** @throws InvalidRequestException when {@code value} is blank, too long or holds control characters */
    public static String check(String field, String value) {
        if (value == null || value.isBlank()) {
            throw InvalidRequestException.of(field, field + " cannot be blank");
        }
        String tooLong = RequestErrors.tooLong(field, value);
        if (tooLong != null) {
            throw InvalidRequestException.of(field, tooLong);
        }
        if (value.chars().anyMatch(ch -> ch < 0x20 || ch == 0x7f)) {
            throw InvalidRequestException.of(field, field + " cannot contain control characters or multiple lines");
        }
        return value;
    }
}
