package io.pactport.core.remote;

/**
 * A remote Pact Broker refused a request or could not be reached. {@link #retriable()} says whether trying again later
 * can succeed (no answer, a timeout, 5xx, 408, 429, and 401/403 — credentials are fixed by an operator, not by the
 * event); any other 4xx will not heal. The message carries the method, the URL and the broker's answer, never
 * credentials.
 */
public class RemoteBrokerException extends RuntimeException {

    private static final int MAX_ANSWER = 2000;

    private final int status;
    private final String answer;

    public RemoteBrokerException(String request, int status, String answer, Throwable cause) {
        super(request + (status == 0 ? " got no answer" : " answered " + status) + describe(answer, cause), cause);
        this.status = status;
        this.answer = truncate(answer);
    }

    /** The HTTP status, 0 when there was no answer (connection refused, timeout). */
    public int status() {
        return status;
    }

    /** The broker's answer body (truncated), or null. */
    public String answer() {
        return answer;
    }

    public boolean retriable() {
        return status == 0 || status >= 500 || status == 408 || status == 429 || status == 401 || status == 403;
    }

    private static String describe(String answer, Throwable cause) {
        if (answer != null && !answer.isBlank()) {
            return ": " + truncate(answer);
        }
        return cause == null
                ? ""
                : ": " + cause.getClass().getSimpleName()
                        + (cause.getMessage() == null ? "" : " " + cause.getMessage());
    }

    private static String truncate(String text) {
        return text == null || text.length() <= MAX_ANSWER ? text : text.substring(0, MAX_ANSWER) + "…";
    }
}
