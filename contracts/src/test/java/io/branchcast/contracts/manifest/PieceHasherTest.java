package io.branchcast.contracts.manifest;

import static io.branchcast.contracts.manifest.Fixtures.PIECE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class PieceHasherTest {

    @ParameterizedTest(name = "length {0}, chunks of {1}")
    @CsvSource({
        "1,      1",
        "16383,  1000",
        "16384,  16384",
        "16385,  7",
        "49152,  65536",
        "50000,  16383",
        "50000,  16385",
        "100001, 4096",
    })
    void matchesANaiveComputationForAnyChunking(int length, int chunk) {
        byte[] content = Fixtures.content(length, length);
        PieceHashes expected = Fixtures.naiveHashes(content, PIECE);

        assertThat(hashInArrayChunks(content, chunk)).isEqualTo(expected);
        assertThat(hashInBufferChunks(content, chunk, false)).isEqualTo(expected);
        assertThat(hashInBufferChunks(content, chunk, true)).isEqualTo(expected);
    }

    @Test
    void producesAValidInfoDictionary() {
        byte[] content = Fixtures.content(2 * PIECE + 3, 5);

        InfoDictionary info = hashInArrayChunks(content, 999).toInfo("a.bin");

        assertThat(info.pieceCount()).isEqualTo(3);
        assertThat(info.pieceSize(2)).isEqualTo(3);
        assertThat(info).isEqualTo(Fixtures.info("a.bin", content));
    }

    @Test
    void consumesOnlyTheRemainingBytesOfABuffer() {
        byte[] content = Fixtures.content(100, 6);
        ByteBuffer buffer = ByteBuffer.allocate(120);
        buffer.position(10);
        buffer.put(content);
        buffer.flip().position(10);

        PieceHashes hashes = new PieceHasher(PIECE).update(buffer).finish();

        assertThat(buffer.remaining()).isZero();
        assertThat(buffer.limit()).isEqualTo(110);
        assertThat(hashes).isEqualTo(Fixtures.naiveHashes(content, PIECE));
    }

    @Test
    void rejectsAnEmptyStreamWithAClearMessage() {
        assertThatThrownBy(() -> new PieceHasher(PIECE).finish())
                .isInstanceOf(ManifestException.class)
                .hasMessageContaining("empty file");
    }

    @Test
    void rejectsUpdatesAfterFinish() {
        PieceHasher hasher = new PieceHasher(PIECE).update(new byte[1], 0, 1);
        hasher.finish();

        assertThatThrownBy(() -> hasher.update(new byte[1], 0, 1)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void growsBeyondItsInitialCapacity() {
        byte[] content = Fixtures.content(200 * PIECE + 1, 8);

        assertThat(hashInArrayChunks(content, 65536)).isEqualTo(Fixtures.naiveHashes(content, PIECE));
    }

    private static PieceHashes hashInArrayChunks(byte[] content, int chunk) {
        PieceHasher hasher = new PieceHasher(PIECE);
        for (int offset = 0; offset < content.length; offset += chunk) {
            hasher.update(content, offset, Math.min(chunk, content.length - offset));
        }
        return hasher.finish();
    }

    private static PieceHashes hashInBufferChunks(byte[] content, int chunk, boolean direct) {
        PieceHasher hasher = new PieceHasher(PIECE, content.length);
        ByteBuffer buffer = direct ? ByteBuffer.allocateDirect(chunk) : ByteBuffer.allocate(chunk);
        for (int offset = 0; offset < content.length; offset += chunk) {
            buffer.clear();
            buffer.put(content, offset, Math.min(chunk, content.length - offset)).flip();
            hasher.update(buffer);
        }
        return hasher.finish();
    }
}
