package io.branchcast.agent.swarm.peers;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.net.SocketAddress;

import java.util.List;

/** StaticPeerSource reports a fixed list of addresses once, at start (configuration, tests, benchmarks). */
public final class StaticPeerSource implements PeerSource {

    private final List<SocketAddress> addresses;

    public StaticPeerSource(List<SocketAddress> addresses) {
        this.addresses = List.copyOf(addresses);
    }

    @Override
    public Future<Void> start(Handler<SocketAddress> onPeer) {
        addresses.forEach(onPeer::handle);
        return Future.succeededFuture();
    }

    @Override
    public Future<Void> stop() {
        return Future.succeededFuture();
    }
}
