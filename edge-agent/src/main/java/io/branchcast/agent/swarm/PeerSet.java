package io.branchcast.agent.swarm;

import io.branchcast.agent.swarm.peers.PeerAdmission;
import io.branchcast.agent.swarm.peers.PeerBanList;
import io.branchcast.agent.swarm.peers.PeerCandidate;
import io.branchcast.agent.swarm.wire.BlockRef;
import io.branchcast.agent.swarm.wire.DisconnectReason;
import io.branchcast.agent.swarm.wire.Extended;
import io.branchcast.agent.swarm.wire.ExtendedHandshake;
import io.branchcast.agent.swarm.wire.Handshake;
import io.branchcast.agent.swarm.wire.PeerConnection;
import io.branchcast.agent.swarm.wire.PeerId;
import io.branchcast.agent.swarm.wire.PeerMessage;
import io.branchcast.agent.swarm.wire.WireLimits;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.NetSocket;
import io.vertx.core.net.SocketAddress;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * PeerSet owns the session's connections: it listens, dials the addresses a peer source reports (and redials them
 * while they are not connected), runs the handshake, refuses banned hosts, duplicates and connections beyond the
 * limit, asks the admission hook, and exchanges BEP 10 handshakes (listen port, request queue depth). Admitted peers
 * and their messages go to a {@link Listener}. It is not responsible for what is said to a peer after admission.
 * Owned by the session's context.
 */
final class PeerSet {

    private static final System.Logger LOG = System.getLogger(PeerSet.class.getName());
    private static final String CLIENT = "Branchcast/0.1";
    /**
     * BEP 10 extension name by which an agent says it fetches from the origin, so that peers count it when they split
     * origin pieces (see {@link OriginFallback}). No message is ever sent under it.
     */
    static final String ORIGIN_EXTENSION = "bc_origin";

    /** Receives admitted peers, their messages and their departure, on the session's context. */
    interface Listener {
        void onAdmitted(SwarmPeer peer);

        void onMessage(SwarmPeer peer, PeerMessage message);

        void onClosed(SwarmPeer peer, DisconnectReason reason);
    }

    private final Vertx vertx;
    private final SwarmOptions options;
    private final Handshake localHandshake;
    private final WireLimits limits;
    private final PeerBanList banList;
    private final PeerAdmission admission;
    private final Listener listener;
    /** BEP 10 "m" dictionary we announce. */
    private final Map<String, Integer> extensions;
    /** Admitted, open connections by peer id; at most options.maxPeers. */
    private final Map<PeerId, SwarmPeer> peers = new HashMap<>();
    /** Addresses reported by the peer source, in report order: dialled until a peer listening there is connected. */
    private final Set<SocketAddress> known = new LinkedHashSet<>();
    /** Known addresses with a connection attempt in progress (dial or handshake). */
    private final Set<SocketAddress> dialling = new HashSet<>();
    /** Connections accepted or dialled but not admitted yet; counted against the peer limit. */
    private int handshaking;
    private long lastRedialNanos;
    /** Grows from one tick to the redial interval: peers starting at the same moment find each other quickly. */
    private long redialDelayMs;
    private NetServer server;
    private NetClient client;

    PeerSet(Vertx vertx, SwarmOptions options, Handshake localHandshake, WireLimits limits, PeerBanList banList,
            PeerAdmission admission, boolean fetchesFromOrigin, Listener listener) {
        this.vertx = vertx;
        this.options = options;
        this.localHandshake = localHandshake;
        this.limits = limits;
        this.banList = banList;
        this.admission = admission;
        this.listener = listener;
        this.extensions = fetchesFromOrigin ? Map.of(ORIGIN_EXTENSION, 1) : Map.of();
        this.redialDelayMs = Math.min(options.getTickMs(), options.getRedialIntervalMs());
    }

