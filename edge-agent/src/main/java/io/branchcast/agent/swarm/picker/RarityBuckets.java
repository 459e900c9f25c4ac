package io.branchcast.agent.swarm.picker;

import java.util.Arrays;
import java.util.BitSet;
import java.util.Random;

/**
 * RarityBuckets orders fresh pieces by availability, as libtorrent's piece_picker does: one array sorted by
 * availability, with the end of each availability bucket recorded, so that a have (+1) or a departing peer (-1) moves
 * a piece to the neighbouring bucket with one swap, O(1). Adding or removing a piece shifts one element per bucket
 * above it, O(number of peers). Picking scans buckets from the rarest, starting each at a random position (the
 * random tie-break), and stops at the first piece the peer has; for a peer with few pieces it walks that peer's
 * bitfield instead, so a pick costs about O(min(pieces skipped, pieces the peer has)), never a scan per block.
 *
 * <p>The tie-break prefers the front of the file: among the equally rare pieces the peer has, a random one of those
 * within the first {@code window} fresh pieces (by index) wins when there is one. The file's SHA-256, which must be
 * fed in order, then follows the download closely instead of hashing most of the file on one core after the last
 * piece; peers still pick different pieces inside the window, and rarity still comes first. A window of 0 breaks
 * ties uniformly over the whole file. The extra cost is O(window) per pick.
 */
final class RarityBuckets implements FreshOrder {

    /** Availability of every piece (seeds excluded), owned and updated by the picker. */
    private final int[] availability;
    private final Random random;
    /** Fresh pieces scanned, from the lowest index, for an equally rare piece near the front of the file; >= 0. */
    private final int window;
    /** The member pieces by index, for the window. */
    private final BitSet members;
    /** order[0 .. size) holds the member pieces, sorted by availability ascending. */
    private final int[] order;
    /** position[p] = index of p in order, or -1 if p is not a member. */
    private final int[] position;
    /** bucketEnd[a] = number of members with availability <= a; members' availability is < bucketEnd.length. */
    private int[] bucketEnd = new int[4];
    private int size;

    RarityBuckets(int[] availability, Random random, int window) {
        if (window < 0) {
            throw new IllegalArgumentException("tie-break window must be >= 0, got " + window);
        }
        this.availability = availability;
        this.random = random;
        this.window = window;
        this.members = new BitSet(availability.length);
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
        members.set(piece);
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
        members.clear(piece);
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
        int rarest = pickRarest(peer);
        if (rarest < 0 || window == 0) {
            return rarest;
        }
        int nearFront = pickNearFront(peer, availability[rarest]);
        return nearFront < 0 ? rarest : nearFront;
    }

    /** A random one of the rarest fresh pieces the peer has, or -1. */
    private int pickRarest(PeerPieces peer) {
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

    /** A random one of the first {@code window} fresh pieces that the peer has at this availability, or -1. */
    private int pickNearFront(PeerPieces peer, int level) {
        int chosen = -1;
        int candidates = 0;
        int piece = members.nextSetBit(0);
        for (int scanned = 0; scanned < window && piece >= 0; scanned++, piece = members.nextSetBit(piece + 1)) {
            if (availability[piece] == level && peer.has(piece) && random.nextInt(++candidates) == 0) {
                chosen = piece;
            }
        }
        return chosen;
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
