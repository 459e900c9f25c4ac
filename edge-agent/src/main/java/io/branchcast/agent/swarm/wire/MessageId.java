package io.branchcast.agent.swarm.wire;

/**
 * MessageId is the one table of BitTorrent message ids this agent speaks: BEP 3 core messages, the BEP 6 fast
 * extension and the BEP 10 extension protocol. It is not responsible for payload layout (see {@link WireCodec}).
 */
public enum MessageId {
    CHOKE(0),
    UNCHOKE(1),
    INTERESTED(2),
    NOT_INTERESTED(3),
    HAVE(4),
    BITFIELD(5),
    REQUEST(6),
    PIECE(7),
    CANCEL(8),
    SUGGEST_PIECE(0x0D),
    HAVE_ALL(0x0E),
    HAVE_NONE(0x0F),
    REJECT_REQUEST(0x10),
    ALLOWED_FAST(0x11),
    EXTENDED(20);

    /** Lookup by wire id; null where the id is unknown. Ids are all below 32. */
    private static final MessageId[] BY_WIRE_ID = new MessageId[32];

    static {
        for (MessageId id : values()) {
            BY_WIRE_ID[id.wireId] = id;
        }
    }

    private final int wireId;

    MessageId(int wireId) {
        this.wireId = wireId;
    }

    /** The id byte that follows the length prefix. */
    public int wireId() {
        return wireId;
    }

    /**
     * The message id for a wire byte.
     *
     * @throws ProtocolViolation UNKNOWN_MESSAGE when this agent does not speak that id
     */
    public static MessageId fromWire(int wireId) {
        MessageId id = wireId >= 0 && wireId < BY_WIRE_ID.length ? BY_WIRE_ID[wireId] : null;
        if (id == null) {
            throw new ProtocolViolation(DisconnectReason.UNKNOWN_MESSAGE, "message id " + wireId);
        }
        return id;
    }
}
