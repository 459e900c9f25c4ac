package io.branchcast.agent.swarm;

import io.branchcast.agent.swarm.picker.PickerStrategy;
import io.branchcast.agent.swarm.picker.PieceLayout;
import io.branchcast.agent.swarm.picker.PiecePicker;
import io.branchcast.agent.swarm.wire.BlockRef;
import io.branchcast.agent.swarm.wire.Handshake;
import io.branchcast.agent.swarm.wire.InfoHash;
import io.branchcast.agent.swarm.wire.PeerConnection;
import io.branchcast.agent.swarm.wire.PeerConnectionOptions;
import io.branchcast.agent.swarm.wire.PeerId;
import io.branchcast.agent.swarm.wire.Piece;
import io.branchcast.agent.swarm.wire.WireLimits;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetClientOptions;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(VertxExtension.class)
class RequestSchedulerTest {

    private static final InfoHash INFO_HASH = InfoHash.ofHex("00112233445566778899aabbccddeeff00112233");
    private static final PieceLayout LAYOUT = new PieceLayout(4L * 256 * 1024, 256 * 1024);

    private static final int KIB = 1024;

    @Test
    void consecutive_blocks_join_into_requests_that_stay_inside_one_window() {
        List<BlockRef> picked = List.of(block(0, 96), block(0, 112), block(0, 128), block(0, 144), block(0, 160),
                block(1, 0), block(1, 32), block(1, 48));

        assertThat(RequestScheduler.runs(picked, 128 * KIB)).containsExactly(
                new BlockRef(0, 96 * KIB, 32 * KIB), new BlockRef(0, 128 * KIB, 48 * KIB),
                block(1, 0), new BlockRef(1, 32 * KIB, 32 * KIB));
    }

    @Test
    void a_peer_limited_to_16_kib_gets_one_request_per_block() {
        List<BlockRef> picked = List.of(block(3, 0), block(3, 16), block(3, 32));

        assertThat(RequestScheduler.runs(picked, 16 * KIB)).isEqualTo(picked);
    }

    @Test
    void a_long_message_covers_the_16_kib_blocks_from_its_offset_the_last_one_short() {
        assertThat(RequestScheduler.blocksOf(new BlockRef(2, 64 * KIB, 40 * KIB))).containsExactly(
                block(2, 64), block(2, 80), new BlockRef(2, 96 * KIB, 8 * KIB));
        assertThat(RequestScheduler.blocksOf(new BlockRef(2, 0, 5))).containsExactly(new BlockRef(2, 0, 5));
    }

    @Test
    void a_message_over_blocks_of_which_some_were_taken_back_hands_on_only_the_wanted_ones(Vertx vertx,
            VertxTestContext test) {
        connectedPeer(vertx).onComplete(test.succeeding(connection -> test.verify(() -> {
            PiecePicker<SwarmPeer> picker = PickerStrategy.RAREST_FIRST.create(LAYOUT, new BitSet(), new Random(1),
                    SwarmOptions.DEFAULT_TIE_BREAK_WINDOW);
            SwarmOptions options = new SwarmOptions();
            RequestScheduler scheduler = new RequestScheduler(picker, options);
            SwarmPeer peer = new SwarmPeer(connection, false, LAYOUT.pieceCount(), 128, System.nanoTime());
            peer.requestLength = BlockRef.MAX_REQUEST_LENGTH;
            picker.addPeer(peer);
            picker.peerHasAll(peer);
            List<BlockRef> early = picker.pick(peer, 4, 1_000);
            List<BlockRef> late = picker.pick(peer, 4, 5_000);
            peer.requested.addAll(early);
            peer.requested.addAll(late);
            int piece = early.get(0).pieceIndex();
            List<BlockRef> requested = peer.requested.stream().sorted(Comparator.comparingInt(BlockRef::begin)).toList();
            assertThat(RequestScheduler.runs(requested, peer.requestLength))
                    .as("both picks lie in the piece's first 128 KiB")
                    .containsExactly(new BlockRef(piece, 0, 128 * KIB));

            scheduler.tick(List.of(peer), (1_000 + options.getRequestTimeoutMs()) * 1_000_000L);
            assertThat(peer.cancelled).as("the early picks expired").containsExactlyInAnyOrderElementsOf(early);

            List<Piece> written = new ArrayList<>();
            byte[] data = new byte[128 * KIB];
            data[64 * KIB] = 42;
            scheduler.accept(peer, new Piece(piece, 0, Buffer.buffer(data)), (block, complete) -> written.add(block));

            assertThat(written.stream().map(Piece::block).toList()).as("the late picks, block by block")
                    .containsExactlyElementsOf(late);
            assertThat(written.get(0).data().getByte(0)).isEqualTo((byte) 42);
            assertThat(peer.requested).isEmpty();
            assertThat(peer.cancelled).isEmpty();
            test.completeNow();
        })));
    }

    /** Our end of a live connection from 127.0.0.24 to a peer on 127.0.0.23 that only handshakes. */
    private static Future<PeerConnection> connectedPeer(Vertx vertx) {
        WireLimits limits = WireLimits.forTorrent(LAYOUT.length(), LAYOUT.pieceLength());
        return vertx.createNetServer()
                .connectHandler(socket -> PeerConnection.open(vertx, socket, Handshake.of(INFO_HASH, PeerId.random()),
                        limits, new PeerConnectionOptions()).onSuccess(remote -> remote.start(message -> {
                        })))
                .listen(0, "127.0.0.23")
                .compose(server -> vertx.createNetClient(new NetClientOptions().setLocalAddress("127.0.0.24"))
                        .connect(server.actualPort(), "127.0.0.23"))
                .compose(socket -> PeerConnection.open(vertx, socket, Handshake.of(INFO_HASH, PeerId.random()), limits,
                        new PeerConnectionOptions()));
    }

    private static BlockRef block(int piece, int beginKib) {
        return new BlockRef(piece, beginKib * KIB, 16 * KIB);
    }
}
