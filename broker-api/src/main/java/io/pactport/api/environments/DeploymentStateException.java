package io.pactport.api.environments;

/**
 * A deployed or released version asked to go back to a state it cannot return to (deployed again, supported again);
 * answered 422 as the Pact Broker does, since the request is well-formed but can never succeed for this resource.
 */
public class DeploymentStateException extends RuntimeException {

    private final String field;

    public DeploymentStateException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
