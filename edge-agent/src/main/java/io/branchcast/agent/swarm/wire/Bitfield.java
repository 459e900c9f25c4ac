package io.branchcast.agent.swarm.wire;

import java.util.BitSet;
import java.util.Objects;

/**
 * Bitfield is the BitTorrent bitfield message: which of the torrent's {@code pieceCount} pieces the sender has. The
 * bit set is copied in and out, so the record stays immutable. Byte order and spare-bit rules are {@link WireCodec}'s.
 */
public record Bitfield(int pieceCount, BitSet pieces) implements PeerMessage {

    public Bitfield {
        if (pieceCount < 0) {
            throw new ProtocolViolation(DisconnectReason.MALFORMED_MESSAGE, "piece count " + pieceCount);
        }
        Objects.requireNonNull(pieces, "pieces");
        if (pieces.length() > pieceCount) {
            throw new ProtocolViolation(DisconnectReason.INDEX_OUT_OF_RANGE,
                    "bit " + (pieces.length() - 1) + " set beyond piece count " + pieceCount);
        }
        pieces = (BitSet) pieces.clone();
    }

    /** A copy of the set bits. */
    @Override
    public BitSet pieces() {
        return (BitSet) pieces.clone();
    }

    /** True when the sender has piece {@code index}. */
    public boolean has(int index) {
        return pieces.get(index);
    }

    /** How many pieces the sender has. */
    public int cardinality() {
        return pieces.cardinality();
    }
}
