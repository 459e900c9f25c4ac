package io.branchcast.agent.swarm.wire;

import io.netty.buffer.ByteBuf;
import io.netty.channel.FileRegion;
import io.netty.util.ReferenceCountUtil;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.net.NetSocketInternal;
import io.vertx.core.net.NetSocket;
import io.vertx.core.net.SocketAddress;

import java.util.ArrayDeque;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * PeerConnection is one BitTorrent v1 connection over a {@link NetSocket}: handshake with timeout, framing and strict
 * decoding, conversation rules (BEP 6 / BEP 10 messages only when both sides advertised them, bitfield only first),
 * choke/interest state, keep-alives, idle timeout, outbound back-pressure and the capped queue of the peer's requests.
 * A violation closes the socket with one log line and a typed {@link DisconnectReason}.
 *
 * <p>It is not responsible for swarm decisions (what to request, whom to choke, whether a piece was requested): the
 * owning session does that. All methods must be called, and all handlers run, on the context that opened the
 * connection.
 */
public final class PeerConnection {

    private static final System.Logger LOG = System.getLogger(PeerConnection.class.getName());

    private final Vertx vertx;
    private final NetSocket socket;
    private final SocketAddress remoteAddress;
    private final Handshake localHandshake;
    private final WireCodec codec;
    private final PeerConnectionOptions options;
    private final MessageFramer framer;
    private final Promise<PeerConnection> handshakePromise = Promise.promise();
    private final Consumer<Buffer> writer;
    /** Requests from the peer not yet polled for serving; at most options.maxInboundRequests. */
    private final ArrayDeque<Request> inboundRequests = new ArrayDeque<>();

    private Handshake remoteHandshake;
    private Handler<PeerMessage> messageHandler;
    private Handler<Void> uploadReadyHandler;
    private Handler<DisconnectReason> closeHandler;
    private boolean amChoking = true;
    private boolean amInterested;
    private boolean peerChoking = true;
    private boolean peerInterested;
    private DisconnectReason closeReason;
    private long handshakeTimer = -1;
    private long keepAliveTimer = -1;
    private long lastReadNanos = System.nanoTime();
    private long lastWriteNanos = System.nanoTime();

    private PeerConnection(Vertx vertx, NetSocket socket, Handshake localHandshake, WireLimits limits,
            PeerConnectionOptions options) {
        this.vertx = vertx;
        this.socket = socket;
        this.remoteAddress = socket.remoteAddress();
        this.localHandshake = localHandshake;
        this.codec = new WireCodec(limits);
        this.options = new PeerConnectionOptions(options);
        this.writer = socket::write;
        this.framer = new MessageFramer(new MessageFramer.Source() {
            @Override
            public void pause() {
                socket.pause();
            }

            @Override
            public void resume() {
                socket.resume();
            }
        }, codec, new Listener());
        // The socket's own buffers, not Vert.x's heap copies: received blocks stay in them up to the disk write.
        ((NetSocketInternal) socket).messageHandler(message -> {
            if (message instanceof ByteBuf data) {
                framer.onData(data);
            } else {
                ReferenceCountUtil.release(message);
            }
        });
    }

    /**
     * Sends our handshake on a freshly connected socket (either direction) and waits for the peer's. The future
     * succeeds with a connection whose inbound frames are paused until {@link #start(Handler)}, and fails with a
     * {@link ProtocolViolation} (BAD_HANDSHAKE, WRONG_INFO_HASH, TIMEOUT, PEER_CLOSED...) after closing the socket.
     */
    public static Future<PeerConnection> open(Vertx vertx, NetSocket socket, Handshake localHandshake,
            WireLimits limits, PeerConnectionOptions options) {
        PeerConnection connection = new PeerConnection(Objects.requireNonNull(vertx, "vertx"),
                Objects.requireNonNull(socket, "socket"), Objects.requireNonNull(localHandshake, "localHandshake"),
                Objects.requireNonNull(limits, "limits"), Objects.requireNonNull(options, "options"));
        connection.begin();
        return connection.handshakePromise.future();
    }

    private void begin() {
        socket.closeHandler(v -> close(DisconnectReason.PEER_CLOSED));
        socket.exceptionHandler(error -> close(DisconnectReason.IO_ERROR, error.toString()));
        handshakeTimer = vertx.setTimer(options.getHandshakeTimeoutMs(),
                id -> close(DisconnectReason.TIMEOUT, "no handshake within " + options.getHandshakeTimeoutMs() + " ms"));
        socket.write(WireCodec.encodeHandshake(localHandshake));
        lastWriteNanos = System.nanoTime();
    }

