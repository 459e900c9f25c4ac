package io.branchcast.agent.swarm.wire;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * PeerId is the 20-byte id a peer announces in its handshake. Branchcast agents use the Azureus style
 * {@code -BC0100-} followed by 12 random bytes; any 20 bytes are accepted from others.
 */
public record PeerId(byte[] bytes) {

    /** The Azureus-style client prefix of Branchcast agents. */
    public static final String CLIENT_PREFIX = "-BC0100-";

    private static final SecureRandom RANDOM = new SecureRandom();

    public PeerId {
        bytes = Sha1Bytes.copyOf20(bytes, "peer id");
    }

    /** A fresh id: the client prefix and 12 random bytes. */
    public static PeerId random() {
        byte[] id = new byte[Sha1Bytes.LENGTH];
        byte[] prefix = CLIENT_PREFIX.getBytes(StandardCharsets.US_ASCII);
        RANDOM.nextBytes(id);
        System.arraycopy(prefix, 0, id, 0, prefix.length);
        return new PeerId(id);
    }

    /** A copy of the 20 bytes. */
    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PeerId that && Arrays.equals(bytes, that.bytes);
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
