package io.branchcast.agent.swarm;

import static org.assertj.core.api.Assertions.assertThat;

import io.branchcast.agent.swarm.storage.PieceStore;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class PieceCacheTest {

    private static final int PIECE = 4 * PieceCache.CHUNK_BYTES + 1000;

    /** Reads of one piece whose byte i is (byte) i; records each read as "offset+length". */
    private final List<String> reads = new ArrayList<>();
    private final PieceStore store = new PieceStore() {
        @Override
        public Future<Void> writeBlock(int piece, int offset, Buffer data) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Future<Buffer> readBlock(int piece, int offset, int length) {
            reads.add(offset + "+" + length);
            return Future.succeededFuture(bytes(offset, length));
        }

        @Override
        public Future<Boolean> verifyPiece(int piece) {
            throw new UnsupportedOperationException();
        }

        @Override
        public BitSet verifiedPieces() {
            return new BitSet();
        }

        @Override
        public Future<Path> complete() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Future<Void> close() {
            return Future.succeededFuture();
        }
    };

    private static Buffer bytes(int offset, int length) {
        byte[] data = new byte[length];
        for (int i = 0; i < length; i++) {
            data[i] = (byte) (offset + i);
        }
        return Buffer.buffer(data);
    }

    @Test
    void blocks_of_one_chunk_share_one_read() {
        PieceCache cache = new PieceCache(store, piece -> PIECE, 2 * PieceCache.CHUNK_BYTES);

        assertThat(cache.get(0, 0, 16384).result()).isEqualTo(bytes(0, 16384));
        assertThat(cache.get(0, 16384, 16384).result()).isEqualTo(bytes(16384, 16384));

        assertThat(reads).containsExactly("0+" + PieceCache.CHUNK_BYTES);
    }

    @Test
    void the_last_chunk_is_cut_at_the_end_of_the_piece() {
        PieceCache cache = new PieceCache(store, piece -> PIECE, 2 * PieceCache.CHUNK_BYTES);
        int last = 4 * PieceCache.CHUNK_BYTES;

        assertThat(cache.get(0, last, 1000).result()).isEqualTo(bytes(last, 1000));
        assertThat(reads).containsExactly(last + "+1000");
    }

    @Test
    void a_block_across_two_chunks_is_read_on_its_own() {
        PieceCache cache = new PieceCache(store, piece -> PIECE, 2 * PieceCache.CHUNK_BYTES);
        int begin = PieceCache.CHUNK_BYTES - 100;

        assertThat(cache.get(0, begin, 16384).result()).isEqualTo(bytes(begin, 16384));
        assertThat(reads).containsExactly(begin + "+16384");
    }

    @Test
    void least_recently_used_chunks_are_evicted() {
        PieceCache cache = new PieceCache(store, piece -> PIECE, 2 * PieceCache.CHUNK_BYTES);
        int chunk = PieceCache.CHUNK_BYTES;

        cache.get(0, 0, 16384);
        cache.get(0, chunk, 16384);
        cache.get(0, 0, 16384);
        cache.get(0, 2 * chunk, 16384);
        cache.get(0, 0, 16384);
        cache.get(0, chunk, 16384);

        assertThat(reads).containsExactly("0+" + chunk, chunk + "+" + chunk, 2 * chunk + "+" + chunk,
                chunk + "+" + chunk);
    }
}
