package io.pactport.api.verifications;

import java.util.ArrayList;
import java.util.List;

/**
 * What a consumer version's pacts' verifications say: the latest result of each pact, and the providers it has a pact
 * with. It succeeded when every provider's latest result did.
 */
public record VerificationSummary(List<VerificationResult> latest, List<String> providers) {

    public boolean success() {
        return successful().size() == providers.size();
    }

    public List<String> successful() {
        return latest.stream()
                .filter(VerificationResult::success)
                .map(VerificationResult::providerName)
                .toList();
    }

    public List<String> failed() {
        return latest.stream()
                .filter(result -> !result.success())
                .map(VerificationResult::providerName)
                .toList();
    }

    /** The providers whose pact has no result yet. */
    public List<String> unknown() {
        List<String> unknown = new ArrayList<>(providers);
        latest.forEach(result -> unknown.remove(result.providerName()));
        return unknown;
    }
}
