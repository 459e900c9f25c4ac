package io.branchcast.agent.swarm.wire;

import java.util.Objects;

/**
 * ProtocolViolation is thrown by decoding and validation when a peer breaks the wire protocol; the connection that sees
 * it closes with {@link #reason()}. It carries no stack trace: violations are expected input, not bugs.
 */
public final class ProtocolViolation extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final DisconnectReason reason;
    private final String detail;

    public ProtocolViolation(DisconnectReason reason, String detail) {
        super(Objects.requireNonNull(reason, "reason") + ": " + detail, null, false, false);
        this.reason = reason;
        this.detail = detail;
    }

    /** What exactly was wrong, for the log line. */
    public String detail() {
        return detail;
    }

    /** The typed reason the connection is closed with. */
    public DisconnectReason reason() {
        return reason;
    }
}
