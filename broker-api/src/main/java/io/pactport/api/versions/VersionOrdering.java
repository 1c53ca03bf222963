package io.pactport.api.versions;

import io.pactport.api.config.ApiConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/**
 * How versions are ordered, which decides what "latest" is everywhere (every query orders by {@code versions."order"};
 * this decides the order a new version gets): by creation, as the Pact Broker does by default, or by number
 * ({@code PACTFLOW_ORDER_VERSIONS_BY_DATE=false}, numbers read with {@code PACTFLOW_SEMVER_FORMATS}). Read once.
 */
@ApplicationScoped
public class VersionOrdering {

    /** The formats numbers are read with; null when versions are ordered by creation. */
    private final SemanticVersion.Formats formats;

    VersionOrdering(ApiConfig config) {
        this.formats = config.orderVersionsByDate()
                ? null
                : SemanticVersion.Formats.of(ApiConfig.words(config.semverFormats()));
    }

    /** Whether a new version goes after every other (by creation), so that placing it needs no look-up. */
    boolean byCreation() {
        return formats == null;
    }

    /**
     * Where a new version goes among the pacticipant's others under ordering by number, as the Pact Broker places it:
     * straight after the greatest-ordered one it is greater than, or first when there is none.
     *
     * @param existing the pacticipant's other versions, greatest order first
     * @return the order the new version takes; the versions with this order or a greater one move up by one
     */
    int placeByNumber(String number, List<Version> existing) {
        Optional<SemanticVersion> parsed = formats.parse(number);
        for (Version version : existing) {
            if (SemanticVersion.compare(parsed, formats.parse(version.number())) > 0) {
                return version.order() + 1;
            }
        }
        return 0;
    }

    /**
     * The Pact Broker's refusal of a pact's consumer version or a verification's provider version whose number cannot
     * be ordered (none of the formats reads it), when versions are ordered by number; null otherwise.
     */
    public String unreadableNumber(String number) {
        if (formats == null || number == null || formats.parse(number).isPresent()) {
            return null;
        }
        return "Version number '" + number + "' cannot be parsed to a version number. The expected format (unless this"
                + " configuration has been overridden) is a semantic version. eg. 1.3.0 or 2.0.4.rc1";
    }
}
