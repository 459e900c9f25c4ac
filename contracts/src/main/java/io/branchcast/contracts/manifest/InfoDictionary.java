package io.branchcast.contracts.manifest;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * InfoDictionary is the BEP 3 single-file "info" dictionary: what a file is and the SHA-1 of each of its pieces. Its
 * canonical bencoding is what the info hash identifies, so {@link #decode} accepts only canonical input with exactly
 * the four BEP 3 keys: then {@code encode(decode(bytes))} equals {@code bytes} and the info hash of a decoded dictionary
 * is the hash of the bytes received.
 *
 * <p>Rules enforced on construction: the name is one path component (not empty, not "." or "..", no '/', '\\' or NUL,
 * at most 255 UTF-8 bytes), so it can never escape a target directory; the length is positive (BitTorrent v1 cannot
 * describe an empty file usefully, so empty artifacts are rejected); the piece length is a power of two from 16 KiB to
 * 16 MiB; and there is exactly one 20-byte hash per piece.
 *
 * @param name        file name suggested to clients
 * @param length      file length in bytes, > 0
 * @param pieceLength bytes per piece except the last, a power of two in [{@link #MIN_PIECE_LENGTH},
 *                    {@link #MAX_PIECE_LENGTH}]
 * @param pieces      the piece SHA-1s concatenated, 20 bytes per piece in piece order (the BEP 3 layout); the
 *                    accessor returns a copy, use {@link #pieceHash(int)} or {@link #pieceHashMatches} instead
 */
public record InfoDictionary(String name, long length, int pieceLength, byte[] pieces) {

    public static final int MIN_PIECE_LENGTH = 16 * 1024;
    public static final int MAX_PIECE_LENGTH = 16 * 1024 * 1024;
    public static final int HASH_LENGTH = Digests.SHA1_LENGTH;
    private static final int MAX_NAME_BYTES = 255;
    private static final Set<String> KEYS = Set.of("length", "name", "piece length", "pieces");

    public InfoDictionary {
        validateName(name);
        if (length <= 0) {
            throw new ManifestException("length must be > 0, got " + length + ": empty files cannot be distributed");
        }
        if (pieceLength < MIN_PIECE_LENGTH || pieceLength > MAX_PIECE_LENGTH || Integer.bitCount(pieceLength) != 1) {
            throw new ManifestException("piece length must be a power of two from 16 KiB to 16 MiB, got " + pieceLength);
        }
        long pieceCount = (length + pieceLength - 1) / pieceLength;
        if (pieceCount > Integer.MAX_VALUE / HASH_LENGTH) {
            throw new ManifestException("too many pieces: " + pieceCount);
        }
        if (pieces == null || pieces.length != pieceCount * HASH_LENGTH) {
            throw new ManifestException("pieces must hold " + pieceCount + " hashes of 20 bytes, got "
                    + (pieces == null ? "none" : pieces.length + " bytes"));
        }
        pieces = pieces.clone();
    }

    /** Decodes and validates a canonical bencoded info dictionary. */
    public static InfoDictionary decode(byte[] bencoded) {
        return fromBencode(Bencode.decode(bencoded, BencodeOptions.STRICT.withMaxStringLength(bencoded.length)));
    }

    static InfoDictionary fromBencode(Object value) {
        DecodedDictionary info = DecodedDictionary.of("info", value);
        info.requireOnly(KEYS);
        long pieceLength = info.integer("piece length");
        if (pieceLength > MAX_PIECE_LENGTH || pieceLength < 0) {
            throw new ManifestException("piece length out of range: " + pieceLength);
        }
        return new InfoDictionary(info.text("name"), info.integer("length"), (int) pieceLength, info.bytes("pieces"));
    }

    /** The canonical bencoding; its SHA-1 is the info hash. */
    public byte[] encode() {
        return Bencode.encode(toBencode());
    }

    Map<String, Object> toBencode() {
        Map<String, Object> map = new TreeMap<>(Bencode.KEY_ORDER);
        map.put("length", length);
        map.put("name", name);
        map.put("piece length", (long) pieceLength);
        map.put("pieces", pieces);
        return map;
    }

    /** SHA-1 of {@link #encode()}, computed on every call (callers that need it often keep it). */
    public byte[] infoHash() {
        return Digests.sha1().digest(encode());
    }

    public int pieceCount() {
        return pieces.length / HASH_LENGTH;
    }

    /** Bytes in the given piece: {@link #pieceLength} except for a shorter last piece. */
    public int pieceSize(int index) {
        checkIndex(index);
        long start = (long) index * pieceLength;
        return (int) Math.min(pieceLength, length - start);
    }

    /** Byte offset of the first byte of the given piece in the file. */
    public long pieceOffset(int index) {
        checkIndex(index);
        return (long) index * pieceLength;
    }

    /** A copy of the 20-byte SHA-1 of the given piece. */
    public byte[] pieceHash(int index) {
        checkIndex(index);
        return Arrays.copyOfRange(pieces, index * HASH_LENGTH, (index + 1) * HASH_LENGTH);
    }

    /** Whether the given 20-byte SHA-1 is the expected hash of the piece; allocation-free. */
    public boolean pieceHashMatches(int index, byte[] sha1) {
        checkIndex(index);
        return sha1.length == HASH_LENGTH
                && Arrays.equals(pieces, index * HASH_LENGTH, (index + 1) * HASH_LENGTH, sha1, 0, HASH_LENGTH);
    }

    @Override
    public byte[] pieces() {
        return pieces.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof InfoDictionary that
                && name.equals(that.name)
                && length == that.length
                && pieceLength == that.pieceLength
                && Arrays.equals(pieces, that.pieces);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * name.hashCode() + Long.hashCode(length)) + Arrays.hashCode(pieces);
    }

    @Override
    public String toString() {
        return "InfoDictionary[name=" + name + ", length=" + length + ", pieceLength=" + pieceLength
                + ", pieceCount=" + pieceCount() + "]";
    }

    private void checkIndex(int index) {
        if (index < 0 || index >= pieceCount()) {
            throw new IndexOutOfBoundsException("piece " + index + " of " + pieceCount());
        }
    }

    private static void validateName(String name) {
        if (name == null || name.isEmpty() || name.equals(".") || name.equals("..")) {
            throw new ManifestException("name must be a file name, got '" + name + "'");
        }
        if (name.indexOf('/') >= 0 || name.indexOf('\\') >= 0 || name.indexOf('\0') >= 0) {
            throw new ManifestException("name must not contain '/', '\\' or NUL: '" + name + "'");
        }
        if (Bencode.utf8(name).length > MAX_NAME_BYTES) {
            throw new ManifestException("name longer than " + MAX_NAME_BYTES + " UTF-8 bytes");
        }
    }
}
