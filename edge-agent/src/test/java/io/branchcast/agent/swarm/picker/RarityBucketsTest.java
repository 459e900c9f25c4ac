package io.branchcast.agent.swarm.picker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Checks the bucket bookkeeping against a naive model under a long, seeded run of random operations, without and with
 * a tie-break window smaller than the file.
 */
class RarityBucketsTest {

    private static final int PIECES = 200;

    @ParameterizedTest
    @ValueSource(ints = {0, 16})
    void alwaysPicksAPieceOfMinimalAvailabilityAmongMembers(int window) {
        Random operations = new Random(12345);
        int[] availability = new int[PIECES];
        boolean[] member = new boolean[PIECES];
        RarityBuckets buckets = new RarityBuckets(availability, new Random(1), window);
        PeerPieces seed = new PeerPieces();
        seed.seed = true;

        for (int step = 0; step < 20_000; step++) {
            int piece = operations.nextInt(PIECES);
            switch (operations.nextInt(4)) {
                case 0 -> {
                    buckets.add(piece);
                    member[piece] = true;
                }
                case 1 -> {
                    buckets.remove(piece);
                    member[piece] = false;
                }
                case 2 -> buckets.availabilityChanged(piece, availability[piece]++, +1);
                default -> {
                    if (availability[piece] > 0) {
                        buckets.availabilityChanged(piece, availability[piece]--, -1);
                    }
                }
            }
            int size = (int) IntStream.range(0, PIECES).filter(p -> member[p]).count();
            assertThat(buckets.size()).isEqualTo(size);
            int picked = buckets.pick(seed);
            if (size == 0) {
                assertThat(picked).isEqualTo(-1);
            } else {
                int minimum = IntStream.range(0, PIECES).filter(p -> member[p]).map(p -> availability[p]).min()
                        .orElseThrow();
                assertThat(member[picked]).isTrue();
                assertThat(availability[picked]).as("step %d", step).isEqualTo(minimum);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 16})
    void sparsePeerSearchAgreesWithTheBuckets(int window) {
        Random random = new Random(7);
        int[] availability = new int[PIECES];
        RarityBuckets buckets = new RarityBuckets(availability, new Random(2), window);
        for (int piece = 0; piece < PIECES; piece++) {
            availability[piece] = 1 + random.nextInt(5);
            buckets.add(piece);
        }
        PeerPieces sparse = new PeerPieces();
        for (int piece = 0; piece < PIECES; piece += 17) {
            sparse.pieces.set(piece);
            sparse.pieceCount++;
        }

        int picked = buckets.pick(sparse);

        int minimum = sparse.pieces.stream().map(p -> availability[p]).min().orElseThrow();
        assertThat(sparse.pieces.get(picked)).isTrue();
        assertThat(availability[picked]).isEqualTo(minimum);
    }
}