    /** Starts listening; the future carries the bound port. */
    Future<Integer> listen() {
        NetClientOptions clientOptions = new NetClientOptions().setTcpNoDelay(true)
                .setConnectTimeout((int) options.getConnectTimeoutMs());
        if (options.getLocalAddress() != null) {
            clientOptions.setLocalAddress(options.getLocalAddress());
        }
        client = vertx.createNetClient(clientOptions);
        server = vertx.createNetServer(new NetServerOptions().setTcpNoDelay(true))
                .connectHandler(this::accept);
        return server.listen(options.getListenPort(), options.getListenHost()).map(NetServer::actualPort);
    }

    /** Remembers an address and dials it unless a peer listening there is connected. */
    void add(SocketAddress address) {
        if (known.add(address)) {
            dial(address);
        }
    }

    /**
     * Redials known addresses that are not connected: first after one tick, then at doubling delays up to the redial
     * interval.
     */
    void tick(long nowNanos) {
        if (nowNanos - lastRedialNanos < redialDelayMs * 1_000_000L) {
            return;
        }
        lastRedialNanos = nowNanos;
        redialDelayMs = Math.min(redialDelayMs * 2, options.getRedialIntervalMs());
        for (SocketAddress address : known) {
            dial(address);
        }
    }

    /**
     * True while a connection is being dialled or handshaked, or an admitted peer's BEP 10 handshake has not arrived:
     * until then it is not known whether that peer fetches from the origin, i.e. owns a share of its pieces.
     */
    boolean settling() {
        if (handshaking > 0) {
            return true;
        }
        for (SwarmPeer peer : peers.values()) {
            if (peer.connection.extensionProtocolEnabled() && !peer.introduced) {
                return true;
            }
        }
        return false;
    }

    Collection<SwarmPeer> peers() {
        return peers.values();
    }

    /** Bans the peer's host for the life of the agent and disconnects it. */
    void ban(SwarmPeer peer, DisconnectReason reason) {
        if (banList.isBanned(peer.host())) {
            peer.connection.close(reason);
            return;
        }
        LOG.log(System.Logger.Level.WARNING, "peer {0} banned: {1}", peer, reason);
        banList.ban(peer.host(), reason);
        peer.connection.close(reason);
    }

    Future<Void> close() {
        for (SwarmPeer peer : List.copyOf(peers.values())) {
            peer.connection.close(DisconnectReason.SHUTDOWN);
        }
        List<Future<?>> closing = new ArrayList<>();
        if (server != null) {
            closing.add(server.close());
        }
        if (client != null) {
            closing.add(client.close());
        }
        return Future.join(closing).mapEmpty();
    }

    private void dial(SocketAddress address) {
        if (dialling.contains(address) || isConnected(address) || banList.isBanned(address.host())
                || isSelf(address) || peers.size() + handshaking >= options.getMaxPeers()) {
            return;
        }
        dialling.add(address);
        handshaking++;
        client.connect(address)
                .compose(socket -> handshake(socket, false))
                .onComplete(result -> {
                    dialling.remove(address);
                    handshaking--;
                    if (result.succeeded()) {
                        admit(result.result(), false);
                    }
                });
    }

    private void accept(NetSocket socket) {
        if (banList.isBanned(socket.remoteAddress().host())) {
            socket.close();
            return;
        }
        if (peers.size() + handshaking >= options.getMaxPeers()) {
            LOG.log(System.Logger.Level.DEBUG, "refusing {0}: {1}", socket.remoteAddress(),
                    DisconnectReason.TOO_MANY_PEERS);
            socket.close();
            return;
        }
        handshaking++;
        handshake(socket, true).onComplete(result -> {
            handshaking--;
            if (result.succeeded()) {
                admit(result.result(), true);
            }
        });
    }

    private Future<PeerConnection> handshake(NetSocket socket, boolean inbound) {
        return PeerConnection.open(vertx, socket, localHandshake, limits, options.getConnectionOptions())
                .compose(connection -> admission.admit(new PeerCandidate(connection.remoteAddress(),
                                connection.remotePeerId(), inbound))
                        .recover(error -> Future.succeededFuture(false))
                        .map(admitted -> {
                            if (!admitted) {
                                connection.close(DisconnectReason.NOT_ADMITTED);
                            }
                            return connection;
                        }));
    }

