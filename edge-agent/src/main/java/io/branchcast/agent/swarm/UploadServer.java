package io.branchcast.agent.swarm;

import io.branchcast.agent.swarm.storage.PieceStore;
import io.branchcast.agent.swarm.storage.StorageException;
import io.branchcast.agent.swarm.wire.BlockRef;
import io.branchcast.agent.swarm.wire.Choke;
import io.branchcast.agent.swarm.wire.DisconnectReason;
import io.branchcast.agent.swarm.wire.RejectRequest;
import io.branchcast.agent.swarm.wire.Request;
import io.branchcast.agent.swarm.wire.Unchoke;
import io.netty.channel.FileRegion;

import java.util.BitSet;
import java.util.Collection;

/**
 * UploadServer is the session's serving side: cooperative choking (every interested peer is unchoked while fewer than
 * the slot limit are; a LAN swarm has no use for tit-for-tat) and answering queued requests with verified data from
 * the store, sent by the OS from the file into the socket ({@link PieceStore#verifiedRegion}). A region holds no data, so
 * the peer's capped request queue is what bounds the blocks queued on its socket. It is not responsible for the request
 * queue itself (the connection keeps it) nor for downloading. Owned by the session's context.
 */
final class UploadServer {

    private static final System.Logger LOG = System.getLogger(UploadServer.class.getName());

    private final PieceStore store;
    private final BitSet verified;
    private final SwarmOptions options;
    private final RateMeter uploaded;
    /** Peers we do not choke; at most options.maxUploadSlots. */
    private int unchoked;

    /**
     * @param verified the session's live set of verified pieces: only those are served
     * @param uploaded the session-wide upload counter
     */
    UploadServer(PieceStore store, BitSet verified, SwarmOptions options, RateMeter uploaded) {
        this.store = store;
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
        Request request;
        while ((request = peer.connection.pollRequest()) != null) {
            BlockRef block = request.block();
            if (!verified.get(block.pieceIndex())) {
                if (peer.connection.fastEnabled()) {
                    peer.connection.send(new RejectRequest(block));
                }
                continue;
            }
            FileRegion region;
            try {
                region = store.verifiedRegion(block.pieceIndex(), block.begin(), block.length());
            } catch (StorageException e) {
                LOG.log(System.Logger.Level.WARNING, "cannot serve {0} to {1}: {2}; closing the connection so it asks "
                        + "other peers", block, peer, e.getMessage());
                peer.connection.close(DisconnectReason.IO_ERROR);
                return;
            }
            peer.connection.sendPiece(block.pieceIndex(), block.begin(), region);
            peer.upload.add(block.length());
            uploaded.add(block.length());
        }
    }
}
