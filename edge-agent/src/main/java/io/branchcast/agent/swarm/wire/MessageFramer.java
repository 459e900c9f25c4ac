package io.branchcast.agent.swarm.wire;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.parsetools.RecordParser;
import io.vertx.core.streams.ReadStream;

import java.util.Objects;

/**
 * MessageFramer cuts a peer's byte stream into frames with a Vert.x {@link RecordParser}: first the 68-byte handshake,
 * then a fixed 4-byte length prefix followed by a body of that length. A prefix is checked against
 * {@link WireLimits#checkFrameLength} before any body byte is buffered, so a 2 GiB prefix costs nothing. After the
 * first violation it stops emitting. It is not responsible for closing the socket (its {@link Listener} does that).
 */
final class MessageFramer {

    /** Receives frames in order, on the stream's context. */
    interface Listener {
        void onHandshake(Handshake handshake);

        void onMessage(PeerMessage message);

        void onViolation(ProtocolViolation violation);

        void onStreamError(Throwable error);
    }

    private static final int LENGTH_PREFIX = 4;

    private final WireCodec codec;
    private final Listener listener;
    private final RecordParser parser;
    /** True until the handshake frame arrived. */
    private boolean awaitingHandshake = true;
    /** True while the parser expects a length prefix, false while it expects a body. */
    private boolean awaitingLength = true;
    /** Set on the first violation; nothing is emitted afterwards. */
    private boolean failed;

    MessageFramer(ReadStream<Buffer> stream, WireCodec codec, Listener listener) {
        this.codec = Objects.requireNonNull(codec, "codec");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.parser = RecordParser.newFixed(Handshake.LENGTH, stream);
        this.parser.handler(this::onFrame);
        this.parser.exceptionHandler(listener::onStreamError);
    }

    /** Stops emitting frames and applies back-pressure to the stream. */
    void pause() {
        parser.pause();
    }

    /** Resumes emitting frames. */
    void resume() {
        if (!failed) {
            parser.resume();
        }
    }

    private void onFrame(Buffer frame) {
        if (failed) {
            return;
        }
        try {
            if (awaitingHandshake) {
                awaitingHandshake = false;
                parser.fixedSizeMode(LENGTH_PREFIX);
                listener.onHandshake(WireCodec.decodeHandshake(frame));
            } else if (awaitingLength) {
                int length = frame.getInt(0);
                codec.limits().checkFrameLength(length);
                if (length == 0) {
                    listener.onMessage(KeepAlive.INSTANCE);
                } else {
                    awaitingLength = false;
                    parser.fixedSizeMode(length);
                }
            } else {
                awaitingLength = true;
                parser.fixedSizeMode(LENGTH_PREFIX);
                listener.onMessage(codec.decode(frame));
            }
        } catch (ProtocolViolation violation) {
            failed = true;
            parser.pause();
            listener.onViolation(violation);
        }
    }
}
