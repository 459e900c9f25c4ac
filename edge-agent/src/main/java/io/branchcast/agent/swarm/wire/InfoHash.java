package io.branchcast.agent.swarm.wire;

import java.util.Arrays;
import java.util.HexFormat;

/** InfoHash is the 20-byte SHA-1 of a torrent's bencoded info dictionary, as carried in the handshake. */
public record InfoHash(byte[] bytes) {

    public InfoHash {
        bytes = Sha1Bytes.copyOf20(bytes, "info hash");
    }

    /** Parses 40 hex digits. */
    public static InfoHash ofHex(String hex) {
        return new InfoHash(HexFormat.of().parseHex(hex));
    }

    /** A copy of the 20 bytes. */
    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof InfoHash that && Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return Sha1Bytes.hex(bytes);
    }
}
