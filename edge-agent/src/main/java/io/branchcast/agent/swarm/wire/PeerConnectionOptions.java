package io.branchcast.agent.swarm.wire;

/**
 * PeerConnectionOptions configures one {@link PeerConnection}: timeouts, keep-alive cadence and the inbound request
 * queue bound. Mutable builder-style options, copied by the connection.
 */
public class PeerConnectionOptions {

    public static final long DEFAULT_HANDSHAKE_TIMEOUT_MS = 10_000;
    /** BEP 3 practice: a keep-alive after two minutes of silence at most; we send one after 60 s. */
    public static final long DEFAULT_KEEP_ALIVE_INTERVAL_MS = 60_000;
    public static final long DEFAULT_IDLE_TIMEOUT_MS = 150_000;
    public static final int DEFAULT_MAX_INBOUND_REQUESTS = 500;

    private long handshakeTimeoutMs = DEFAULT_HANDSHAKE_TIMEOUT_MS;
    private long keepAliveIntervalMs = DEFAULT_KEEP_ALIVE_INTERVAL_MS;
    private long idleTimeoutMs = DEFAULT_IDLE_TIMEOUT_MS;
    private int maxInboundRequests = DEFAULT_MAX_INBOUND_REQUESTS;

    public PeerConnectionOptions() {
    }

    public PeerConnectionOptions(PeerConnectionOptions other) {
        this.handshakeTimeoutMs = other.handshakeTimeoutMs;
        this.keepAliveIntervalMs = other.keepAliveIntervalMs;
        this.idleTimeoutMs = other.idleTimeoutMs;
        this.maxInboundRequests = other.maxInboundRequests;
    }

    public long getHandshakeTimeoutMs() {
        return handshakeTimeoutMs;
    }

    /** How long the peer may take to send its complete handshake. */
    public PeerConnectionOptions setHandshakeTimeoutMs(long handshakeTimeoutMs) {
        this.handshakeTimeoutMs = positive(handshakeTimeoutMs, "handshake timeout");
        return this;
    }

    public long getKeepAliveIntervalMs() {
        return keepAliveIntervalMs;
    }

    /** Idle time on the sending side after which a keep-alive goes out. */
    public PeerConnectionOptions setKeepAliveIntervalMs(long keepAliveIntervalMs) {
        this.keepAliveIntervalMs = positive(keepAliveIntervalMs, "keep-alive interval");
        return this;
    }

    public long getIdleTimeoutMs() {
        return idleTimeoutMs;
    }

    /** Time without a complete frame from the peer after which the connection is dropped (TIMEOUT). */
    public PeerConnectionOptions setIdleTimeoutMs(long idleTimeoutMs) {
        this.idleTimeoutMs = positive(idleTimeoutMs, "idle timeout");
        return this;
    }

    public int getMaxInboundRequests() {
        return maxInboundRequests;
    }

    /** Requests from the peer queued but not yet served; above it requests are rejected (BEP 6) or dropped. */
    public PeerConnectionOptions setMaxInboundRequests(int maxInboundRequests) {
        this.maxInboundRequests = (int) positive(maxInboundRequests, "max inbound requests");
        return this;
    }

    private static long positive(long value, String what) {
        if (value <= 0) {
            throw new IllegalArgumentException(what + " must be positive");
        }
        return value;
    }
}
