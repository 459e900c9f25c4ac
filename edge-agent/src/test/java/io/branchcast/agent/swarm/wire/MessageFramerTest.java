package io.branchcast.agent.swarm.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.vertx.core.buffer.Buffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessageFramerTest {

    private final FakeStream stream = new FakeStream();
    private final List<Object> events = new ArrayList<>();
    private boolean pauseOnHandshake;
    private final MessageFramer framer = new MessageFramer(stream, new WireCodec(WireCodecTest.LIMITS),
            new MessageFramer.Listener() {
                @Override
                public void onHandshake(Handshake handshake) {
                    events.add(handshake);
                    if (pauseOnHandshake) {
                        framer.pause();
                    }
                }

                @Override
                public void onMessage(PeerMessage message) {
                    events.add(message);
                }

                @Override
                public void onViolation(ProtocolViolation violation) {
                    events.add(violation.reason());
                }

                @Override
                public void onStreamError(Throwable error) {
                    events.add(error);
                }
            });

    private static Buffer wire() {
        Buffer bytes = LoopbackPeer.plainHandshake(LoopbackPeer.INFO_HASH);
        WireCodec codec = new WireCodec(WireCodecTest.LIMITS);
        codec.encode(new Have(3), bytes::appendBuffer);
        codec.encode(KeepAlive.INSTANCE, bytes::appendBuffer);
        codec.encode(new Piece(1, 16384, block()), bytes::appendBuffer);
        codec.encode(Unchoke.INSTANCE, bytes::appendBuffer);
        return bytes;
    }

    private static Buffer block() {
        byte[] data = new byte[16384];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) i;
        }
        return Buffer.buffer(data);
    }

    /** Checks the frames, then that releasing the piece leaves no network buffer held. */
    private void assertAllFrames() {
        assertThat(events).hasSize(5);
        assertThat(events.get(0)).isInstanceOf(Handshake.class);
        assertThat(events.subList(1, 5)).containsExactly(new Have(3), KeepAlive.INSTANCE, new Piece(1, 16384, block()),
                Unchoke.INSTANCE);
        ((Piece) events.get(3)).release();
        assertThat(stream.reads).allSatisfy(read -> assertThat(read.refCnt()).isZero());
    }

    @Test
    void frames_in_one_read_are_emitted_in_order() {
        stream.push(wire());

        assertAllFrames();
    }

    @Test
    void a_piece_within_one_read_keeps_its_data_in_that_read_until_released() {
        stream.push(wire());

        Piece piece = (Piece) events.get(3);
        assertThat(stream.reads.get(0).refCnt()).as("held by the piece alone").isEqualTo(1);
        piece.release();
        assertThat(stream.reads.get(0).refCnt()).isZero();
    }

    @Test
    void a_closed_framer_releases_what_it_holds_and_every_later_read() {
        Buffer bytes = wire();
        stream.push(bytes.slice(0, 100));
        int emitted = events.size();
        framer.close();
        stream.push(bytes.slice(100, bytes.length()));

        assertThat(events).hasSize(emitted);
        assertThat(stream.reads).allSatisfy(read -> assertThat(read.refCnt()).isZero());
    }

    @Test
    void frames_split_at_every_byte_are_gathered() {
        Buffer bytes = wire();
        for (int i = 0; i < bytes.length(); i++) {
            stream.push(bytes.slice(i, i + 1));
        }

        assertAllFrames();
    }

    @Test
    void frames_split_at_odd_sizes_are_gathered() {
        Buffer bytes = wire();
        for (int i = 0; i < bytes.length(); i += 7001) {
            stream.push(bytes.slice(i, Math.min(bytes.length(), i + 7001)));
        }

        assertAllFrames();
    }

    @Test
    void a_128_kib_piece_split_over_a_few_reads_keeps_its_data_in_those_reads_until_released() {
        byte[] data = new byte[BlockRef.MAX_REQUEST_LENGTH];
        new java.util.Random(7).nextBytes(data);
        Buffer bytes = LoopbackPeer.plainHandshake(LoopbackPeer.INFO_HASH);
        new WireCodec(WireCodecTest.LIMITS).encode(new Piece(2, 0, Buffer.buffer(data)), bytes::appendBuffer);
        int[] cuts = {0, 50_000, 100_000, 120_000, bytes.length()};
        for (int i = 0; i + 1 < cuts.length; i++) {
            stream.push(bytes.slice(cuts[i], cuts[i + 1]));
        }

        assertThat(events).hasSize(2);
        Piece piece = (Piece) events.get(1);
        assertThat(piece).isEqualTo(new Piece(2, 0, Buffer.buffer(data)));
        assertThat(stream.reads).as("no copy: the piece holds every read").allSatisfy(
                read -> assertThat(read.refCnt()).isEqualTo(1));
        piece.release();
        assertThat(stream.reads).allSatisfy(read -> assertThat(read.refCnt()).isZero());
    }

    @Test
    void nothing_is_emitted_while_paused_and_the_rest_follows_on_resume() {
        Buffer bytes = wire();
        framer.pause();
        stream.push(bytes.slice(0, 100));
        assertThat(events).isEmpty();
        assertThat(stream.paused).isTrue();

        framer.resume();
        stream.push(bytes.slice(100, bytes.length()));

        assertAllFrames();
    }

    @Test
    void a_listener_pausing_mid_read_holds_the_remaining_frames() {
        pauseOnHandshake = true;
        stream.push(wire());
        assertThat(events).hasSize(1);

        framer.resume();

        assertAllFrames();
    }

    @Test
    void an_oversized_length_prefix_stops_the_framer() {
        stream.push(LoopbackPeer.plainHandshake(LoopbackPeer.INFO_HASH).appendInt(Integer.MAX_VALUE)
                .appendBytes(new byte[64]));

        assertThat(events).hasSize(2);
        assertThat(events.get(1)).isEqualTo(DisconnectReason.MESSAGE_TOO_LARGE);
        assertThat(stream.paused).isTrue();
        assertThat(stream.reads.get(0).refCnt()).isZero();
    }

    /** The socket side, driven by the test: each push is one read, in a buffer the framer then owns. */
    private final class FakeStream implements MessageFramer.Source {
        boolean paused;
        final List<ByteBuf> reads = new ArrayList<>();

        void push(Buffer data) {
            ByteBuf read = Unpooled.directBuffer(data.length()).writeBytes(data.getBytes());
            reads.add(read);
            framer.onData(read);
        }

        @Override
        public void pause() {
            paused = true;
        }

        @Override
        public void resume() {
            paused = false;
        }
    }
}
