package io.branchcast.agent.swarm.peers;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.net.SocketAddress;

/**
 * PeerSource is where a swarm session learns peer addresses: a static list today, LAN multicast discovery and a tracker
 * later. It only reports addresses (possibly repeatedly); it is not responsible for connecting, deduplicating or
 * admitting peers.
 */
public interface PeerSource {

    /** Starts reporting addresses to {@code onPeer}, on the caller's context. */
    Future<Void> start(Handler<SocketAddress> onPeer);

    /** Stops reporting; idempotent. */
    Future<Void> stop();
}
