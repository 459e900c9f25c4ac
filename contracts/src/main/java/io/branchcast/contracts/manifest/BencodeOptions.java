package io.branchcast.contracts.manifest;

/**
 * BencodeOptions are the limits a {@link Bencode} decoder enforces on untrusted input.
 *
 * @param maxStringLength  longest byte string accepted, in bytes
 * @param requireSortedKeys whether dictionary keys must appear in canonical (raw byte) order; duplicate keys are
 *                          rejected either way, since they make a dictionary ambiguous
 */
public record BencodeOptions(int maxStringLength, boolean requireSortedKeys) {

    /** Nesting depth (lists and dictionaries) beyond which input is rejected; real torrents use 3 or 4. */
    public static final int MAX_DEPTH = 32;

    /** Default string limit: 64 MiB, enough for the piece hashes of a 3 TiB file with 1 MiB pieces. */
    public static final int DEFAULT_MAX_STRING_LENGTH = 64 * 1024 * 1024;

    /** Canonical input only, strings up to {@link #DEFAULT_MAX_STRING_LENGTH}. */
    public static final BencodeOptions STRICT = new BencodeOptions(DEFAULT_MAX_STRING_LENGTH, true);

    public BencodeOptions {
        if (maxStringLength < 0) {
            throw new IllegalArgumentException("maxStringLength must be >= 0, got " + maxStringLength);
        }
    }

    public BencodeOptions withMaxStringLength(int length) {
        return new BencodeOptions(length, requireSortedKeys);
    }
}
