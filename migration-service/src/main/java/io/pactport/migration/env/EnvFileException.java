package io.pactport.migration.env;

/** A file of variables that cannot be read or understood; the message names the file's line. */
public class EnvFileException extends RuntimeException {

    public EnvFileException(String message) {
        super(message);
    }

    static EnvFileException atLine(int index, String message) {
        return new EnvFileException("line " + (index + 1) + ": " + message);
    }
}
