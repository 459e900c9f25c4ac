package io.branchcast.agent.swarm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.branchcast.agent.swarm.storage.PieceStore;
import io.branchcast.agent.swarm.storage.StorageException;
import io.branchcast.agent.swarm.wire.BlockRef;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Path;
import java.util.BitSet;
import org.junit.jupiter.api.Test;

class VerifiedBlockRegionTest {

    /** One verified piece of 64 bytes (0..63) that accepts at most 10 bytes per transfer, like a full socket. */
    private static final class TenBytesAtATime implements PieceStore {
        @Override
        public long transferVerified(int piece, int offset, int length, WritableByteChannel target) throws IOException {
            if (piece != 0) {
                throw new StorageException(StorageException.Code.NOT_VERIFIED, "piece " + piece + " is not verified");
            }
            ByteBuffer bytes = ByteBuffer.allocate(Math.min(10, length));
            for (int i = 0; i < bytes.capacity(); i++) {
                bytes.put((byte) (offset + i));
            }
            return target.write(bytes.flip());
        }

        @Override
        public Future<Void> writeBlock(int piece, int offset, Buffer data) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Future<Buffer> readBlock(int piece, int offset, int length) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Future<Boolean> verifyPiece(int piece) {
            throw new UnsupportedOperationException();
        }

        @Override
        public BitSet verifiedPieces() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Future<Path> complete() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Future<Void> close() {
            throw new UnsupportedOperationException();
        }
    }

    @Test
    void transfersTheBlockAcrossPartialWritesFromWhereItStopped() throws IOException {
        VerifiedBlockRegion region = new VerifiedBlockRegion(new TenBytesAtATime(), new BlockRef(0, 16, 25));
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        WritableByteChannel socket = Channels.newChannel(received);
        while (region.transferred() < region.count()) {
            region.transferTo(socket, region.transferred());
        }
        byte[] expected = new byte[25];
        for (int i = 0; i < expected.length; i++) {
            expected[i] = (byte) (16 + i);
        }
        assertThat(received.toByteArray()).isEqualTo(expected);
        assertThat(region.transferred()).isEqualTo(25);
        assertThat(region.release()).isTrue();
    }

    @Test
    void aBlockTheStoreRefusesIsAnIoErrorSoTheConnectionCloses() {
        VerifiedBlockRegion region = new VerifiedBlockRegion(new TenBytesAtATime(), new BlockRef(3, 0, 16));
        assertThatThrownBy(() -> region.transferTo(Channels.newChannel(new ByteArrayOutputStream()), 0))
                .isInstanceOf(IOException.class)
                .hasCauseInstanceOf(StorageException.class);
        assertThat(region.transferred()).isZero();
    }
}
