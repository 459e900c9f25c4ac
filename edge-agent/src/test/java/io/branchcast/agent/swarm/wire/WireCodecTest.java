package io.branchcast.agent.swarm.wire;

import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.Arrays;
import java.util.BitSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WireCodecTest {

    /** 11 pieces of 256 KiB, the last one 1000 bytes. */
    static final WireLimits LIMITS = WireLimits.forTorrent(10L * 256 * 1024 + 1000, 256 * 1024);
    static final WireCodec CODEC = new WireCodec(LIMITS);

    static Stream<PeerMessage> everyMessage() {
        BitSet some = new BitSet();
        some.set(0);
        some.set(7);
        some.set(10);
        byte[] block = new byte[BlockRef.MAX_BLOCK_LENGTH];
        Arrays.fill(block, (byte) 0x5A);
        return Stream.of(KeepAlive.INSTANCE, Choke.INSTANCE, Unchoke.INSTANCE, Interested.INSTANCE,
                NotInterested.INSTANCE, new Have(10), new Bitfield(11, some), new Bitfield(11, new BitSet()),
                new Request(3, 16384, 16384), new Request(4, 131072, BlockRef.MAX_REQUEST_LENGTH),
                new Piece(10, 0, Buffer.buffer(new byte[1000])),
                new Piece(2, 32768, Buffer.buffer(block)), new Piece(1, 0, Buffer.buffer(new byte[100_000])),
                new Cancel(0, 0, 1), new Cancel(5, 0, BlockRef.MAX_REQUEST_LENGTH), new SuggestPiece(4), HaveAll.INSTANCE,
                HaveNone.INSTANCE, new RejectRequest(1, 0, 16384), new AllowedFast(9),
                new ExtendedHandshake(Map.of("ut_metadata", 3), 6881, "Branchcast 0.1", 250, 131072).toMessage(),
                new Extended(3, Buffer.buffer("opaque")));
    }

    @TestFactory
    Stream<DynamicTest> round_trips_every_message() {
        return everyMessage().map(message -> DynamicTest.dynamicTest(message.getClass().getSimpleName(), () -> {
            Buffer wire = CODEC.encode(message);

            assertThat(wire.getInt(0)).isEqualTo(wire.length() - 4);
            assertThat(CODEC.decode(wire.slice(4, wire.length()))).isEqualTo(message);
        }));
    }

    @Test
    void piece_is_encoded_as_header_then_the_uncopied_block() {
        Buffer block = Buffer.buffer(new byte[100]);
        Buffer[] parts = new Buffer[2];
        int[] count = {0};

        CODEC.encode(new Piece(1, 200, block), part -> parts[count[0]++] = part);

        assertThat(count[0]).isEqualTo(2);
        assertThat(parts[0].length()).isEqualTo(13);
        assertThat(parts[1]).isSameAs(block);
    }

    @Test
    void handshake_round_trips_with_extension_and_fast_bits() {
        Handshake handshake = Handshake.of(InfoHash.ofHex("0123456789abcdef0123456789abcdef01234567"),
                PeerId.random());

        Buffer wire = WireCodec.encodeHandshake(handshake);
        Handshake decoded = WireCodec.decodeHandshake(wire);

        assertThat(wire.length()).isEqualTo(Handshake.LENGTH);
        assertThat(wire.getByte(25) & 0x10).isEqualTo(0x10);
        assertThat(wire.getByte(27) & 0x04).isEqualTo(0x04);
        assertThat(decoded).isEqualTo(handshake);
        assertThat(decoded.supportsExtensionProtocol()).isTrue();
        assertThat(decoded.supportsFast()).isTrue();
    }

    @Test
    void garbage_instead_of_handshake_is_a_bad_handshake() {
        Buffer garbage = Buffer.buffer(new byte[Handshake.LENGTH]).setByte(0, (byte) 19);

        assertViolation(() -> WireCodec.decodeHandshake(garbage), DisconnectReason.BAD_HANDSHAKE);
    }

    @Test
    void bitfield_sets_piece_zero_in_the_high_bit() {
        BitSet first = new BitSet();
        first.set(0);

        Buffer wire = CODEC.encode(new Bitfield(11, first));

        assertThat(wire.getUnsignedByte(5)).isEqualTo((short) 0x80);
        assertThat(wire.length()).isEqualTo(4 + 1 + 2);
    }

    @Test
    void decoded_piece_data_is_a_slice_of_the_frame() {
        Buffer frame = Buffer.buffer().appendByte((byte) 7).appendInt(0).appendInt(0).appendString("abc");

        Piece piece = (Piece) CODEC.decode(frame);
        frame.setByte(9, (byte) 'x');

        assertThat(piece.data().toString()).isEqualTo("xbc");
    }

    static Stream<Malformed> malformedBodies() {
        return Stream.of(
                new Malformed("unknown id", "09", DisconnectReason.UNKNOWN_MESSAGE),
                new Malformed("id 200", "c8", DisconnectReason.UNKNOWN_MESSAGE),
                new Malformed("have of 6 bytes", "040000000100", DisconnectReason.MALFORMED_MESSAGE),
                new Malformed("choke with payload", "0000", DisconnectReason.MALFORMED_MESSAGE),
                new Malformed("have beyond last piece", "040000000b", DisconnectReason.INDEX_OUT_OF_RANGE),
                new Malformed("negative have", "04ffffffff", DisconnectReason.INDEX_OUT_OF_RANGE),
                new Malformed("request of 0 bytes", "06" + "00000000" + "00000000" + "00000000",
                        DisconnectReason.INVALID_BLOCK_LENGTH),
                new Malformed("request of 128 KiB + 1", "06" + "00000000" + "00000000" + "00020001",
                        DisconnectReason.INVALID_BLOCK_LENGTH),
                new Malformed("reject of 128 KiB + 1", "10" + "00000000" + "00000000" + "00020001",
                        DisconnectReason.INVALID_BLOCK_LENGTH),
                new Malformed("request past the short last piece", "06" + "0000000a" + "00000000" + "00004000",
                        DisconnectReason.INDEX_OUT_OF_RANGE),
                new Malformed("cancel past the piece end", "08" + "00000000" + "0003c001" + "00004000",
                        DisconnectReason.INDEX_OUT_OF_RANGE),
                new Malformed("piece without data", "07" + "00000000" + "00000000", DisconnectReason.INVALID_BLOCK_LENGTH),
                new Malformed("piece of 128 KiB + 1", "07" + "00000000" + "00000000" + "00".repeat(131073),
                        DisconnectReason.MESSAGE_TOO_LARGE),
                new Malformed("piece for a piece out of range", "07" + "0000000b" + "00000000" + "00",
                        DisconnectReason.INDEX_OUT_OF_RANGE),
                new Malformed("bitfield too short", "05ff", DisconnectReason.MALFORMED_MESSAGE),
                new Malformed("bitfield with spare bit", "05ffff", DisconnectReason.MALFORMED_MESSAGE),
                new Malformed("extended without id", "14", DisconnectReason.MALFORMED_MESSAGE),
                new Malformed("extended handshake not bencoded", "1400" + hex("hello"), DisconnectReason.MALFORMED_MESSAGE),
                new Malformed("extended handshake a list", "1400" + hex("li1ee"), DisconnectReason.MALFORMED_MESSAGE),
                new Malformed("extended handshake truncated", "1400" + hex("d1:md6:ut_pexi"),
                        DisconnectReason.MALFORMED_MESSAGE));
    }

    /** One malformed frame body (hex, after the length prefix) and the reason it must be rejected with. */
    record Malformed(String description, String bodyHex, DisconnectReason expected) {
    }

    @TestFactory
    Stream<DynamicTest> rejects_malformed_bodies() {
        return malformedBodies().map(malformed -> DynamicTest.dynamicTest(malformed.description(), () -> {
            Buffer body = Buffer.buffer(HexFormat.of().parseHex(malformed.bodyHex()));

            assertViolation(() -> CODEC.decode(body), malformed.expected());
        }));
    }

    @Test
    void length_prefixes_above_the_bound_are_too_large() {
        assertViolation(() -> LIMITS.checkFrameLength(Integer.MAX_VALUE), DisconnectReason.MESSAGE_TOO_LARGE);
        assertViolation(() -> LIMITS.checkFrameLength(0xFFFFFFFF), DisconnectReason.MESSAGE_TOO_LARGE);
        assertViolation(() -> LIMITS.checkFrameLength(WireLimits.DEFAULT_MAX_MESSAGE_LENGTH + 1),
                DisconnectReason.MESSAGE_TOO_LARGE);
        LIMITS.checkFrameLength(WireLimits.DEFAULT_MAX_MESSAGE_LENGTH);
    }

    @Test
    void bitfield_of_a_huge_torrent_raises_the_frame_bound_to_exactly_its_size() {
        WireLimits huge = WireLimits.forTorrent(2_000_000L * 16384, 16384);

        huge.checkFrameLength(1 + 250_000);
        assertViolation(() -> huge.checkFrameLength(2 + 250_000), DisconnectReason.MESSAGE_TOO_LARGE);
    }

    @Test
    void extended_handshake_reads_known_keys_and_ignores_others() {
        Buffer payload = Buffer.buffer("d1:md6:ut_pexi1ee1:pi6881e4:reqqi500e1:v4:test3:zzzli1eee");

        ExtendedHandshake handshake = ExtendedHandshake.from(new Extended(0, payload));

        assertThat(handshake).isEqualTo(new ExtendedHandshake(Map.of("ut_pex", 1), 6881, "test", 500, 0));
    }

    @Test
    void extended_handshake_carries_the_longest_request_served() {
        Buffer payload = Buffer.buffer("d8:bc_blocki131072e1:mde1:v4:teste");

        assertThat(ExtendedHandshake.from(new Extended(0, payload)).maxRequestLength()).isEqualTo(131072);
        assertViolation(() -> ExtendedHandshake.from(new Extended(0, Buffer.buffer("d8:bc_blocki-1e1:mdee"))),
                DisconnectReason.MALFORMED_MESSAGE);
        assertViolation(() -> ExtendedHandshake.from(new Extended(0, Buffer.buffer("d8:bc_block3:bige1:mdee"))),
                DisconnectReason.MALFORMED_MESSAGE);
    }

    @Test
    void message_wire_ids_are_unique() {
        assertThat(Arrays.stream(MessageId.values()).map(MessageId::wireId)).doesNotHaveDuplicates();
        Arrays.stream(MessageId.values()).forEach(id -> assertThat(MessageId.fromWire(id.wireId())).isEqualTo(id));
    }

    @Test
    void constructors_reject_invalid_blocks() {
        assertViolation(() -> new Request(0, 0, 0), DisconnectReason.INVALID_BLOCK_LENGTH);
        assertViolation(() -> new Piece(0, -1, Buffer.buffer("x")), DisconnectReason.INDEX_OUT_OF_RANGE);
        assertViolation(() -> new Have(-1), DisconnectReason.INDEX_OUT_OF_RANGE);
        BitSet tooFar = new BitSet();
        tooFar.set(11);
        assertViolation(() -> new Bitfield(11, tooFar), DisconnectReason.INDEX_OUT_OF_RANGE);
    }

    private static String hex(String ascii) {
        return HexFormat.of().formatHex(ascii.getBytes());
    }

    private static void assertViolation(Runnable action, DisconnectReason expected) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(ProtocolViolation.class,
                violation -> assertThat(violation.reason()).isEqualTo(expected));
    }
}
