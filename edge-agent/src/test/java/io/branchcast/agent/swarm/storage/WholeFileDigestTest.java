package io.branchcast.agent.swarm.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.BitSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WholeFileDigestTest {

    private final StoreFixture fixture = StoreFixture.fourPieces();
    private final BitSet verified = new BitSet();
    private FileChannel channel;
    private WholeFileDigest digest;

    @BeforeEach
    void writeFile(@TempDir Path dir) throws IOException {
        Path file = Files.write(dir.resolve("payload.bin"), fixture.content);
        channel = FileChannel.open(file, StandardOpenOption.READ);
        // A buffer smaller than a piece, so a piece is fed in several reads.
        digest = new WholeFileDigest(fixture.manifest.info(), 5000);
    }

    @Test
    void advancesOnlyOverTheVerifiedPrefix() throws IOException {
        verified.set(1);
        verified.set(2);
        digest.advance(channel, verified::get);
        assertThat(digest.digestedPieces()).isZero();

        verified.set(0);
        digest.advance(channel, verified::get);
        assertThat(digest.digestedPieces()).isEqualTo(3);

        assertThat(digest.finish(channel, fixture.manifest.sha256())).isTrue();
    }

    @Test
    void finishDigestsWhatIsLeftAndStartsOver() throws IOException {
        verified.set(0);
        digest.advance(channel, verified::get);

        assertThat(digest.finish(channel, fixture.manifest.sha256())).isTrue();
        assertThat(digest.digestedPieces()).isZero();
        assertThat(digest.finish(channel, fixture.manifest.sha256())).isTrue();
    }

    @Test
    void aWrongExpectedHashDoesNotMatch() throws IOException {
        assertThat(digest.finish(channel, new byte[32])).isFalse();
    }

    @Test
    void aFailedReadStartsTheDigestOver() throws IOException {
        verified.set(0, fixture.pieceCount());
        channel.close();
        assertThatThrownBy(() -> digest.advance(channel, verified::get))
                .isInstanceOf(IOException.class);
        assertThat(digest.digestedPieces()).isZero();
    }
}
