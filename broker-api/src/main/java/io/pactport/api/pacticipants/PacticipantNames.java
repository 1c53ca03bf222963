package io.pactport.api.pacticipants;

import io.pactport.core.errors.InvalidRequestException;
import java.nio.charset.StandardCharsets;

/**
 * Checks the names that arrive in paths (pacticipant, version number, tag, branch, label): any text is stored as it is
 * (SQL never sees it but as a parameter), except what PostgreSQL or the Pact Broker refuse, answered 400 before
 * anything is written.
 */
public final class PacticipantNames {

    /**
     * Longer names (in UTF-8 bytes) are refused: the Pact Broker's indexes on names would fail on them (PostgreSQL's
     * btree entries hold about 2,700 bytes).
     */
    public static final int MAX_BYTES = 1000;

    private PacticipantNames() {
    }

    /**
     * The refusal of a text longer than {@link #MAX_BYTES}, for any field stored in an indexed column (environment
     * names, branches, tags, application instances, webhook uuids); null when it is short enough or absent.
     */
    public static String tooLong(String field, String value) {
        // a char is at most 3 bytes in UTF-8, so only longer texts need encoding to know
        if (value != null && value.length() > MAX_BYTES / 3
                && value.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return field + " cannot be longer than " + MAX_BYTES + " bytes";
        }
        return null;
    }

    /** @throws InvalidRequestException when {@code value} is blank, too long or holds control characters */
    public static String check(String field, String value) {
        if (value == null || value.isBlank()) {
            throw InvalidRequestException.of(field, field + " cannot be blank");
        }
        String tooLong = tooLong(field, value);
        if (tooLong != null) {
            throw InvalidRequestException.of(field, tooLong);
        }
        if (value.chars().anyMatch(ch -> ch < 0x20 || ch == 0x7f)) {
            throw InvalidRequestException.of(field, field + " cannot contain control characters or multiple lines");
        }
        return value;
    }
}
