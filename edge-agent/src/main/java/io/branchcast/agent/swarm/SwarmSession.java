package io.branchcast.agent.swarm;

import io.branchcast.agent.origin.OriginException;
import io.branchcast.agent.origin.WebSeedFetcher;
import io.branchcast.agent.swarm.peers.PeerAdmission;
import io.branchcast.agent.swarm.peers.PeerBanList;
import io.branchcast.agent.swarm.peers.PeerSource;
import io.branchcast.agent.swarm.picker.PieceLayout;
import io.branchcast.agent.swarm.picker.PiecePicker;
import io.branchcast.agent.swarm.storage.PieceStore;
import io.branchcast.agent.swarm.wire.Bitfield;
import io.branchcast.agent.swarm.wire.Choke;
import io.branchcast.agent.swarm.wire.DisconnectReason;
import io.branchcast.agent.swarm.wire.Handshake;
import io.branchcast.agent.swarm.wire.Have;
import io.branchcast.agent.swarm.wire.HaveAll;
import io.branchcast.agent.swarm.wire.HaveNone;
import io.branchcast.agent.swarm.wire.InfoHash;
import io.branchcast.agent.swarm.wire.Interested;
import io.branchcast.agent.swarm.wire.NotInterested;
import io.branchcast.agent.swarm.wire.PeerId;
import io.branchcast.agent.swarm.wire.PeerMessage;
import io.branchcast.agent.swarm.wire.Piece;
import io.branchcast.agent.swarm.wire.RejectRequest;
import io.branchcast.agent.swarm.wire.Unchoke;
import io.branchcast.agent.swarm.wire.WireLimits;
import io.branchcast.contracts.manifest.InfoDictionary;
import io.branchcast.contracts.manifest.Manifest;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.SocketAddress;

