package io.branchcast.agent.swarm.wire;

import io.vertx.core.buffer.Buffer;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * WireCodec is the one place where BitTorrent messages meet bytes. Integers are 4-byte big-endian; every message but
 * the handshake is framed as {@code <len><id><payload>}. Decoding is strict: exact lengths per message, indices
 * checked against {@link WireLimits}, anything else a {@link ProtocolViolation}. It is not responsible for framing a
 * stream (see {@link MessageFramer}) nor for conversation rules (see {@link PeerConnection}).
 */
public final class WireCodec {

    private static final byte[] PROTOCOL = Handshake.PROTOCOL.getBytes(StandardCharsets.US_ASCII);

    private final WireLimits limits;

    public WireCodec(WireLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    public WireLimits limits() {
        return limits;
    }

    // handshake: <pstrlen=19><pstr="BitTorrent protocol"><reserved: 8 bytes><info hash: 20><peer id: 20>
    public static Buffer encodeHandshake(Handshake handshake) {
        return Buffer.buffer(Handshake.LENGTH)
                .appendByte((byte) PROTOCOL.length)
                .appendBytes(PROTOCOL)
                .appendLong(handshake.reserved())
                .appendBytes(handshake.infoHash().bytes())
                .appendBytes(handshake.peerId().bytes());
    }

    /** Decodes the 68 handshake bytes; BAD_HANDSHAKE when the protocol string is not BEP 3's. */
    public static Handshake decodeHandshake(Buffer frame) {
        if (frame.length() != Handshake.LENGTH || frame.getByte(0) != PROTOCOL.length
                || !Arrays.equals(frame.getBytes(1, 20), PROTOCOL)) {
            throw new ProtocolViolation(DisconnectReason.BAD_HANDSHAKE, "not a BitTorrent v1 handshake");
        }
        return new Handshake(frame.getLong(20), new InfoHash(frame.getBytes(28, 48)),
                new PeerId(frame.getBytes(48, 68)));
    }

    /**
     * Encodes a message into {@code out}: one buffer, except a piece, which is its 13-byte header followed by the
     * block buffer itself, uncopied.
     */
    public void encode(PeerMessage message, Consumer<Buffer> out) {
        if (message instanceof Piece piece) {
            out.accept(encodePieceHeader(piece.pieceIndex(), piece.begin(), piece.data().length()));
            out.accept(piece.data());
        } else {
            out.accept(encodeControl(message));
        }
    }

    /** The 13 bytes that precede a piece message's block of {@code length} bytes. */
    public static Buffer encodePieceHeader(int pieceIndex, int begin, int length) {
        // piece: <len=0009+X><id=7><index><begin><block>
        return Buffer.buffer(4 + WireLimits.PIECE_BODY_HEADER).appendInt(WireLimits.PIECE_BODY_HEADER + length)
                .appendByte(id(MessageId.PIECE)).appendInt(pieceIndex).appendInt(begin);
    }

    /** Encodes a message into one new buffer (a piece's block is copied; use {@link #encode(PeerMessage, Consumer)} on hot paths). */
    public Buffer encode(PeerMessage message) {
        Buffer all = Buffer.buffer();
        encode(message, all::appendBuffer);
        return all;
    }

    private Buffer encodeControl(PeerMessage message) {
        if (message instanceof Request m) {
            // request: <len=0013><id=6><index><begin><length>
            return block(MessageId.REQUEST, m.block());
        } else if (message instanceof Have m) {
            // have: <len=0005><id=4><piece index>
            return index(MessageId.HAVE, m.pieceIndex());
        } else if (message instanceof KeepAlive) {
            // keep-alive: <len=0000>
            return Buffer.buffer(4).appendInt(0);
        } else if (message instanceof Choke) {
            // choke: <len=0001><id=0>
            return bare(MessageId.CHOKE);
        } else if (message instanceof Unchoke) {
            // unchoke: <len=0001><id=1>
            return bare(MessageId.UNCHOKE);
        } else if (message instanceof Interested) {
            // interested: <len=0001><id=2>
            return bare(MessageId.INTERESTED);
        } else if (message instanceof NotInterested) {
            // not interested: <len=0001><id=3>
            return bare(MessageId.NOT_INTERESTED);
        } else if (message instanceof Bitfield m) {
            // bitfield: <len=0001+X><id=5><bitfield: X = ceil(pieces / 8) bytes, piece 0 = high bit of byte 0>
            return encodeBitfield(m);
        } else if (message instanceof Cancel m) {
            // cancel: <len=0013><id=8><index><begin><length>
            return block(MessageId.CANCEL, m.block());
        } else if (message instanceof SuggestPiece m) {
            // suggest piece: <len=0005><id=13><piece index>
            return index(MessageId.SUGGEST_PIECE, m.pieceIndex());
        } else if (message instanceof HaveAll) {
            // have all: <len=0001><id=14>
            return bare(MessageId.HAVE_ALL);
        } else if (message instanceof HaveNone) {
            // have none: <len=0001><id=15>
            return bare(MessageId.HAVE_NONE);
        } else if (message instanceof RejectRequest m) {
            // reject request: <len=0013><id=16><index><begin><length>
            return block(MessageId.REJECT_REQUEST, m.block());
        } else if (message instanceof AllowedFast m) {
            // allowed fast: <len=0005><id=17><piece index>
            return index(MessageId.ALLOWED_FAST, m.pieceIndex());
        } else if (message instanceof Extended m) {
            // extended: <len=0002+X><id=20><extended id: 1 byte><payload: X bytes>
            return Buffer.buffer(6 + m.payload().length()).appendInt(2 + m.payload().length())
                    .appendByte(id(MessageId.EXTENDED)).appendByte((byte) m.extendedId()).appendBuffer(m.payload());
        }
        throw new IllegalArgumentException("cannot encode " + message);
    }

    /**
     * Decodes one frame body (the bytes after the length prefix; empty for a keep-alive). A piece's data is a slice of
     * {@code body}, not a copy.
     */
    public PeerMessage decode(Buffer body) {
        int length = body.length();
        if (length == 0) {
            return KeepAlive.INSTANCE;
        }
        MessageId id = MessageId.fromWire(body.getUnsignedByte(0));
        switch (id) {
            case PIECE:
                if (length <= WireLimits.PIECE_BODY_HEADER
                        || length > WireLimits.PIECE_BODY_HEADER + BlockRef.MAX_REQUEST_LENGTH) {
                    throw new ProtocolViolation(length <= WireLimits.PIECE_BODY_HEADER
                            ? DisconnectReason.INVALID_BLOCK_LENGTH
                            : DisconnectReason.MESSAGE_TOO_LARGE, "piece message of " + length + " bytes");
                }
                Piece piece = new Piece(body.getInt(1), body.getInt(5),
                        body.slice(WireLimits.PIECE_BODY_HEADER, length));
                limits.checkBlock(piece.pieceIndex(), piece.begin(), piece.data().length());
                return piece;
            case REQUEST:
                return new Request(decodeBlock(body));
            case HAVE:
                return new Have(decodeIndex(body));
            case CHOKE:
                expectLength(body, 1);
                return Choke.INSTANCE;
            case UNCHOKE:
                expectLength(body, 1);
                return Unchoke.INSTANCE;
            case INTERESTED:
                expectLength(body, 1);
                return Interested.INSTANCE;
            case NOT_INTERESTED:
                expectLength(body, 1);
                return NotInterested.INSTANCE;
            case BITFIELD:
                return decodeBitfield(body);
            case CANCEL:
                return new Cancel(decodeBlock(body));
            case SUGGEST_PIECE:
                return new SuggestPiece(decodeIndex(body));
            case HAVE_ALL:
                expectLength(body, 1);
                return HaveAll.INSTANCE;
            case HAVE_NONE:
                expectLength(body, 1);
                return HaveNone.INSTANCE;
            case REJECT_REQUEST:
                return new RejectRequest(decodeBlock(body));
            case ALLOWED_FAST:
                return new AllowedFast(decodeIndex(body));
            case EXTENDED:
                if (length < 2) {
                    throw malformed("extended message without extended id");
                }
                Extended extended = new Extended(body.getUnsignedByte(1), body.slice(2, length));
                if (extended.extendedId() == Extended.HANDSHAKE_ID) {
                    ExtendedHandshake.from(extended);
                }
                return extended;
            default:
                throw new ProtocolViolation(DisconnectReason.UNKNOWN_MESSAGE, "message id " + id);
        }
    }

    private int decodeIndex(Buffer body) {
        expectLength(body, 5);
        int index = body.getInt(1);
        limits.checkPiece(index);
        return index;
    }

    private BlockRef decodeBlock(Buffer body) {
        expectLength(body, 13);
        BlockRef block = new BlockRef(body.getInt(1), body.getInt(5), body.getInt(9));
        limits.checkBlock(block.pieceIndex(), block.begin(), block.length());
        return block;
    }

    private Bitfield decodeBitfield(Buffer body) {
        int pieceCount = limits.pieceCount();
        expectLength(body, 1 + limits.bitfieldBytes());
        BitSet pieces = new BitSet(pieceCount);
        for (int i = 0; i < limits.bitfieldBytes(); i++) {
            int b = body.getUnsignedByte(1 + i);
            for (int bit = 0; b != 0 && bit < 8; bit++) {
                if ((b & (0x80 >>> bit)) != 0) {
                    int piece = i * 8 + bit;
                    if (piece >= pieceCount) {
                        throw malformed("spare bitfield bit " + piece + " set");
                    }
                    pieces.set(piece);
                }
            }
        }
        return new Bitfield(pieceCount, pieces);
    }

    private Buffer encodeBitfield(Bitfield bitfield) {
        byte[] bytes = new byte[(bitfield.pieceCount() + 7) / 8];
        BitSet pieces = bitfield.pieces();
        for (int i = pieces.nextSetBit(0); i >= 0; i = pieces.nextSetBit(i + 1)) {
            bytes[i >>> 3] |= (byte) (0x80 >>> (i & 7));
        }
        return Buffer.buffer(5 + bytes.length).appendInt(1 + bytes.length).appendByte(id(MessageId.BITFIELD))
                .appendBytes(bytes);
    }

    private static void expectLength(Buffer body, int expected) {
        if (body.length() != expected) {
            throw malformed(MessageId.fromWire(body.getUnsignedByte(0)) + " of " + body.length()
                    + " bytes, expected " + expected);
        }
    }

    private static Buffer bare(MessageId id) {
        return Buffer.buffer(5).appendInt(1).appendByte(id(id));
    }

    private static Buffer index(MessageId id, int index) {
        return Buffer.buffer(9).appendInt(5).appendByte(id(id)).appendInt(index);
    }

    private static Buffer block(MessageId id, BlockRef block) {
        return Buffer.buffer(17).appendInt(13).appendByte(id(id))
                .appendInt(block.pieceIndex()).appendInt(block.begin()).appendInt(block.length());
    }

    private static byte id(MessageId id) {
        return (byte) id.wireId();
    }

    private static ProtocolViolation malformed(String detail) {
        return new ProtocolViolation(DisconnectReason.MALFORMED_MESSAGE, detail);
    }
}
