package io.branchcast.agent.swarm;

import io.branchcast.agent.swarm.wire.BlockRef;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RequestSchedulerTest {

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

    private static BlockRef block(int piece, int beginKib) {
        return new BlockRef(piece, beginKib * KIB, 16 * KIB);
    }
}