import java.nio.file.Path;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * SwarmSession is the one owner of one torrent's swarm: its connections, piece picker, requests, uploads and origin
 * fallback all live on this verticle's context, and every I/O result (socket, storage, origin) comes back to it as an
 * event. A session whose store holds every piece seeds; otherwise it downloads, and keeps seeding after completion
 * until undeployed. {@link #completion()} succeeds with the installed file; it fails when storage fails or the origin
 * answers that it no longer has the file (404/410), which no retry can fix.
 *
 * <p>The session wires collaborators with one job each ({@link PeerSet}, {@link RequestScheduler},
 * {@link PieceWriter}, {@link UploadServer}, {@link OriginFallback}) and reacts to verdicts: a verified piece is
 * announced, a corrupt one is blamed on the peers that sent it and picked again. It is not responsible for checking the
 * manifest's signature (the caller hands in a verified manifest), for creating the store, nor for finding peers
 * ({@link PeerSource}), admitting them ({@link PeerAdmission}) or budgeting the origin (the fetcher's scheduler).
 */
public final class SwarmSession extends VerticleBase {

    private static final System.Logger LOG = System.getLogger(SwarmSession.class.getName());
    /** Corrupt pieces shared with other senders after which a host is banned anyway. */
    private static final int SHARED_CORRUPTION_STRIKES = 3;

    private final Manifest manifest;
    private final InfoDictionary info;
    private final PieceStore store;
    private final PeerSource peerSource;
    private final PeerAdmission admission;
    private final PeerBanList banList;
    private final WebSeedFetcher origin;
    private final SwarmOptions options;
    private final PeerId peerId = PeerId.random();
    private final Promise<Path> completion = Promise.promise();
    private final RateMeter fromPeers = new RateMeter(System.nanoTime());
    private final RateMeter fromOrigin = new RateMeter(System.nanoTime());
    private final RateMeter uploaded = new RateMeter(System.nanoTime());
    /** Corrupt pieces each host contributed to together with other hosts. */
    private final Map<String, Integer> strikes = new HashMap<>();
    /** Verified pieces; the live set the upload side serves from. */
    private BitSet verified;
    private PiecePicker<SwarmPeer> picker;
    private PeerSet peers;
    private RequestScheduler scheduler;
    private PieceWriter writer;
    private UploadServer uploads;
    private OriginFallback originFallback;
    private int hashFailures;
    /** When the first block or origin piece arrived, and when the last piece was verified; 0 until then. */
    private long firstDataNanos;
    private long lastVerifiedNanos;
    private boolean completing;
    private long tickTimer = -1;
    /** False until the options' start time: nothing is requested before. */
    private boolean downloading;
    private volatile int actualPort;
    private volatile SwarmStats lastStats;

    SwarmSession(Manifest manifest, PieceStore store, PeerSource peerSource, PeerAdmission admission,
            PeerBanList banList, WebSeedFetcher origin, SwarmOptions options) {
        this.manifest = manifest;
        this.info = manifest.info();
        this.store = store;
        this.peerSource = peerSource;
        this.admission = admission;
        this.banList = banList;
        this.origin = origin;
        this.options = new SwarmOptions(options);
    }

    /** A builder for a session over a verified manifest and the store of its file. */
    public static SwarmSessionBuilder builder(Manifest manifest, PieceStore store) {
        return new SwarmSessionBuilder(manifest, store);
    }

    @Override
    public Future<?> start() {
        long now = System.nanoTime();
        verified = store.verifiedPieces();
        picker = options.getPicker().create(PieceLayout.of(info), verified, new Random(),
                options.getTieBreakWindow());
        WireLimits limits = new WireLimits(info.length(), info.pieceLength(), options.getMaxMessageLength());
        Handshake handshake = Handshake.of(new InfoHash(manifest.infoHash()), peerId);
        peers = new PeerSet(vertx, options, handshake, limits, banList, admission, origin != null, new PeerEvents());
        scheduler = new RequestScheduler(picker, options);
        writer = new PieceWriter(store, options.getMaxPendingWrites(), new WriteOutcome());
        uploads = new UploadServer(store, verified, options, uploaded);
        if (origin != null) {
            originFallback = new OriginFallback(origin, info, options, peerId, verified,
                    piece -> picker.availability(piece) > 0, new OriginSink(), now);
        }
        LOG.log(System.Logger.Level.INFO, "swarm {0}: {1} of {2} pieces verified, {3}", info.name(),
                verified.cardinality(), info.pieceCount(), isComplete() ? "seeding" : "downloading");
        return peers.listen().compose(port -> {
            actualPort = port;
            tickTimer = vertx.setPeriodic(options.getTickMs(), id -> tick());
            long untilStartMs = options.getStartAtMillis() - System.currentTimeMillis();
            if (untilStartMs > 0) {
                vertx.setTimer(untilStartMs, id -> startDownloading());
            } else {
                downloading = true;
            }
            checkCompletion();
            return peerSource.start(peers::add);
        });
    }

    @Override
    public Future<?> stop() {
        vertx.cancelTimer(tickTimer);
        completion.tryFail("session stopped");
        return peerSource.stop().eventually(() -> peers.close()).andThen(closed -> {
            if (writer != null) {
                writer.close();
            }
        });
    }

    /** Succeeds with the installed file once every piece is verified and the store completed; fails on storage errors. */
    public Future<Path> completion() {
        return completion.future();
    }

    /** The port the session listens on (useful with port 0); valid after deployment. */
    public int actualPort() {
        return actualPort;
    }

    /** The listen host and actual port; valid after deployment. */
    public SocketAddress listenAddress() {
        return SocketAddress.inetSocketAddress(actualPort, options.getListenHost());
    }

    public PeerId peerId() {
        return peerId;
    }

    /** Counters as of the last tick (or completion); null before the first tick. Safe from any thread. */
    public SwarmStats stats() {
        return lastStats;
    }

    private boolean isComplete() {
        return verified.cardinality() == info.pieceCount();
    }

    private void startDownloading() {
        downloading = true;
        tick();
    }

    /** Requests blocks from the peer up to its pipeline depth, once the session is downloading. */
    private void fill(SwarmPeer peer) {
        if (downloading) {
            scheduler.fill(peer);
        }
    }

    private void tick() {
        long now = System.nanoTime();
        fromPeers.sample(now);
        fromOrigin.sample(now);
        uploaded.sample(now);
        for (SwarmPeer peer : peers.peers()) {
            peer.download.sample(now);
            peer.upload.sample(now);
        }
        peers.tick(now);
        scheduler.tick(peers.peers(), now);
        if (originFallback != null && downloading && !isComplete()) {
            originFallback.tick(peers.peers(), peers.settling(), now);
        }
        peers.peers().forEach(this::fill);
        lastStats = snapshot();
    }

    private SwarmStats snapshot() {
        return new SwarmStats(fromPeers.total(), fromOrigin.total(), uploaded.total(), verified.cardinality(),
                info.pieceCount(), hashFailures, firstDataNanos == 0 ? 0 : (lastVerifiedNanos - firstDataNanos) / 1e9,
                peers.peers().stream().map(SwarmPeer::stats).toList());
    }

    private void announceAvailability(SwarmPeer peer) {
        boolean fast = peer.connection.fastEnabled();
        if (fast && verified.isEmpty()) {
            peer.connection.send(HaveNone.INSTANCE);
        } else if (fast && isComplete()) {
            peer.connection.send(HaveAll.INSTANCE);
        } else if (!verified.isEmpty()) {
            peer.connection.send(new Bitfield(info.pieceCount(), verified));
        }
    }

    private void updateInterest(SwarmPeer peer) {
        boolean wanted = !isComplete() && picker.isInteresting(peer);
        if (wanted && !peer.connection.amInterested()) {
            peer.connection.send(Interested.INSTANCE);
        } else if (!wanted && peer.connection.amInterested()) {
            peer.connection.send(NotInterested.INSTANCE);
        }
        fill(peer);
    }

    private void onPiece(SwarmPeer peer, Piece piece) {
        int length = piece.data().length();
        markData();
        peer.download.add(length);
        fromPeers.add(length);
        scheduler.accept(peer, piece, writer::writeBlock);
        if (peer.requested.size() <= peer.pipelineDepth * 3 / 4) {
            fill(peer);
        }
    }

    private void markData() {
        if (firstDataNanos == 0) {
            firstDataNanos = System.nanoTime();
        }
    }

    private void onVerified(int piece) {
        if (verified.get(piece)) {
            return;
        }
        verified.set(piece);
        lastVerifiedNanos = System.nanoTime();
        scheduler.verified(piece);
        writer.pieceVerified(piece);
        if (originFallback != null) {
            originFallback.settled(piece);
        }
        Have have = new Have(piece);
        for (SwarmPeer peer : peers.peers()) {
            if (!peer.has.get(piece)) {
                peer.connection.send(have);
            }
            if (peer.connection.amInterested()) {
                updateInterest(peer);
            }
        }
        checkCompletion();
    }

    private void onCorrupt(int piece, boolean fromOrigin) {
        hashFailures++;
        Set<SwarmPeer> senders = scheduler.failed(piece);
        if (fromOrigin) {
            originFallback.settled(piece);
        }
        if (fromOrigin || senders.isEmpty()) {
            LOG.log(System.Logger.Level.WARNING, "piece {0} from the origin failed verification; fetching again", piece);
            return;
        }
        LOG.log(System.Logger.Level.WARNING, "piece {0} failed verification; sent by {1}", piece, senders);
        boolean knownCulprit = senders.stream().anyMatch(sender -> banList.isBanned(sender.host()));
        for (SwarmPeer sender : senders) {
            if (knownCulprit || banList.isBanned(sender.host())) {
                continue;
            }
            boolean alone = senders.size() == 1;
            if (alone || strikes.merge(sender.host(), 1, Integer::sum) >= SHARED_CORRUPTION_STRIKES) {
                peers.ban(sender, DisconnectReason.CORRUPT_PIECE);
            }
        }
        peers.peers().forEach(this::fill);
    }

    private void checkCompletion() {
        if (completing || !isComplete()) {
            return;
        }
        completing = true;
        store.complete().onComplete(result -> {
            lastStats = snapshot();
            if (result.succeeded()) {
                LOG.log(System.Logger.Level.INFO, "swarm {0} complete: {1} bytes from peers, {2} from origin",
                        info.name(), fromPeers.total(), fromOrigin.total());
                completion.tryComplete(result.result());
                peers.peers().forEach(this::updateInterest);
            } else {
                LOG.log(System.Logger.Level.ERROR, "swarm {0}: completing the file failed: {1}", info.name(),
                        result.cause());
                completion.tryFail(result.cause());
            }
        });
    }

    /** Reacts to connection events from the {@link PeerSet}. */
    private final class PeerEvents implements PeerSet.Listener {

        @Override
        public void onAdmitted(SwarmPeer peer) {
            picker.addPeer(peer);
            uploads.onAdmitted(peer);
            announceAvailability(peer);
        }

        @Override
        public void onMessage(SwarmPeer peer, PeerMessage message) {
            if (message instanceof Piece piece) {
                onPiece(peer, piece);
            } else if (message instanceof Have have) {
                if (!peer.has.get(have.pieceIndex())) {
                    peer.has.set(have.pieceIndex());
                    peer.lastHaveNanos = System.nanoTime();
                    picker.peerHas(peer, have.pieceIndex());
                    updateInterest(peer);
                }
            } else if (message instanceof Bitfield bitfield) {
                peer.has.or(bitfield.pieces());
                if (bitfield.cardinality() == info.pieceCount()) {
                    picker.peerHasAll(peer);
                } else {
                    picker.peerHasPieces(peer, bitfield.pieces());
                }
                updateInterest(peer);
            } else if (message instanceof HaveAll) {
                peer.has.set(0, info.pieceCount());
                picker.peerHasAll(peer);
                updateInterest(peer);
            } else if (message instanceof Unchoke) {
                fill(peer);
            } else if (message instanceof Choke) {
                scheduler.onChoke(peer);
            } else if (message instanceof RejectRequest reject) {
                scheduler.onReject(peer, reject.block());
                fill(peer);
            } else if (message instanceof Interested || message instanceof NotInterested) {
                uploads.onInterestChanged(peer, peers.peers());
            }
        }

        @Override
        public void onClosed(SwarmPeer peer, DisconnectReason reason) {
            LOG.log(reason.violation() ? System.Logger.Level.WARNING : System.Logger.Level.INFO,
                    "peer {0} disconnected: {1}", peer, reason);
            scheduler.removed(peer);
            uploads.onClosed(peer, peers.peers());
            peers.peers().forEach(SwarmSession.this::fill);
        }
    }

    /** Reacts to storage verdicts from the {@link PieceWriter}. */
    private final class WriteOutcome implements PieceWriter.Outcome {

        @Override
        public void verified(int piece, boolean fromOrigin) {
            onVerified(piece);
        }

        @Override
        public void corrupt(int piece, boolean fromOrigin) {
            onCorrupt(piece, fromOrigin);
        }

        @Override
        public void storageFailed(Throwable error) {
            LOG.log(System.Logger.Level.ERROR, "swarm {0}: storage failed: {1}", info.name(), error);
            completion.tryFail(error);
        }

        @Override
        public void backPressure(boolean paused) {
            for (SwarmPeer peer : peers.peers()) {
                if (paused) {
                    peer.connection.pauseInbound();
                } else {
                    peer.connection.resumeInbound();
                }
            }
        }
    }

    /** Hands origin pieces to the writer. */
    private final class OriginSink implements OriginFallback.Sink {

        @Override
        public void fetched(int piece, Buffer data) {
            markData();
            fromOrigin.add(data.length());
            if (verified.get(piece)) {
                originFallback.settled(piece);
            } else {
                writer.writePiece(piece, data);
            }
        }

        @Override
        public void failed(int piece, Throwable error) {
            if (error instanceof OriginException gone && (gone.statusCode() == 404 || gone.statusCode() == 410)) {
                LOG.log(System.Logger.Level.ERROR, "swarm {0}: the origin no longer has the file ({1})", info.name(),
                        gone.getMessage());
                completion.tryFail(error);
                return;
            }
            LOG.log(System.Logger.Level.WARNING, "origin fetch of piece {0} failed: {1}", piece, error.toString());
        }
    }
}
