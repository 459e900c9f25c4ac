package io.branchcast.agent.swarm.picker;

import java.util.Arrays;
import java.util.Random;

/**
 * RarityBuckets orders fresh pieces by availability, as libtorrent's piece_picker does: one array sorted by
 * availability, with the end of each availability bucket recorded, so that a have (+1) or a departing peer (-1) moves
 * a piece to the neighbouring bucket with one swap, O(1). Adding or removing a piece shifts one element per bucket
 * above it, O(number of peers). Picking scans buckets from the rarest, starting each at a random position (the
 * random tie-break), and stops at the first piece the peer has; for a peer with few pieces it walks that peer's
 * bitfield instead, so a pick costs about O(min(pieces skipped, pieces the peer has)), never a scan per block.
 */
final class RarityBuckets implements FreshOrder {

    /** Availability of every piece (seeds excluded), owned and updated by the picker. */
    private final int[] availability;
    private final Random random;
    /** order[0 .. size) holds the member pieces, sorted by availability ascending. */
    private final int[] order;
    /** position[p] = index of p in order, or -1 if p is not a member. */
    private final int[] position;
    /** bucketEnd[a] = number of members with availability <= a; members' availability is < bucketEnd.length. */
    private int[] bucketEnd = new int[4];
    private int size;

    RarityBuckets(int[] availability, Random random) {
        this.availability = availability;
        this.random = random;
        this.order = new int[availability.length];
        this.position = new int[availability.length];
        Arrays.fill(position, -1);
    }

    @Override
    public void add(int piece) {
        if (contains(piece)) {
            return;
        }
        int level = availability[piece];
        ensureLevel(level);
        int hole = size;
        for (int above = bucketEnd.length - 1; above > level; above--) {
            int first = bucketEnd[above - 1];
            if (first < hole) {
                place(order[first], hole);
                hole = first;
            }
        }
        place(piece, hole);
        for (int bucket = level; bucket < bucketEnd.length; bucket++) {
            bucketEnd[bucket]++;
        }
        size++;
    }

    @Override
    public void remove(int piece) {
        if (!contains(piece)) {
            return;
        }
        int level = availability[piece];
        int hole = position[piece];
        for (int bucket = level; bucket < bucketEnd.length; bucket++) {
            int last = bucketEnd[bucket] - 1;
            if (last != hole) {
                place(order[last], hole);
                hole = last;
            }
            bucketEnd[bucket]--;
        }
        position[piece] = -1;
        size--;
    }

    @Override
    public boolean contains(int piece) {
        return position[piece] >= 0;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public void availabilityChanged(int piece, int from, int delta) {
        if (!contains(piece)) {
            return;
        }
        if (delta > 0) {
            ensureLevel(from + 1);
            int last = bucketEnd[from] - 1;
            swap(position[piece], last);
            bucketEnd[from]--;
        } else {
            int first = bucketEnd[from - 1];
            swap(position[piece], first);
            bucketEnd[from - 1]++;
        }
    }

    @Override
    public int pick(PeerPieces peer) {
        if (!peer.seed && (long) peer.pieceCount * 4 < size) {
            return pickAmongPeerPieces(peer);
        }
        for (int level = peer.seed ? 0 : 1; level < bucketEnd.length; level++) {
            int start = level == 0 ? 0 : bucketEnd[level - 1];
            int length = bucketEnd[level] - start;
            if (length == 0) {
                continue;
            }
            int offset = random.nextInt(length);
            for (int i = 0; i < length; i++) {
                int piece = order[start + (offset + i) % length];
                if (peer.has(piece)) {
                    return piece;
                }
            }
        }
        return -1;
    }

    /** The rarest fresh piece among the peer's pieces, ties broken uniformly (reservoir sampling). */
    private int pickAmongPeerPieces(PeerPieces peer) {
        int best = -1;
        int ties = 0;
        for (int piece = peer.pieces.nextSetBit(0); piece >= 0; piece = peer.pieces.nextSetBit(piece + 1)) {
            if (!contains(piece)) {
                continue;
            }
            if (best < 0 || availability[piece] < availability[best]) {
                best = piece;
                ties = 1;
            } else if (availability[piece] == availability[best] && random.nextInt(++ties) == 0) {
                best = piece;
            }
        }
        return best;
    }

    private void ensureLevel(int level) {
        if (level < bucketEnd.length) {
            return;
        }
        int oldLength = bucketEnd.length;
        bucketEnd = Arrays.copyOf(bucketEnd, Math.max(level + 1, oldLength * 2));
        Arrays.fill(bucketEnd, oldLength, bucketEnd.length, size);
    }

    private void swap(int i, int j) {
        int atI = order[i];
        place(order[j], i);
        place(atI, j);
    }

    private void place(int piece, int index) {
        order[index] = piece;
        position[piece] = index;
    }
}
