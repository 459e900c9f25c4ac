package io.branchcast.agent.swarm;

import io.branchcast.agent.swarm.wire.BlockRef;
import io.branchcast.agent.swarm.wire.ExtendedHandshake;
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
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.SocketAddress;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * ServingPeer is a test host on its own 127.0.0.N that claims every piece, unchokes whoever is interested, answers
 * every request at once with the bytes a function gives for the block (the payload's, or garbage for a hostile
 * peer) and records the requests it got. Its BEP 10 handshake advertises {@code maxRequestLength} as the longest
 * request it serves (0: the key is left out, as a stock client does).
 */
final class ServingPeer {

    final List<BlockRef> requests = new CopyOnWriteArrayList<>();
    private final String host;
    private NetServer server;

    private ServingPeer(String host) {
        this.host = host;
    }

    /** A peer serving the kit's payload. */
    static Future<ServingPeer> withPayload(Vertx vertx, String host, SwarmTestKit kit, int maxRequestLength) {
        Buffer payload = Buffer.buffer(kit.payload);
        return listen(vertx, host, kit.manifest, maxRequestLength, block -> {
            int offset = block.pieceIndex() * SwarmTestKit.PIECE_LENGTH + block.begin();
            return payload.slice(offset, offset + block.length());
        });
    }

    static Future<ServingPeer> listen(Vertx vertx, String host, Manifest manifest, int maxRequestLength,
            Function<BlockRef, Buffer> blocks) {
        ServingPeer peer = new ServingPeer(host);
        return accept(vertx, host, manifest, connection -> {
            connection.uploadReadyHandler(v -> {
                for (Request request = connection.pollRequest(); request != null; request = connection.pollRequest()) {
                    BlockRef block = request.block();
                    peer.requests.add(block);
                    connection.send(new Piece(block.pieceIndex(), block.begin(), blocks.apply(block)));
                }
            });
            connection.start(message -> {
                if (message instanceof Interested) {
                    connection.send(Unchoke.INSTANCE);
                }
            });
            connection.send(new ExtendedHandshake(Map.of(), 0, "serving peer", 0, maxRequestLength).toMessage());
            connection.send(HaveAll.INSTANCE);
        }).map(server -> {
            peer.server = server;
            return peer;
        });
    }

    /** Listens on {@code host}:0; each connection whose handshake names the manifest goes to {@code opened}. */
    static Future<NetServer> accept(Vertx vertx, String host, Manifest manifest, Handler<PeerConnection> opened) {
        Handshake handshake = Handshake.of(new InfoHash(manifest.infoHash()), PeerId.random());
        WireLimits limits = WireLimits.forTorrent(manifest.info().length(), manifest.info().pieceLength());
        return vertx.createNetServer().connectHandler(socket -> PeerConnection
                .open(vertx, socket, handshake, limits, new PeerConnectionOptions()).onSuccess(opened))
                .listen(0, host);
    }

    SocketAddress address() {
        return SocketAddress.inetSocketAddress(server.actualPort(), host);
    }
}
