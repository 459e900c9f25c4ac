package io.branchcast.devstack;

/**
 * StackException is a failure of the local stack whose message is one line that names the cause and the fix. The
 * launcher prints only that line: a stack trace is never the only message.
 */
public class StackException extends RuntimeException {

    public StackException(String message) {
        super(message);
    }

    public StackException(String message, Throwable cause) {
        super(message, cause);
    }
}
