package io.branchcast.controlplane.artifacts;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PieceLengthPolicyTest {

    private static final int KIB = 1024;
    private static final PieceLengthPolicy DEFAULT = new PieceLengthPolicy(256 * KIB, 16 * KIB * KIB, 4000);

    @ParameterizedTest(name = "{0} bytes -> {1} KiB pieces")
    @CsvSource({
            "1,              256",
            "1048576000,     256",   // exactly 4000 pieces of 256 KiB
            "1048576001,     512",
            "1073741824,     512",   // 1 GiB: 2048 pieces
            "68719476736,    16384", // 64 GiB: 4096 pieces, the most max-length allows
            "1099511627776,  16384"}) // 1 TiB: more than 4000 pieces, capped at max-length
    void picksTheSmallestPowerOfTwoWithinTheTargetCount(long size, int expectedKib) {
        assertThat(DEFAULT.pieceLengthFor(size)).isEqualTo(expectedKib * KIB);
    }

    @Test
    void aFixedLengthPolicyIgnoresTheSize() {
        PieceLengthPolicy fixed = new PieceLengthPolicy(KIB * KIB, KIB * KIB, 1);
        assertThat(fixed.pieceLengthFor(1)).isEqualTo(KIB * KIB);
        assertThat(fixed.pieceLengthFor(1L << 40)).isEqualTo(KIB * KIB);
    }

    @Test
    void refusesLengthsBitTorrentCannotUse() {
        assertThatThrownBy(() -> new PieceLengthPolicy(300 * KIB, 16 * KIB * KIB, 4000)).hasMessageContaining("min-length");
        assertThatThrownBy(() -> new PieceLengthPolicy(8 * KIB, 16 * KIB * KIB, 4000)).hasMessageContaining("min-length");
        assertThatThrownBy(() -> new PieceLengthPolicy(256 * KIB, 32 * KIB * KIB, 4000)).hasMessageContaining("max-length");
        assertThatThrownBy(() -> new PieceLengthPolicy(1024 * KIB, 256 * KIB, 4000)).hasMessageContaining("exceeds");
        assertThatThrownBy(() -> new PieceLengthPolicy(256 * KIB, 256 * KIB, 0)).hasMessageContaining("target-count");
    }
}
