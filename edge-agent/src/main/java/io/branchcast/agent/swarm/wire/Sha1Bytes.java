package io.branchcast.agent.swarm.wire;

import java.util.HexFormat;

/** Sha1Bytes holds the checks and hex formatting shared by the 20-byte identifiers {@link InfoHash} and {@link PeerId}. */
final class Sha1Bytes {

    static final int LENGTH = 20;

    private Sha1Bytes() {
    }

    static byte[] copyOf20(byte[] bytes, String what) {
        if (bytes == null || bytes.length != LENGTH) {
            throw new IllegalArgumentException(what + " must be 20 bytes");
        }
        return bytes.clone();
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