    private void admit(PeerConnection connection, boolean inbound) {
        if (connection.isClosed()) {
            return;
        }
        PeerId id = connection.remotePeerId();
        if (banList.isBanned(connection.remoteAddress().host())) {
            connection.close(DisconnectReason.BANNED);
            return;
        }
        if (id.equals(localHandshake.peerId())) {
            connection.close(DisconnectReason.DUPLICATE_PEER);
            return;
        }
        SwarmPeer existing = peers.get(id);
        if (existing != null) {
            if (!initiatedByLowerId(inbound, id) || initiatedByLowerId(existing.inbound, id)) {
                connection.close(DisconnectReason.DUPLICATE_PEER);
                return;
            }
            existing.connection.close(DisconnectReason.DUPLICATE_PEER);
        }
        if (peers.size() >= options.getMaxPeers()) {
            connection.close(DisconnectReason.TOO_MANY_PEERS);
            return;
        }
        SwarmPeer peer = new SwarmPeer(connection, inbound, limits.pieceCount(), options.getMinPipelineDepth(),
                System.nanoTime());
        peers.put(id, peer);
        connection.closeHandler(reason -> {
            peers.remove(id, peer);
            listener.onClosed(peer, reason);
        });
        connection.start(message -> onMessage(peer, message));
        LOG.log(System.Logger.Level.INFO, "peer {0} connected ({1})", peer, inbound ? "inbound" : "outbound");
        if (connection.extensionProtocolEnabled()) {
            connection.send(new ExtendedHandshake(extensions, server.actualPort(), CLIENT,
                    options.getConnectionOptions().getMaxInboundRequests(),
                    options.getConnectionOptions().getMaxRequestLength()).toMessage());
        }
        listener.onAdmitted(peer);
    }

    private void onMessage(SwarmPeer peer, PeerMessage message) {
        if (message instanceof Extended extended) {
            if (extended.extendedId() == Extended.HANDSHAKE_ID) {
                ExtendedHandshake handshake = ExtendedHandshake.from(extended);
                peer.listenPort = peer.inbound ? handshake.listenPort() : peer.listenPort;
                peer.peerQueueLimit = handshake.requestQueueLength();
                peer.requestLength = requestLength(handshake.maxRequestLength());
                peer.fetchesFromOrigin = handshake.messages().containsKey(ORIGIN_EXTENSION);
                peer.introduced = true;
            }
            return;
        }
        listener.onMessage(peer, message);
    }

    /**
     * The longest request to send a peer that serves up to {@code served} bytes: no longer than we would serve, nor
     * than our frame bound takes, in whole 16 KiB blocks.
     */
    private int requestLength(int served) {
        int bound = Math.min(served, Math.min(options.getConnectionOptions().getMaxRequestLength(),
                limits.maxBlockLength()));
        return Math.max(BlockRef.MAX_BLOCK_LENGTH, bound / BlockRef.MAX_BLOCK_LENGTH * BlockRef.MAX_BLOCK_LENGTH);
    }

    /**
     * Both ends of a doubled connection keep the same one: the connection opened by the agent with the lower peer id.
     */
    private boolean initiatedByLowerId(boolean inbound, PeerId remote) {
        PeerId initiator = inbound ? remote : localHandshake.peerId();
        PeerId other = inbound ? localHandshake.peerId() : remote;
        return Arrays.compareUnsigned(initiator.bytes(), other.bytes()) < 0;
    }

    private boolean isConnected(SocketAddress address) {
        for (SwarmPeer peer : peers.values()) {
            if (peer.listenPort == address.port() && peer.host().equals(address.host())) {
                return true;
            }
        }
        return false;
    }

    private boolean isSelf(SocketAddress address) {
        return server != null && address.port() == server.actualPort()
                && (address.host().equals(options.getListenHost()) || address.host().equals(options.getLocalAddress()));
    }
}
