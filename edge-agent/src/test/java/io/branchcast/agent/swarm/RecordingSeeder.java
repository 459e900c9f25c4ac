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
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.SocketAddress;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * RecordingSeeder is a test host on its own 127.0.0.N that has the whole payload, serves every request with the right
 * bytes and records the requests it got. Its BEP 10 handshake advertises {@code maxRequestLength} as the longest request
 * it serves (0: the key is left out, as a stock client does).
 */
final class RecordingSeeder {

    final List<BlockRef> requests = new CopyOnWriteArrayList<>();
    private final String host;
    private NetServer server;

    private RecordingSeeder(String host) {
        this.host = host;
    }

    static Future<RecordingSeeder> listen(Vertx vertx, String host, SwarmTestKit kit, int maxRequestLength) {
        RecordingSeeder seeder = new RecordingSeeder(host);
        Handshake handshake = Handshake.of(new InfoHash(kit.manifest.infoHash()), PeerId.random());
        WireLimits limits = WireLimits.forTorrent(kit.manifest.info().length(), kit.manifest.info().pieceLength());
        Buffer payload = Buffer.buffer(kit.payload);
        seeder.server = vertx.createNetServer().connectHandler(socket -> PeerConnection
                .open(vertx, socket, handshake, limits, new PeerConnectionOptions())
                .onSuccess(connection -> {
                    connection.uploadReadyHandler(v -> {
                        for (Request request = connection.pollRequest(); request != null;
                                request = connection.pollRequest()) {
                            BlockRef block = request.block();
                            seeder.requests.add(block);
                            int offset = block.pieceIndex() * SwarmTestKit.PIECE_LENGTH + block.begin();
                            connection.send(new Piece(block.pieceIndex(), block.begin(),
                                    payload.slice(offset, offset + block.length())));
                        }
                    });
                    connection.start(message -> {
                        if (message instanceof Interested) {
                            connection.send(Unchoke.INSTANCE);
                        }
                    });
                    connection.send(new ExtendedHandshake(Map.of(), 0, "recording seeder", 0, maxRequestLength)
                            .toMessage());
                    connection.send(HaveAll.INSTANCE);
                }));
        return seeder.server.listen(0, host).map(seeder);
    }

    SocketAddress address() {
        return SocketAddress.inetSocketAddress(server.actualPort(), host);
    }
}
