package io.branchcast.agent.swarm.wire;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;

import java.util.Objects;

/**
 * MessageFramer cuts a peer's byte stream into frames: first the 68-byte handshake, then a fixed 4-byte length prefix
 * followed by a body of that length. A frame that lies whole inside one buffer read from the socket is handed on as a
 * slice of it (no copy: a piece's data stays a slice of the socket's buffer); only a frame split across reads is
 * gathered into a buffer of its own. A prefix is checked against {@link WireLimits#checkFrameLength} before any body
 * byte is gathered, so a 2 GiB prefix costs nothing. While paused it emits nothing (unparsed bytes are kept) and
 * pauses the stream. After the first violation it stops emitting. It is not responsible for closing the socket (its
 * {@link Listener} does that).
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
    private static final Buffer EMPTY = Buffer.buffer(0);

    private final ReadStream<Buffer> stream;
    private final WireCodec codec;
    private final Listener listener;
    /** Bytes read from the stream; those before inputPosition are consumed. */
    private Buffer input = EMPTY;
    private int inputPosition;
    /** The start of a frame split across reads; null when none. Never longer than expected. */
    private Buffer partial;
    /** Length of the next item: the handshake, a length prefix or a body. */
    private int expected = Handshake.LENGTH;
    /** True until the handshake frame arrived. */
    private boolean awaitingHandshake = true;
    /** True while the next item is a length prefix, false while it is a body. */
    private boolean awaitingLength = true;
    private boolean paused;
    /** True while frames are being emitted; a resume from a listener then just lets the loop go on. */
    private boolean emitting;
    /** Set on the first violation; nothing is emitted afterwards. */
    private boolean failed;

    MessageFramer(ReadStream<Buffer> stream, WireCodec codec, Listener listener) {
        this.stream = Objects.requireNonNull(stream, "stream");
        this.codec = Objects.requireNonNull(codec, "codec");
        this.listener = Objects.requireNonNull(listener, "listener");
        stream.handler(this::onData);
    }

    /** Stops emitting frames and applies back-pressure to the stream. */
    void pause() {
        if (!paused) {
            paused = true;
            stream.pause();
        }
    }

    /** Resumes emitting frames. */
    void resume() {
        if (failed || !paused) {
            return;
        }
        paused = false;
        stream.resume();
        emit();
    }

    private void onData(Buffer data) {
        if (inputPosition < input.length()) {
            input = input.getBuffer(inputPosition, input.length()).appendBuffer(data);
        } else {
            input = data;
        }
        inputPosition = 0;
        emit();
    }

    private void emit() {
        if (emitting) {
            return;
        }
        emitting = true;
        try {
            while (!paused && !failed && inputPosition < input.length()) {
                int available = input.length() - inputPosition;
                if (partial != null) {
                    int take = Math.min(expected - partial.length(), available);
                    partial.appendBuffer(input, inputPosition, take);
                    inputPosition += take;
                    if (partial.length() == expected) {
                        Buffer frame = partial;
                        partial = null;
                        onFrame(frame);
                    }
                } else if (available >= expected) {
                    Buffer frame = input.slice(inputPosition, inputPosition + expected);
                    inputPosition += expected;
                    onFrame(frame);
                } else {
                    partial = Buffer.buffer(expected).appendBuffer(input, inputPosition, available);
                    inputPosition += available;
                }
            }
            if (inputPosition == input.length()) {
                input = EMPTY;
                inputPosition = 0;
            }
        } finally {
            emitting = false;
        }
    }

    private void onFrame(Buffer frame) {
        try {
            if (awaitingHandshake) {
                awaitingHandshake = false;
                expected = LENGTH_PREFIX;
                listener.onHandshake(WireCodec.decodeHandshake(frame));
            } else if (awaitingLength) {
                int length = frame.getInt(0);
                codec.limits().checkFrameLength(length);
                if (length == 0) {
                    listener.onMessage(KeepAlive.INSTANCE);
                } else {
                    awaitingLength = false;
                    expected = length;
                }
            } else {
                awaitingLength = true;
                expected = LENGTH_PREFIX;
                listener.onMessage(codec.decode(frame));
            }
        } catch (ProtocolViolation violation) {
            failed = true;
            pause();
            listener.onViolation(violation);
        }
    }
}
