package io.branchcast.agent.swarm.picker;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * DownloadingPiece is the per-block state of a piece that has been started and is not yet verified: which blocks are
 * received (and from whom, to blame them if the piece fails its hash check) and which peers each missing block is
 * requested from. A block is open when it is neither received nor requested.
 */
final class DownloadingPiece<P> {

    /** senders.get(i) is the peer that delivered block i, or null while block i is missing. */
    private final List<P> senders;
    /** requesters.get(i) are the peers block i is requested from; always empty once block i is received. */
    private final List<List<P>> requesters;
    /** Number of blocks with a sender. */
    private int received;
    /** Number of blocks with neither sender nor requester. */
    private int open;

    DownloadingPiece(int blockCount) {
        senders = new ArrayList<>(blockCount);
        requesters = new ArrayList<>(blockCount);
        for (int i = 0; i < blockCount; i++) {
            senders.add(null);
            requesters.add(new ArrayList<>(1));
        }
        open = blockCount;
    }

    int blockCount() {
        return senders.size();
    }

    boolean isReceived(int block) {
        return senders.get(block) != null;
    }

    boolean isOpen(int block) {
        return !isReceived(block) && requesters.get(block).isEmpty();
    }

    int openCount() {
        return open;
    }

    boolean isComplete() {
        return received == blockCount();
    }

    List<P> requesters(int block) {
        return List.copyOf(requesters.get(block));
    }

    int requesterCount(int block) {
        return requesters.get(block).size();
    }

    boolean isRequestedBy(int block, P peer) {
        return requesters.get(block).contains(peer);
    }

    void addRequester(int block, P peer) {
        if (isOpen(block)) {
            open--;
        }
        requesters.get(block).add(peer);
    }

    /** Returns whether the peer was a requester of the block. */
    boolean removeRequester(int block, P peer) {
        boolean removed = requesters.get(block).remove(peer);
        if (removed && isOpen(block)) {
            open++;
        }
        return removed;
    }

    /** Records the block as delivered by the sender; returns the other peers it was still requested from. */
    List<P> receive(int block, P sender) {
        if (isOpen(block)) {
            open--;
        }
        List<P> others = new ArrayList<>(requesters.get(block));
        others.remove(sender);
        requesters.get(block).clear();
        senders.set(block, sender);
        received++;
        return others;
    }

    /** Every peer that delivered at least one block. */
    Set<P> senders() {
        Set<P> distinct = new LinkedHashSet<>();
        for (P sender : senders) {
            if (sender != null) {
                distinct.add(sender);
            }
        }
        return distinct;
    }
}
