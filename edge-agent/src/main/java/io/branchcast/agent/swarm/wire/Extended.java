package io.branchcast.agent.swarm.wire;

import io.vertx.core.buffer.Buffer;

import java.util.Objects;

/**
 * Extended is the BEP 10 extension-protocol message: an extended id (0 = extended handshake, otherwise an id the
 * receiver announced in its handshake's {@code m} dictionary) and an opaque payload. The handshake payload's content
 * is {@link ExtendedHandshake}'s job.
 */
public record Extended(int extendedId, Buffer payload) implements PeerMessage {

    /** The extended id of the BEP 10 handshake. */
    public static final int HANDSHAKE_ID = 0;

    public Extended {
        if (extendedId < 0 || extendedId > 255) {
            throw new ProtocolViolation(DisconnectReason.MALFORMED_MESSAGE, "extended id " + extendedId);
        }
        Objects.requireNonNull(payload, "payload");
    }
}
