package io.branchcast.agent.config;

/** ConfigException is an invalid or missing setting; the message names the key, the source and what is expected. */
public final class ConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }
}