    /** Starts delivering the peer's messages (except requests and cancels, which feed the request queue). */
    public void start(Handler<PeerMessage> messageHandler) {
        if (remoteHandshake == null || this.messageHandler != null) {
            throw new IllegalStateException("start once, after the handshake");
        }
        this.messageHandler = Objects.requireNonNull(messageHandler, "messageHandler");
        socket.drainHandler(v -> notifyUploadReady());
        long period = Math.max(10, Math.min(options.getKeepAliveIntervalMs(), options.getIdleTimeoutMs()) / 4);
        keepAliveTimer = vertx.setPeriodic(period, id -> checkLiveness());
        framer.resume();
    }

    /** Called when requests can be served: a request was queued, or the socket's write queue drained. */
    public PeerConnection uploadReadyHandler(Handler<Void> handler) {
        this.uploadReadyHandler = handler;
        return this;
    }

    /** Called once when the connection closes, for any reason. */
    public PeerConnection closeHandler(Handler<DisconnectReason> handler) {
        this.closeHandler = handler;
        return this;
    }

    /** Writes a message. Choke also drops the peer's queued requests (rejecting them under BEP 6). */
    public void send(PeerMessage message) {
        if (closeReason != null) {
            return;
        }
        if (message instanceof Choke) {
            amChoking = true;
            rejectQueuedRequests();
        } else if (message instanceof Unchoke) {
            amChoking = false;
        } else if (message instanceof Interested) {
            amInterested = true;
        } else if (message instanceof NotInterested) {
            amInterested = false;
        }
        codec.encode(message, writer);
        lastWriteNanos = System.nanoTime();
    }

    /**
     * Sends a piece message whose block is {@code block}, a file region the transport sends without copying it through
     * the heap (sendfile). The region is released once sent, or at once if the connection is closed.
     */
    public void sendPiece(int pieceIndex, int begin, FileRegion block) {
        if (closeReason != null) {
            block.release();
            return;
        }
        socket.write(WireCodec.encodePieceHeader(pieceIndex, begin, Math.toIntExact(block.count())));
        ((NetSocketInternal) socket).writeMessage(block);
        lastWriteNanos = System.nanoTime();
    }

    /**
     * The next request to serve, or null when none is queued or the socket's write queue is full (the upload-ready
     * handler fires when it drains).
     */
    public Request pollRequest() {
        if (closeReason != null || socket.writeQueueFull()) {
            return null;
        }
        return inboundRequests.poll();
    }

    /** True when the socket's write queue is above its high-water mark. */
    public boolean writeQueueFull() {
        return socket.writeQueueFull();
    }

    /** Stops reading from the peer (inbound back-pressure), e.g. while storage catches up. */
    public void pauseInbound() {
        framer.pause();
    }

    public void resumeInbound() {
        if (messageHandler != null) {
            framer.resume();
        }
    }

    /** Closes the connection with a reason; idempotent. */
    public void close(DisconnectReason reason) {
        close(reason, "");
    }

    private void close(DisconnectReason reason, String detail) {
        if (closeReason != null) {
            return;
        }
        closeReason = reason;
        vertx.cancelTimer(handshakeTimer);
        vertx.cancelTimer(keepAliveTimer);
        inboundRequests.clear();
        framer.close();
        LOG.log(reason.violation() ? System.Logger.Level.WARNING : System.Logger.Level.DEBUG,
                "peer {0} disconnected: {1}{2}", remoteAddress, reason, detail.isEmpty() ? "" : " (" + detail + ")");
        socket.close();
        handshakePromise.tryFail(new ProtocolViolation(reason, detail.isEmpty() ? "before handshake" : detail));
        if (closeHandler != null) {
            closeHandler.handle(reason);
        }
    }

    public SocketAddress remoteAddress() {
        return remoteAddress;
    }

    /** The peer's handshake; null before it arrived. */
    public Handshake remoteHandshake() {
        return remoteHandshake;
    }

    public PeerId remotePeerId() {
        return remoteHandshake == null ? null : remoteHandshake.peerId();
    }

    /** True when both sides advertised the BEP 6 fast extension. */
    public boolean fastEnabled() {
        return remoteHandshake != null && localHandshake.supportsFast() && remoteHandshake.supportsFast();
    }

    /** True when both sides advertised the BEP 10 extension protocol. */
    public boolean extensionProtocolEnabled() {
        return remoteHandshake != null && localHandshake.supportsExtensionProtocol()
                && remoteHandshake.supportsExtensionProtocol();
    }

    /**
     * The largest request the peer may send: what our extended handshake advertises when BEP 10 is negotiated, else
     * the 16 KiB of BEP 3 practice.
     */
    public int servedRequestLength() {
        return extensionProtocolEnabled() ? options.getMaxRequestLength() : BlockRef.MAX_BLOCK_LENGTH;
    }

    public boolean amChoking() {
        return amChoking;
    }

    public boolean amInterested() {
        return amInterested;
    }

