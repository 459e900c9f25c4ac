package io.branchcast.agent.swarm.wire;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetSocket;
import io.vertx.core.net.SocketAddress;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * LoopbackPeer is a test host on its own 127.0.0.N: either a listening {@link PeerConnection} endpoint that records
 * what it receives and why it closed, or a raw client socket that writes arbitrary bytes.
 */
final class LoopbackPeer {

    static final InfoHash INFO_HASH = InfoHash.ofHex("00112233445566778899aabbccddeeff00112233");

    final Promise<PeerConnection> connected = Promise.promise();
    final Promise<DisconnectReason> closed = Promise.promise();
    final List<PeerMessage> received = new CopyOnWriteArrayList<>();
    private NetServer server;

    /** Listens on {@code host}:0 and wraps the first accepted socket in a PeerConnection. */
    static Future<LoopbackPeer> listen(Vertx vertx, String host, PeerConnectionOptions options) {
        LoopbackPeer peer = new LoopbackPeer();
        peer.server = vertx.createNetServer().connectHandler(socket -> peer.open(vertx, socket, options));
        return peer.server.listen(0, host).map(peer);
    }

    /** Connects from {@code localHost} and wraps the socket in a PeerConnection. */
    static Future<LoopbackPeer> connect(Vertx vertx, String localHost, SocketAddress target,
            PeerConnectionOptions options) {
        LoopbackPeer peer = new LoopbackPeer();
        return rawConnect(vertx, localHost, target).map(socket -> {
            peer.open(vertx, socket, options);
            return peer;
        });
    }

    /** A plain socket from {@code localHost} to {@code target}. */
    static Future<NetSocket> rawConnect(Vertx vertx, String localHost, SocketAddress target) {
        return vertx.createNetClient(new NetClientOptions().setLocalAddress(localHost)).connect(target);
    }

    SocketAddress address() {
        return SocketAddress.inetSocketAddress(server.actualPort(), "127.0.0.2");
    }

    /** A complete, valid handshake from a peer without BEP 6/BEP 10 support. */
    static Buffer plainHandshake(InfoHash infoHash) {
        return WireCodec.encodeHandshake(new Handshake(0, infoHash, PeerId.random()));
    }

    private void open(Vertx vertx, NetSocket socket, PeerConnectionOptions options) {
        PeerConnection.open(vertx, socket, Handshake.of(INFO_HASH, PeerId.random()), WireCodecTest.LIMITS, options)
                .onSuccess(connection -> {
                    connection.closeHandler(closed::tryComplete);
                    connection.start(received::add);
                    connected.complete(connection);
                })
                .onFailure(error -> closed.tryComplete(((ProtocolViolation) error).reason()));
    }
}
