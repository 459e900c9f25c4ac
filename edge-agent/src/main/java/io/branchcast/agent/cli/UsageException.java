package io.branchcast.agent.cli;

/** UsageException is a command-line mistake: the message says what is wrong; the command's usage follows it. */
public final class UsageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }
}
