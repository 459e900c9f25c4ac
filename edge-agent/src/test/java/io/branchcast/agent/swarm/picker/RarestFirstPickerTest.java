package io.branchcast.agent.swarm.picker;

import static io.branchcast.agent.swarm.picker.Swarm.BLOCK;
import static io.branchcast.agent.swarm.picker.Swarm.bits;
import static io.branchcast.agent.swarm.picker.Swarm.join;
import static io.branchcast.agent.swarm.picker.Swarm.joinSeed;
import static io.branchcast.agent.swarm.picker.Swarm.pieces;
import static io.branchcast.agent.swarm.picker.Swarm.rarestFirst;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.branchcast.agent.swarm.picker.BlockReceipt.Outcome;
import io.branchcast.agent.swarm.wire.BlockRef;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RarestFirstPickerTest {

    @Test
    void picksLowestAvailability() {
        PiecePicker<String> picker = rarestFirst("3323333");
        joinSeed(picker, "me");

        assertThat(pieces(picker.pick("me", 1, 0))).containsExactly(2);
    }

    @Test
    void picksRarerBucketsBeforeCommonerOnes() {
        PiecePicker<String> picker = rarestFirst("2223333");
        joinSeed(picker, "me");

        List<Integer> order = pieces(picker.pick("me", 7, 0));

        assertThat(order.subList(0, 3)).containsExactlyInAnyOrder(0, 1, 2);
        assertThat(order.subList(3, 7)).containsExactlyInAnyOrder(3, 4, 5, 6);
    }

    @Test
    void skipsVerifiedPieces() {
        PiecePicker<String> picker = rarestFirst("1111", "1010", 1, 1);

        assertThat(pieces(picker.pick("peer0", 10, 0))).containsExactlyInAnyOrder(1, 3);
    }

    @Test
    void picksOnlyPiecesThePeerHas() {
        PiecePicker<String> picker = rarestFirst("1111");
        join(picker, "partial", "0101");

        assertThat(pieces(picker.pick("partial", 10, 0))).containsExactlyInAnyOrder(1, 3);
    }

    @Test
    void peerWithFewPiecesGetsTheRarestOfItsOwn() {
        String availability = "5".repeat(100);
        PiecePicker<String> picker = rarestFirst(availability);
        join(picker, "sparse", "0".repeat(10) + "1" + "0".repeat(39) + "1" + "0".repeat(39) + "1");
        join(picker, "other", "0".repeat(50) + "1" + "0".repeat(39) + "1");

        assertThat(pieces(picker.pick("sparse", 1, 0))).containsExactly(10);
    }

    @Test
    void finishesPartialPiecesFirst() {
        PiecePicker<String> picker = rarestFirst("2111", "0000", 4, 1);
        joinSeed(picker, "me");
        List<BlockRef> first = picker.pick("peer0", 2, 0);
        int started = first.get(0).pieceIndex();

        List<BlockRef> next = picker.pick("me", 3, 0);

        assertThat(pieces(first)).containsExactly(started, started);
        assertThat(pieces(next.subList(0, 2))).containsExactly(started, started);
        assertThat(next.get(2).pieceIndex()).isNotEqualTo(started);
        assertThat(next.get(0).begin()).isEqualTo(2 * BLOCK);
    }

    @Test
    void neverRequestsABlockTwiceBeforeEndgame() {
        PiecePicker<String> picker = rarestFirst("2222", "0000", 2, 1);

        List<BlockRef> a = picker.pick("peer0", 3, 0);
        List<BlockRef> b = picker.pick("peer1", 3, 0);

        assertThat(a).doesNotContainAnyElementsOf(b);
        assertThat(picker.inEndgame()).isFalse();
    }

    @Test
    void breaksTiesRandomlyButReproducibly() {
        String flat = "1".repeat(64);
        Set<List<Integer>> orders = new HashSet<>();
        for (long seed = 0; seed < 8; seed++) {
            List<Integer> order = pieces(rarestFirst(flat, "0".repeat(64), 1, seed).pick("peer0", 64, 0));
            assertThat(pieces(rarestFirst(flat, "0".repeat(64), 1, seed).pick("peer0", 64, 0))).isEqualTo(order);
            orders.add(order.subList(0, 4));
        }

        assertThat(orders).hasSizeGreaterThan(1);
    }

    @Test
    void breaksTiesAmongTheFirstFreshPiecesOfTheFile() {
        int window = 8;
        PiecePicker<String> picker = rarestFirst("1".repeat(1000), "0".repeat(1000), 1, 3, window);
        TreeSet<Integer> fresh = IntStream.range(0, 1000).boxed().collect(Collectors.toCollection(TreeSet::new));
        List<Integer> order = new ArrayList<>();

        for (int k = 0; k < 200; k++) {
            int piece = pieces(picker.pick("peer0", 1, 0)).get(0);
            assertThat(fresh.headSet(piece).size()).as("fresh pieces before pick %d", k).isLessThan(window);
            fresh.remove(piece);
            order.add(piece);
        }

        assertThat(order).isNotEqualTo(order.stream().sorted().toList());
    }

    @Test
    void rarityComesBeforeTheTieBreakWindow() {
        PiecePicker<String> picker = rarestFirst("2".repeat(99) + "1", "0".repeat(100), 1, 1, 8);
        joinSeed(picker, "seed");

        assertThat(pieces(picker.pick("seed", 1, 0))).containsExactly(99);
    }

    @Test
    void aWindowOfZeroBreaksTiesOverTheWholeFile() {
        PiecePicker<String> picker = rarestFirst("1".repeat(1000), "0".repeat(1000), 1, 3, 0);

        List<Integer> first = pieces(picker.pick("peer0", 8, 0));

        assertThat(first).anyMatch(piece -> piece >= 100);
    }

    @Test
    void followsHavesAndDepartures() {
        PiecePicker<String> picker = rarestFirst("1222");
        joinSeed(picker, "me");
        picker.peerHas("peer1", 0);
        picker.peerHas("peer1", 0);
        join(picker, "late", "1000");
        assertThat(picker.availability(0)).isEqualTo(4);

        picker.removePeer("peer1");

        assertThat(picker.availability(0)).isEqualTo(3);
        assertThat(picker.availability(1)).isEqualTo(2);
        assertThat(pieces(picker.pick("me", 3, 0))).containsExactlyInAnyOrder(1, 2, 3);
    }

    @Test
    void countsSeedsInAvailability() {
        PiecePicker<String> picker = rarestFirst("1000");
        joinSeed(picker, "seed");
        join(picker, "full", "1111");

        assertThat(picker.availability(0)).isEqualTo(3);
        assertThat(picker.availability(3)).isEqualTo(2);
        assertThat(pieces(picker.pick("seed", 4, 0))).endsWith(0);
    }

    @Test
    void isInterestedOnlyInPeersWithMissingPieces() {
        PiecePicker<String> picker = rarestFirst("0000", "1100", 1, 1);
        join(picker, "old", "1100");
        join(picker, "useful", "0010");

        assertThat(picker.isInteresting("old")).isFalse();
        assertThat(picker.isInteresting("useful")).isTrue();
    }

    @Test
    void endgameDuplicatesLastBlocks() {
        PiecePicker<String> picker = rarestFirst("22", "00", 1, 1);
        List<BlockRef> first = picker.pick("peer0", 10, 0);
        assertThat(picker.inEndgame()).isTrue();

        List<BlockRef> duplicates = picker.pick("peer1", 10, 0);

        assertThat(duplicates).containsExactlyInAnyOrderElementsOf(first);
        BlockReceipt<String> receipt = picker.blockReceived("peer0", first.get(0));
        assertThat(receipt.outcome()).isEqualTo(Outcome.ACCEPTED);
        assertThat(receipt.cancels()).containsExactly(new Request<>("peer1", first.get(0)));
        assertThat(picker.blockReceived("peer1", first.get(0)).outcome()).isEqualTo(Outcome.DUPLICATE);
    }

    @Test
    void endgamePrefersTheLeastRequestedBlocks() {
        PiecePicker<String> picker = rarestFirst("333", "000", 1, 1);
        picker.pick("peer0", 3, 0);
        BlockRef twice = picker.pick("peer1", 1, 0).get(0);

        List<BlockRef> third = picker.pick("peer2", 2, 0);

        assertThat(third).hasSize(2).doesNotContain(twice);
    }

    @Test
    void endgameNeverDuplicatesToTheSamePeer() {
        PiecePicker<String> picker = rarestFirst("11", "00", 1, 1);
        picker.pick("peer0", 10, 0);

        assertThat(picker.pick("peer0", 10, 0)).isEmpty();
    }

    @Test
    void disconnectReturnsBlocks() {
        PiecePicker<String> picker = rarestFirst("22", "00", 2, 1);
        List<BlockRef> taken = picker.pick("peer0", 2, 0);

        picker.removePeer("peer0");

        assertThat(picker.availability(0)).isEqualTo(1);
        assertThat(picker.pick("peer1", 2, 0)).containsExactlyElementsOf(taken);
    }

    @Test
    void chokeReturnsBlocksButKeepsAvailability() {
        PiecePicker<String> picker = rarestFirst("22", "00", 2, 1);
        List<BlockRef> taken = picker.pick("peer0", 2, 0);

        picker.peerChoked("peer0");

        assertThat(picker.availability(0)).isEqualTo(2);
        assertThat(picker.pick("peer1", 2, 0)).containsExactlyElementsOf(taken);
    }

    @Test
    void rejectedRequestIsPickedAgain() {
        PiecePicker<String> picker = rarestFirst("22", "00", 2, 1);
        BlockRef rejected = picker.pick("peer0", 1, 0).get(0);

        picker.requestRejected("peer0", rejected);

        assertThat(picker.pick("peer1", 1, 0)).containsExactly(rejected);
    }

    @Test
    void timedOutRequestsArePickedAgainAndLateBlocksStillCount() {
        PiecePicker<String> picker = rarestFirst("22", "00", 1, 1);
        List<BlockRef> slow = picker.pick("peer0", 1, 1_000);
        picker.pick("peer0", 1, 20_000);

        assertThat(picker.expireRequests(30_999, 30_000)).isEmpty();
        assertThat(picker.expireRequests(31_000, 30_000)).containsExactly(new Request<>("peer0", slow.get(0)));

        assertThat(picker.pick("peer1", 1, 31_000)).containsExactlyElementsOf(slow);
        BlockReceipt<String> late = picker.blockReceived("peer0", slow.get(0));
        assertThat(late.outcome()).isEqualTo(Outcome.ACCEPTED);
        assertThat(late.cancels()).containsExactly(new Request<>("peer1", slow.get(0)));
    }

    @Test
    void rejectsTimeGoingBackwards() {
        PiecePicker<String> picker = rarestFirst("1");
        picker.pick("peer0", 1, 10);

        assertThatThrownBy(() -> picker.expireRequests(9, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void reportsPieceCompleteOnItsLastBlock() {
        PiecePicker<String> picker = rarestFirst("1", "0", 2, 1);
        List<BlockRef> blocks = picker.pick("peer0", 2, 0);

        assertThat(picker.blockReceived("peer0", blocks.get(0)).pieceComplete()).isFalse();
        assertThat(picker.blockReceived("peer0", blocks.get(1)).pieceComplete()).isTrue();
    }

    @Test
    void failedPieceIsPickedAgainAndNamesItsSenders() {
        PiecePicker<String> picker = rarestFirst("2", "0", 2, 1);
        BlockRef first = picker.pick("peer0", 1, 0).get(0);
        BlockRef second = picker.pick("peer1", 1, 0).get(0);
        picker.blockReceived("peer0", first);
        picker.blockReceived("peer1", second);

        assertThat(picker.pieceFailed(0)).containsExactlyInAnyOrder("peer0", "peer1");
        assertThat(picker.pick("peer0", 2, 0)).containsExactly(first, second);
    }

    @Test
    void verifiedPieceCancelsItsOutstandingRequests() {
        PiecePicker<String> picker = rarestFirst("1", "0", 2, 1);
        List<BlockRef> blocks = picker.pick("peer0", 2, 0);

        List<Request<String>> cancels = picker.pieceVerified(0);

        assertThat(cancels).containsExactly(new Request<>("peer0", blocks.get(0)), new Request<>("peer0", blocks.get(1)));
        assertThat(picker.isComplete()).isTrue();
        assertThat(picker.pick("peer0", 2, 0)).isEmpty();
        assertThat(picker.blockReceived("peer0", blocks.get(0)).outcome()).isEqualTo(Outcome.DUPLICATE);
    }

    @Test
    void dropsBlocksNobodyAskedFor() {
        PiecePicker<String> picker = rarestFirst("11", "00", 2, 1);

        assertThat(picker.blockReceived("peer0", new BlockRef(1, 0, BLOCK)).outcome()).isEqualTo(Outcome.UNEXPECTED);
        picker.pick("peer0", 4, 0);
        assertThat(picker.blockReceived("peer0", new BlockRef(0, 100, BLOCK)).outcome()).isEqualTo(Outcome.UNEXPECTED);
        assertThat(picker.blockReceived("peer0", new BlockRef(9, 0, BLOCK)).outcome()).isEqualTo(Outcome.UNEXPECTED);
    }

    @Test
    void shortLastBlockHasTheExactLength() {
        RarestFirstPicker<String> picker = new RarestFirstPicker<>(new PieceLayout(2L * BLOCK + 100, 2 * BLOCK),
                new BitSet(), new Random(1), 0);
        joinSeed(picker, "seed");

        List<BlockRef> blocks = picker.pick("seed", 3, 0);

        assertThat(blocks).contains(new BlockRef(1, 0, 100));
    }

    @Test
    void refusesUnknownPeers() {
        PiecePicker<String> picker = rarestFirst("1");

        assertThatThrownBy(() -> picker.pick("stranger", 1, 0)).hasMessageContaining("unknown peer");
    }

    @Test
    void downloadsAWholeSwarmToCompletion() {
        PiecePicker<String> picker = rarestFirst("1234321", "0000000", 3, 7);
        long now = 0;
        while (!picker.isComplete()) {
            for (int k = 0; k < 4; k++) {
                String peer = "peer" + k;
                for (BlockRef block : picker.pick(peer, 2, now)) {
                    BlockReceipt<String> receipt = picker.blockReceived(peer, block);
                    if (receipt.pieceComplete()) {
                        picker.pieceVerified(block.pieceIndex());
                    }
                }
            }
            now++;
        }

        assertThat(picker.verifiedPieces()).isEqualTo(bits("1111111"));
        assertThat(picker.inEndgame()).isFalse();
    }
}