    public boolean peerChoking() {
        return peerChoking;
    }

    public boolean peerInterested() {
        return peerInterested;
    }

    /** Requests from the peer waiting to be served. */
    public int queuedRequests() {
        return inboundRequests.size();
    }

    public boolean isClosed() {
        return closeReason != null;
    }

    /** Why the connection closed; null while open. */
    public DisconnectReason closeReason() {
        return closeReason;
    }

    @Override
    public String toString() {
        return "PeerConnection[" + remoteAddress + "]";
    }

    private void checkLiveness() {
        long now = System.nanoTime();
        if (now - lastReadNanos >= options.getIdleTimeoutMs() * 1_000_000L) {
            close(DisconnectReason.TIMEOUT, "no traffic for " + options.getIdleTimeoutMs() + " ms");
        } else if (now - lastWriteNanos >= options.getKeepAliveIntervalMs() * 1_000_000L) {
            send(KeepAlive.INSTANCE);
        }
    }

    private void onMessage(PeerMessage message) {
        lastReadNanos = System.nanoTime();
        if (message instanceof Piece || message instanceof Have) {
            messageHandler.handle(message);
        } else if (message instanceof Request request) {
            onRequest(request);
        } else if (message instanceof KeepAlive) {
            return;
        } else if (message instanceof Extended) {
            require(extensionProtocolEnabled(), message);
            messageHandler.handle(message);
        } else {
            onControl(message);
        }
    }

    private void onControl(PeerMessage message) {
        boolean fastMessage = message instanceof HaveAll || message instanceof HaveNone
                || message instanceof RejectRequest || message instanceof AllowedFast || message instanceof SuggestPiece;
        if (fastMessage) {
            require(fastEnabled(), message);
        }
        // Availability may come again at any time and only adds pieces: aria2 re-sends its bitfield mid-session,
        // and libtorrent accepts that too. The session merges it into what it knows of the peer.
        if (message instanceof Choke) {
            peerChoking = true;
        } else if (message instanceof Unchoke) {
            peerChoking = false;
        } else if (message instanceof Interested) {
            peerInterested = true;
        } else if (message instanceof NotInterested) {
            peerInterested = false;
        } else if (message instanceof Cancel cancel) {
            if (inboundRequests.remove(new Request(cancel.block())) && fastEnabled()) {
                send(new RejectRequest(cancel.block()));
            }
            return;
        }
        messageHandler.handle(message);
    }

    private void onRequest(Request request) {
        if (request.block().length() > servedRequestLength()) {
            throw new ProtocolViolation(DisconnectReason.INVALID_BLOCK_LENGTH, "request of "
                    + request.block().length() + " bytes, above the " + servedRequestLength() + " this peer may ask");
        }
        if (amChoking || inboundRequests.size() >= options.getMaxInboundRequests()) {
            if (fastEnabled()) {
                send(new RejectRequest(request.block()));
            }
            return;
        }
        inboundRequests.add(request);
        notifyUploadReady();
    }

    private void rejectQueuedRequests() {
        if (fastEnabled()) {
            for (Request request : inboundRequests) {
                codec.encode(new RejectRequest(request.block()), writer);
            }
        }
        inboundRequests.clear();
    }

    private void notifyUploadReady() {
        if (uploadReadyHandler != null && closeReason == null) {
            uploadReadyHandler.handle(null);
        }
    }

    private static void require(boolean negotiated, PeerMessage message) {
        if (!negotiated) {
            throw new ProtocolViolation(DisconnectReason.UNKNOWN_MESSAGE,
                    message.getClass().getSimpleName() + " without the extension negotiated");
        }
    }

    /** Adapts framer events; violations thrown by conversation rules are caught here too. */
    private final class Listener implements MessageFramer.Listener {

        @Override
        public void onHandshake(Handshake handshake) {
            vertx.cancelTimer(handshakeTimer);
            if (!handshake.infoHash().equals(localHandshake.infoHash())) {
                close(DisconnectReason.WRONG_INFO_HASH, "info hash " + handshake.infoHash());
                return;
            }
            remoteHandshake = handshake;
            lastReadNanos = System.nanoTime();
            framer.pause();
            handshakePromise.complete(PeerConnection.this);
        }

        @Override
        public void onMessage(PeerMessage message) {
            if (closeReason != null) {
                if (message instanceof Piece piece) {
                    piece.release();
                }
                return;
            }
            try {
                PeerConnection.this.onMessage(message);
            } catch (ProtocolViolation violation) {
                onViolation(violation);
            }
        }

        @Override
        public void onViolation(ProtocolViolation violation) {
            framer.pause();
            close(violation.reason(), violation.detail());
        }

        @Override
        public void onStreamError(Throwable error) {
            close(DisconnectReason.IO_ERROR, error.toString());
        }
    }
}
