package io.branchcast.agent.swarm.wire;

import java.util.Objects;

/**
 * Handshake is the BitTorrent handshake: protocol string, 8 reserved bytes (held big-endian in a long), info hash and
 * peer id. It is not responsible for deciding whether the peer is admitted.
 */
public record Handshake(long reserved, InfoHash infoHash, PeerId peerId) {

    /** The BEP 3 protocol string. */
    public static final String PROTOCOL = "BitTorrent protocol";
    /** Handshake length on the wire: 1 + 19 + 8 + 20 + 20. */
    public static final int LENGTH = 68;
    /** BEP 10 extension protocol: reserved byte 5, bit 0x10. */
    public static final long EXTENSION_PROTOCOL_BIT = 0x10L << 16;
    /** BEP 6 fast extension: reserved byte 7, bit 0x04. */
    public static final long FAST_EXTENSION_BIT = 0x04L;

    public Handshake {
        Objects.requireNonNull(infoHash, "infoHash");
        Objects.requireNonNull(peerId, "peerId");
    }

    /** The handshake this agent sends: extension protocol and fast extension advertised. */
    public static Handshake of(InfoHash infoHash, PeerId peerId) {
        return new Handshake(EXTENSION_PROTOCOL_BIT | FAST_EXTENSION_BIT, infoHash, peerId);
    }

    public boolean supportsExtensionProtocol() {
        return (reserved & EXTENSION_PROTOCOL_BIT) != 0;
    }

    public boolean supportsFast() {
        return (reserved & FAST_EXTENSION_BIT) != 0;
    }
}
