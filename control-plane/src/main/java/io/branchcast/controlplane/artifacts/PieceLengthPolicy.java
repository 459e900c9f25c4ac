package io.branchcast.controlplane.artifacts;

import io.branchcast.contracts.manifest.InfoDictionary;

/**
 * PieceLengthPolicy chooses the BitTorrent piece length of a payload: the smallest power of two in [min, max] that cuts
 * the payload into at most targetCount pieces, or max when even that gives more. Small pieces let peers share sooner;
 * a bounded count keeps the manifest small (20 bytes per piece).
 *
 * @param min         smallest piece length, a power of two within the BEP 3 bounds of {@link InfoDictionary}
 * @param max         largest piece length, a power of two, >= min
 * @param targetCount most pieces wanted per payload, > 0
 */
public record PieceLengthPolicy(int min, int max, int targetCount) {

    public PieceLengthPolicy {
        requirePieceLength("min-length", min);
        requirePieceLength("max-length", max);
        if (min > max) {
            throw new IllegalArgumentException("branchcast.artifacts.pieces.min-length " + min + " exceeds max-length " + max);
        }
        if (targetCount <= 0) {
            throw new IllegalArgumentException("branchcast.artifacts.pieces.target-count must be positive, got " + targetCount);
        }
    }

    /** The policy the configuration describes; throws IllegalArgumentException naming the bad key. */
    static PieceLengthPolicy of(ArtifactsConfig.Pieces config) {
        return new PieceLengthPolicy(toInt("min-length", config.minLength().asLongValue()),
                toInt("max-length", config.maxLength().asLongValue()), config.targetCount());
    }

    /** The piece length for a payload of the given size in bytes. */
    public int pieceLengthFor(long size) {
        int length = min;
        while (length < max && (size + length - 1) / length > targetCount) {
            length <<= 1;
        }
        return length;
    }

    private static void requirePieceLength(String key, int length) {
        if (length < InfoDictionary.MIN_PIECE_LENGTH || length > InfoDictionary.MAX_PIECE_LENGTH
                || Integer.bitCount(length) != 1) {
            throw new IllegalArgumentException("branchcast.artifacts.pieces." + key
                    + " must be a power of two from 16K to 16M, got " + length);
        }
    }

    private static int toInt(String key, long value) {
        if (value > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("branchcast.artifacts.pieces." + key + " is far too large: " + value);
        }
        return (int) value;
    }
}
