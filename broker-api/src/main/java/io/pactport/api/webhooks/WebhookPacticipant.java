package io.pactport.api.webhooks;

/**
 * The consumer or provider side of a webhook: a pacticipant by name (with its id) or every pacticipant with a label.
 * Exactly one of {@code name} and {@code label} is set.
 */
public record WebhookPacticipant(Long id, String name, String label) {

    public static WebhookPacticipant named(long id, String name) {
        return new WebhookPacticipant(id, name, null);
    }

    public static WebhookPacticipant labelled(String label) {
        return new WebhookPacticipant(null, null, label);
    }

    /** The name, or {@code labeled 'x'} ({@code consumers labeled 'x'} when the other side is set too). */
    String displayName(boolean bothSides) {
        return name != null ? name : (bothSides ? "pacticipants " : "") + "labeled '" + label + "'";
    }
}
