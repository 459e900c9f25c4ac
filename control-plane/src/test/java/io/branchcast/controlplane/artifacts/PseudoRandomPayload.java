package io.branchcast.controlplane.artifacts;

import java.io.InputStream;
import java.security.MessageDigest;
import java.util.function.LongConsumer;

/**
 * PseudoRandomPayload is an InputStream of a given length whose byte at any offset is a pure function of the offset
 * (SplitMix64 of the 8-byte word index), so gigabytes can be sent without storing them and any range checked later.
 * It hashes what it emits (SHA-256) and reports each crossed progress mark to a callback.
 */
final class PseudoRandomPayload extends InputStream {

    private final long length;
    private final long markEvery;
    private final LongConsumer onMark;
    private final MessageDigest sha256 = Payloads.digest("SHA-256");
    /** Bytes emitted so far; 0 <= position <= length. */
    private long position;
    private long nextMark;

    PseudoRandomPayload(long length, long markEvery, LongConsumer onMark) {
        this.length = length;
        this.markEvery = markEvery;
        this.onMark = onMark;
        this.nextMark = markEvery;
    }

    static byte byteAt(long offset) {
        return (byte) (word(offset >>> 3) >>> (8 * (offset & 7)));
    }

    /** SplitMix64 of the word index: bytes 8*index .. 8*index+7, least significant first. */
    private static long word(long index) {
        long z = index * 0x9E3779B97F4A7C15L + 0x632BE59BD9B4E019L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int count) {
        if (position == length) {
            return -1;
        }
        int n = (int) Math.min(count, length - position);
        int i = 0;
        while (i < n) {
            long at = position + i;
            if ((at & 7) == 0 && n - i >= 8) {
                long w = word(at >>> 3);
                for (int b = 0; b < 8; b++) {
                    buffer[offset + i + b] = (byte) (w >>> (8 * b));
                }
                i += 8;
            } else {
                buffer[offset + i] = byteAt(at);
                i++;
            }
        }
        sha256.update(buffer, offset, n);
        position += n;
        if (position >= nextMark) {
            nextMark += markEvery;
            onMark.accept(position);
        }
        return n;
    }

    /** SHA-256 of everything emitted; call once the stream is exhausted. */
    byte[] sha256() {
        return sha256.digest();
    }
}
