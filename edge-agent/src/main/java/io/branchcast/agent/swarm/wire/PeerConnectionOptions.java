package io.branchcast.agent.swarm.wire;

/**
 * PeerConnectionOptions configures one {@link PeerConnection}: timeouts, keep-alive cadence, the inbound request
 * queue bound and the largest request served to peers that negotiated the extension protocol. Mutable builder-style
 * options, copied by the connection.
 */
public class PeerConnectionOptions {

    public static final long DEFAULT_HANDSHAKE_TIMEOUT_MS = 10_000;
    /** BEP 3 practice: a keep-alive after two minutes of silence at most; we send one after 60 s. */
    public static final long DEFAULT_KEEP_ALIVE_INTERVAL_MS = 60_000;
    public static final long DEFAULT_IDLE_TIMEOUT_MS = 150_000;
    public static final int DEFAULT_MAX_INBOUND_REQUESTS = 500;
    public static final int DEFAULT_MAX_REQUEST_LENGTH = BlockRef.MAX_REQUEST_LENGTH;

    private long handshakeTimeoutMs = DEFAULT_HANDSHAKE_TIMEOUT_MS;
    private long keepAliveIntervalMs = DEFAULT_KEEP_ALIVE_INTERVAL_MS;
    private long idleTimeoutMs = DEFAULT_IDLE_TIMEOUT_MS;
    private int maxInboundRequests = DEFAULT_MAX_INBOUND_REQUESTS;
    private int maxRequestLength = DEFAULT_MAX_REQUEST_LENGTH;

    public PeerConnectionOptions() {
    }

    public PeerConnectionOptions(PeerConnectionOptions other) {
        this.handshakeTimeoutMs = other.handshakeTimeoutMs;
        this.keepAliveIntervalMs = other.keepAliveIntervalMs;
        this.idleTimeoutMs = other.idleTimeoutMs;
        this.maxInboundRequests = other.maxInboundRequests;
        this.maxRequestLength = other.maxRequestLength;
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

    public int getMaxRequestLength() {
        return maxRequestLength;
    }

    /**
     * The largest block served in one request to a peer with which the BEP 10 extension protocol is negotiated (the
     * handshake advertises it as {@code bc_block}); 16 KiB to 128 KiB. Without BEP 10, requests stay at 16 KiB.
     * Larger requests mean fewer messages, picker steps and system calls per byte on both sides.
     */
    public PeerConnectionOptions setMaxRequestLength(int maxRequestLength) {
        if (maxRequestLength < BlockRef.MAX_BLOCK_LENGTH || maxRequestLength > BlockRef.MAX_REQUEST_LENGTH) {
            throw new IllegalArgumentException("max request length must be between " + BlockRef.MAX_BLOCK_LENGTH
                    + " and " + BlockRef.MAX_REQUEST_LENGTH);
        }
        this.maxRequestLength = maxRequestLength;
        return this;
    }

    private static long positive(long value, String what) {
        if (value <= 0) {
            throw new IllegalArgumentException(what + " must be positive");
        }
        return value;
    }
}
