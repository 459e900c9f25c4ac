package io.branchcast.agent.swarm;

import io.branchcast.agent.origin.WebSeedFetcher;
import io.branchcast.agent.swarm.wire.PeerId;
import io.branchcast.contracts.manifest.InfoDictionary;
import io.vertx.core.buffer.Buffer;

import java.util.BitSet;
import java.util.Collection;
import java.util.function.IntPredicate;

/**
 * OriginFallback fetches whole pieces from the origin (web seed) that no connected peer has, once the session has run
 * for the grace delay, a bounded number at a time; the {@link WebSeedFetcher}'s {@code OriginScheduler} decides when
 * the bytes may flow. So that a site pulls each piece over the WAN once, the agents split the missing pieces among
 * themselves without talking about it: a piece is fetched by the agent whose (peer id, piece) hash ranks highest among
 * itself and the peers it is connected to (rendezvous hashing; every agent of a fully connected swarm computes the same
 * owner). A piece whose owner has announced nothing for the takeover delay is fetched anyway. It is not responsible for
 * writing or verifying what it fetched ({@link PieceWriter}).
 */
final class OriginFallback {

    private static final System.Logger LOG = System.getLogger(OriginFallback.class.getName());

    /** Receives fetched pieces and failures, on the session's context. */
    interface Sink {
        void fetched(int piece, Buffer data);

        void failed(int piece, Throwable error);
    }

    private final WebSeedFetcher fetcher;
    private final InfoDictionary info;
    private final SwarmOptions options;
    private final long localRank;
    private final BitSet verified;
    /** Pieces being fetched, or fetched and not yet settled (written and verified); at most maxOriginFetches. */
    private final BitSet fetching = new BitSet();
    /** Whether some connected peer has the piece. */
    private final IntPredicate availableFromPeers;
    private final Sink sink;
    private final long startNanos;
    /**
     * Where the next scan starts. Every agent scans upwards from piece 0 (rendezvous hashing keeps them apart), so
     * pieces enter the swarm roughly in file order and the agents' file digests can follow close behind.
     */
    private int cursor;

    OriginFallback(WebSeedFetcher fetcher, InfoDictionary info, SwarmOptions options, PeerId localId, BitSet verified,
            IntPredicate availableFromPeers, Sink sink, long startNanos) {
        this.fetcher = fetcher;
        this.info = info;
        this.options = options;
        this.localRank = seed(localId);
        this.verified = verified;
        this.availableFromPeers = availableFromPeers;
        this.sink = sink;
        this.startNanos = startNanos;
    }

    /**
     * Starts fetches for eligible pieces while fewer than the maximum are in flight, once the grace delay is over and
     * the peers have settled ({@code peersSettling}: connections being set up; waited for at most the connect timeout
     * beyond the grace delay), so that a piece another agent owns is not fetched just because it was not known yet.
     */
    void tick(Collection<SwarmPeer> peers, boolean peersSettling, long nowNanos) {
        long graceNanos = options.getOriginGraceMs() * 1_000_000L;
        long elapsed = nowNanos - startNanos;
        long settleNanos = options.getConnectTimeoutMs() * 1_000_000L;
        if (elapsed < graceNanos || peersSettling && elapsed < graceNanos + settleNanos) {
            return;
        }
        int pieceCount = info.pieceCount();
        for (int scanned = 0; scanned < pieceCount && fetching.cardinality() < options.getMaxOriginFetches();
                scanned++) {
            int piece = cursor;
            cursor = (cursor + 1) % pieceCount;
            if (!verified.get(piece) && !fetching.get(piece) && !availableFromPeers.test(piece)
                    && mayFetch(piece, peers, nowNanos)) {
                fetch(piece);
            }
        }
    }

    private boolean mayFetch(int piece, Collection<SwarmPeer> peers, long nowNanos) {
        long takeoverNanos = options.getOriginTakeoverMs() * 1_000_000L;
        long best = rank(localRank, piece);
        for (SwarmPeer peer : peers) {
            if (peer.fetchesFromOrigin && rank(peer.rank, piece) > best
                    && nowNanos - peer.lastHaveNanos < takeoverNanos) {
                return false;
            }
        }
        return true;
    }

    private void fetch(int piece) {
        fetching.set(piece);
        LOG.log(System.Logger.Level.INFO, "piece {0} from origin (no peer has it)", piece);
        fetcher.fetch(info.pieceOffset(piece), info.pieceSize(piece)).onComplete(result -> {
            if (result.succeeded()) {
                sink.fetched(piece, result.result());
            } else {
                fetching.clear(piece);
                sink.failed(piece, result.cause());
            }
        });
    }

    /** A fetched piece was verified or rejected (or verified from peers meanwhile): it no longer counts as fetching. */
    void settled(int piece) {
        fetching.clear(piece);
    }

    /** A peer's stable rank seed, from its id. */
    static long seed(PeerId id) {
        byte[] bytes = id.bytes();
        long h = 0x9E3779B97F4A7C15L;
        for (byte b : bytes) {
            h = mix(h ^ b);
        }
        return h;
    }

    private static long rank(long seed, int piece) {
        return mix(seed ^ (piece * 0x9E3779B97F4A7C15L));
    }

    /** SplitMix64 finalizer. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
