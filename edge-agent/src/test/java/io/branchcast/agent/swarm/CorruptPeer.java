package io.branchcast.agent.swarm;

import io.branchcast.agent.swarm.wire.Handshake;
import io.branchcast.agent.swarm.wire.HaveAll;
import io.branchcast.agent.swarm.wire.InfoHash;
import io.branchcast.agent.swarm.wire.Interested;
import io.branchcast.agent.swarm.wire.PeerConnection;
import io.branchcast.agent.swarm.wire.PeerConnectionOptions;
import io.branchcast.agent.swarm.wire.PeerId;
import io.branchcast.agent.swarm.wire.Piece;
import io.branchcast.agent.swarm.wire.Request;
import io.branchcast.agent.swarm.wire.Unchoke;
import io.branchcast.agent.swarm.wire.WireLimits;
import io.branchcast.contracts.manifest.Manifest;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.SocketAddress;

/**
 * CorruptPeer is a hostile test host on its own 127.0.0.N: it speaks the wire protocol correctly and claims every
 * piece; then it either answers every request at once with a block of garbage ({@link #listen}) or sends a block
 * nobody asked for ({@link #unsolicited}). {@link #closed} completes when the agent hangs up.
 */
final class CorruptPeer {

    final Promise<Void> closed = Promise.promise();
    private final String host;
    private NetServer server;

    private CorruptPeer(String host) {
        this.host = host;
    }

    static Future<CorruptPeer> listen(Vertx vertx, String host, Manifest manifest) {
        CorruptPeer peer = new CorruptPeer(host);
        Handshake handshake = Handshake.of(new InfoHash(manifest.infoHash()), PeerId.random());
        WireLimits limits = WireLimits.forTorrent(manifest.info().length(), manifest.info().pieceLength());
        Buffer garbage = Buffer.buffer(new byte[16 * 1024]);
        peer.server = vertx.createNetServer().connectHandler(socket -> PeerConnection
                .open(vertx, socket, handshake, limits, new PeerConnectionOptions())
                .onSuccess(connection -> {
                    connection.uploadReadyHandler(v -> {
                        for (Request request = connection.pollRequest(); request != null;
                                request = connection.pollRequest()) {
                            connection.send(new Piece(request.block().pieceIndex(), request.block().begin(),
                                    garbage.slice(0, request.block().length())));
                        }
                    });
                    connection.start(message -> {
                        if (message instanceof Interested) {
                            connection.send(Unchoke.INSTANCE);
                        }
                    });
                    connection.send(HaveAll.INSTANCE);
                }));
        return peer.server.listen(0, host).map(peer);
    }

    /** A peer that claims every piece and sends a block of piece 0 before anyone requested it. */
    static Future<CorruptPeer> unsolicited(Vertx vertx, String host, Manifest manifest) {
        CorruptPeer peer = new CorruptPeer(host);
        Handshake handshake = Handshake.of(new InfoHash(manifest.infoHash()), PeerId.random());
        WireLimits limits = WireLimits.forTorrent(manifest.info().length(), manifest.info().pieceLength());
        peer.server = vertx.createNetServer().connectHandler(socket -> PeerConnection
                .open(vertx, socket, handshake, limits, new PeerConnectionOptions())
                .onSuccess(connection -> {
                    connection.closeHandler(reason -> peer.closed.tryComplete());
                    connection.start(message -> {
                    });
                    connection.send(HaveAll.INSTANCE);
                    connection.send(new Piece(0, 0, Buffer.buffer(new byte[16 * 1024])));
                }));
        return peer.server.listen(0, host).map(peer);
    }

    SocketAddress address() {
        return SocketAddress.inetSocketAddress(server.actualPort(), host);
    }
}
