package io.pactport.api.badges;

import io.pactport.api.badges.Badge.Colour;
import io.vertx.mutiny.sqlclient.Row;

/**
 * The latest pact of a badge and the verification its status comes from (null when none applies). The verification is
 * the latest of the pacts in the same scope, not necessarily of this pact: a success for older content reads "changed".
 */
record PactStatus(
        String consumerName,
        String providerName,
        String consumerVersionNumber,
        int revisionNumber,
        long pactVersionId,
        Verification verification) {

    /** The verification columns a badge reads. */
    record Verification(
            boolean success, boolean pactPending, long pactVersionId, String providerVersionNumber, Integer number) {}

    static PactStatus from(Row row) {
        Boolean success = row.getBoolean("success");
        Verification verification = success == null
                ? null
                : new Verification(
                        success,
                        Boolean.TRUE.equals(row.getBoolean("pact_pending")),
                        row.getLong("verified_pact_version_id"),
                        row.getString("provider_version_number"),
                        row.getInteger("verification_number"));
        return new PactStatus(
                row.getString("consumer_name"),
                row.getString("provider_name"),
                row.getString("consumer_version_number"),
                row.getInteger("revision_number"),
                row.getLong("pact_version_id"),
                verification);
    }

    /** The right side: the Pact Broker's pseudo-branch status of the pact and its colour. */
    Badge badge(String title) {
        if (verification == null) {
            return new Badge(title, "unknown", Colour.LIGHTGREY);
        }
        if (verification.success()) {
            return verification.pactVersionId() == pactVersionId
                    ? new Badge(title, "verified", Colour.BRIGHTGREEN)
                    : new Badge(title, "changed", Colour.ORANGE);
        }
        return new Badge(title, verification.pactPending() ? "failed (pending)" : "failed", Colour.RED);
    }

    /**
     * The Pact Broker's first line of a drawn badge, saying which pact and verification it shows; the names are made
     * safe for an XML comment (no {@code --}, no trailing dash) and escaped.
     */
    static String comment(String consumer, String provider, PactStatus status) {
        Verification v = status == null ? null : status.verification();
        return "<!-- " + commentText(consumer) + " version "
                + (status == null ? "?" : commentText(status.consumerVersionNumber())) + " revision "
                + (status == null ? "?" : status.revisionNumber())
                + " " + commentText(provider) + " version "
                + (v == null || v.providerVersionNumber() == null ? "?" : commentText(v.providerVersionNumber()))
                + " number "
                + (v == null || v.number() == null ? "?" : v.number()) + " -->\n";
    }

    private static String commentText(String text) {
        String safe = BadgeSvg.xml(text);
        while (safe.contains("--")) {
            safe = safe.replace("--", "- -");
        }
        return safe.endsWith("-") ? safe + " " : safe;
    }
}
