package io.branchcast.agent.swarm.wire;

/**
 * DisconnectReason is why a peer connection ended, as a stable code for logs, counters and agent events. The
 * {@link #violation()} reasons are the peer's fault; the others are local decisions or ordinary network events.
 */
public enum DisconnectReason {
    /** A length prefix above the configured maximum for its message type. */
    MESSAGE_TOO_LARGE(true),
    /** A message id this agent does not speak. */
    UNKNOWN_MESSAGE(true),
    /** A known message whose length or content is wrong (e.g. a 6-byte have, spare bitfield bits set). */
    MALFORMED_MESSAGE(true),
    /** A piece index, or block offset and length, outside the torrent. */
    INDEX_OUT_OF_RANGE(true),
    /** A block length of 0 or above 16 KiB. */
    INVALID_BLOCK_LENGTH(true),
    /** A piece message for a block this side never requested (or already received). */
    UNREQUESTED_BLOCK(true),
    /** A handshake with the wrong protocol string or length. */
    BAD_HANDSHAKE(true),
    /** A handshake for another torrent. */
    WRONG_INFO_HASH(true),
    /** A peer contributed to a piece that failed hash verification. */
    CORRUPT_PIECE(true),
    /** No handshake in time, or no traffic (not even a keep-alive) for too long. */
    TIMEOUT(true),
    /** The peer is on the ban list. */
    BANNED(false),
    /** The admission hook refused the peer after its handshake. */
    NOT_ADMITTED(false),
    /** The same peer id is already connected, or this agent connected to itself. */
    DUPLICATE_PEER(false),
    /** The connection limit is reached. */
    TOO_MANY_PEERS(false),
    /** Neither side needs anything from the other any more. */
    NOT_NEEDED(false),
    /** The remote side closed the connection. */
    PEER_CLOSED(false),
    /** A socket error. */
    IO_ERROR(false),
    /** The local session is stopping. */
    SHUTDOWN(false);

    private final boolean violation;

    DisconnectReason(boolean violation) {
        this.violation = violation;
    }

    /** True when the reason is a protocol violation by the peer. */
    public boolean violation() {
        return violation;
    }
}
