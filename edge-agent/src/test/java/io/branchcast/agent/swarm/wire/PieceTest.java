package io.branchcast.agent.swarm.wire;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.buffer.BufferInternal;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PieceTest {

    @Test
    void a_part_shares_the_network_buffer_and_holds_a_reference_of_its_own() {
        ByteBuf network = Unpooled.directBuffer(64 * 1024);
        for (int i = 0; i < 64 * 1024; i++) {
            network.writeByte(i / 1024);
        }
        Piece block = new Piece(3, 32 * 1024, BufferInternal.buffer(network));

        Piece part = block.part(48 * 1024, 16 * 1024);
        block.release();

        assertThat(network.refCnt()).as("the part keeps the buffer").isEqualTo(1);
        assertThat(part.block()).isEqualTo(new BlockRef(3, 48 * 1024, 16 * 1024));
        assertThat(part.data().getByte(0)).isEqualTo((byte) 16);
        part.release();
        assertThat(network.refCnt()).isZero();
    }

    @Test
    void a_part_must_lie_inside_the_block() {
        Piece block = new Piece(0, 16 * 1024, Buffer.buffer(new byte[32 * 1024]));

        assertThatThrownBy(() -> block.part(0, 16 * 1024)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> block.part(32 * 1024, 16 * 1024 + 1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(block.part(32 * 1024, 16 * 1024).block()).isEqualTo(new BlockRef(0, 32 * 1024, 16 * 1024));
    }
}
