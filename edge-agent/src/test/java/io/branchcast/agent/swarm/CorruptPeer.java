package io.branchcast.agent.swarm;

import io.branchcast.agent.swarm.wire.HaveAll;
import io.branchcast.agent.swarm.wire.Piece;
import io.branchcast.contracts.manifest.Manifest;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.SocketAddress;

/**
 * CorruptPeer is a hostile test host on its own 127.0.0.N: it speaks the wire protocol correctly and claims every
 * piece; then it either answers every request at once with a block of garbage ({@link #garbage}, a
 * {@link ServingPeer}) or sends a block nobody asked for ({@link #unsolicited}). {@link #closed} completes when the
 * agent hangs up.
 */
final class CorruptPeer {

    final Promise<Void> closed = Promise.promise();
    private final String host;
    private NetServer server;

    private CorruptPeer(String host) {
        this.host = host;
    }

    /** A peer that answers every request at once with a block of garbage. */
    static Future<ServingPeer> garbage(Vertx vertx, String host, Manifest manifest) {
        Buffer garbage = Buffer.buffer(new byte[16 * 1024]);
        return ServingPeer.listen(vertx, host, manifest, 0, block -> garbage.slice(0, block.length()));
    }

    /** A peer that claims every piece and sends a block of piece 0 before anyone requested it. */
    static Future<CorruptPeer> unsolicited(Vertx vertx, String host, Manifest manifest) {
        CorruptPeer peer = new CorruptPeer(host);
        return ServingPeer.accept(vertx, host, manifest, connection -> {
            connection.closeHandler(reason -> peer.closed.tryComplete());
            connection.start(message -> {
            });
            connection.send(HaveAll.INSTANCE);
            connection.send(new Piece(0, 0, Buffer.buffer(new byte[16 * 1024])));
        }).map(server -> {
            peer.server = server;
            return peer;
        });
    }

    SocketAddress address() {
        return SocketAddress.inetSocketAddress(server.actualPort(), host);
    }
}
