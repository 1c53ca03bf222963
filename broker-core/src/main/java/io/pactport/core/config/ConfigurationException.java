package io.pactport.core.config;

/** Configuration that Pactport cannot start with; the message names the variables and says what to do. */
public class ConfigurationException extends RuntimeException {

    public ConfigurationException(String message) {
        super(message);
    }
}
