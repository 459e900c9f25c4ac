package io.branchcast.agent.swarm;

import io.branchcast.agent.swarm.wire.BlockRef;
import io.branchcast.agent.swarm.wire.Choke;
import io.branchcast.agent.swarm.wire.Piece;
import io.branchcast.agent.swarm.wire.RejectRequest;
import io.branchcast.agent.swarm.wire.Request;
import io.branchcast.agent.swarm.wire.Unchoke;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;

import java.util.BitSet;
import java.util.Collection;

/**
 * UploadServer is the session's serving side: cooperative choking (every interested peer is unchoked while fewer than
 * the slot limit are; a LAN swarm has no use for tit-for-tat) and answering queued requests with verified data from
 * the {@link PieceCache}, a bounded number of reads per peer, paced by the socket's write queue. It is not responsible
 * for the request queue itself (the connection keeps it) nor for downloading. Owned by the session's context.
 */
final class UploadServer {

    private final PieceCache cache;
    private final BitSet verified;
    private final SwarmOptions options;
    private final RateMeter uploaded;
    /** Peers we do not choke; at most options.maxUploadSlots. */
    private int unchoked;

    /**
     * @param verified the session's live set of verified pieces: only those are served
     * @param uploaded the session-wide upload counter
     */
    UploadServer(PieceCache cache, BitSet verified, SwarmOptions options, RateMeter uploaded) {
        this.cache = cache;
        this.verified = verified;
        this.options = options;
        this.uploaded = uploaded;
    }

    void onAdmitted(SwarmPeer peer) {
        peer.connection.uploadReadyHandler(v -> serve(peer));
    }

    /**
     * Unchokes an interested peer if a slot is free; chokes one that lost interest and hands its slot to a waiting
     * peer.
     */
    void onInterestChanged(SwarmPeer peer, Collection<SwarmPeer> peers) {
        boolean interested = peer.connection.peerInterested();
        if (interested && peer.connection.amChoking() && unchoked < options.getMaxUploadSlots()) {
            unchoked++;
            peer.connection.send(Unchoke.INSTANCE);
        } else if (!interested && !peer.connection.amChoking()) {
            unchoked--;
            peer.connection.send(Choke.INSTANCE);
            unchokeWaiting(peer, peers);
        }
    }

    /** Frees the peer's slot and gives it to another interested peer. */
    void onClosed(SwarmPeer peer, Collection<SwarmPeer> peers) {
        if (!peer.connection.amChoking()) {
            unchoked--;
            unchokeWaiting(peer, peers);
        }
    }

    private void unchokeWaiting(SwarmPeer leaving, Collection<SwarmPeer> peers) {
        for (SwarmPeer other : peers) {
            if (other != leaving && other.connection.peerInterested() && other.connection.amChoking()
                    && !other.connection.isClosed()) {
                onInterestChanged(other, peers);
                return;
            }
        }
    }

    private void serve(SwarmPeer peer) {
        while (peer.readsInFlight < options.getMaxReadsPerPeer()) {
            Request request = peer.connection.pollRequest();
            if (request == null) {
                return;
            }
            BlockRef block = request.block();
            if (!verified.get(block.pieceIndex())) {
                if (peer.connection.fastEnabled()) {
                    peer.connection.send(new RejectRequest(block));
                }
                continue;
            }
            Future<Buffer> content = cache.get(block.pieceIndex(), block.begin(), block.length());
            if (content.isComplete()) {
                deliver(peer, block, content);
                continue;
            }
            peer.readsInFlight++;
            content.onComplete(result -> {
                peer.readsInFlight--;
                deliver(peer, block, content);
                serve(peer);
            });
        }
    }

    private void deliver(SwarmPeer peer, BlockRef block, Future<Buffer> content) {
        if (peer.connection.isClosed()) {
            return;
        }
        if (content.succeeded()) {
            peer.connection.send(new Piece(block.pieceIndex(), block.begin(), content.result()));
            peer.upload.add(block.length());
            uploaded.add(block.length());
        } else if (peer.connection.fastEnabled()) {
            peer.connection.send(new RejectRequest(block));
        }
    }
}
