package io.pactport.core.schema;

/** The database cannot be migrated or used as it is; the message says why and what to do. */
public class SchemaRefusedException extends RuntimeException {

    public SchemaRefusedException(String message) {
        super(message);
    }

    public SchemaRefusedException(String message, Throwable cause) {
        super(message, cause);
    }
}
