package io.branchcast.agent.swarm;

import io.branchcast.agent.swarm.picker.PickerStrategy;
import io.branchcast.agent.swarm.wire.PeerConnectionOptions;
import io.branchcast.agent.swarm.wire.WireLimits;

import java.util.Objects;

/**
 * SwarmOptions configures one {@link SwarmSession}: where it listens, how many peers it keeps, how deep it pipelines
 * requests, how many peers it uploads to, and when it falls back to the origin. Vert.x-style mutable options with
 * {@code DEFAULT_*} constants; the session copies them. It does not configure storage, peer discovery or the origin
 * budget: those are injected into the session as objects.
 */
public class SwarmOptions {

    public static final String DEFAULT_LISTEN_HOST = "0.0.0.0";
    /** The BitTorrent port; 0 = an ephemeral port, see {@link SwarmSession#actualPort()}. */
    public static final int DEFAULT_LISTEN_PORT = 6881;
    public static final int DEFAULT_MAX_PEERS = 50;
    /** Which pieces to start first. */
    public static final PickerStrategy DEFAULT_PICKER = PickerStrategy.RAREST_FIRST;
    /**
     * Rarest-first breaks ties at random among the first 16 fresh pieces of the file, so the file's SHA-256 follows the
     * download instead of hashing most of the file after the last piece; peers that pick from the same source at once
     * mostly choose different pieces, and rarity still comes first.
     */
    public static final int DEFAULT_TIE_BREAK_WINDOW = 16;
    /**
     * Outstanding block requests per peer at first (128 × 16 KiB = 2 MiB in flight); the depth then follows the peer's
     * measured rate.
     */
    public static final int DEFAULT_MIN_PIPELINE_DEPTH = 128;
    /**
     * Ceiling of outstanding block requests per peer: 500 × 16 KiB ≈ 8 MiB in flight, enough for 1 GiB/s with 8 ms of
     * round trip and disk; it matches the inbound request queue a Branchcast peer accepts.
     */
    public static final int DEFAULT_MAX_PIPELINE_DEPTH = 500;
    /** Cooperative LAN swarm: every interested peer is unchoked, up to this many at once. */
    public static final int DEFAULT_MAX_UPLOAD_SLOTS = 64;
    /** Received blocks not yet on disk, all peers together; above it reading from peers pauses. */
    public static final int DEFAULT_MAX_PENDING_WRITES = 512;
    /** The origin is asked only this long after start (peers first), and only for pieces no connected peer has. */
    public static final long DEFAULT_ORIGIN_GRACE_MS = 1_500;
    /**
     * A piece another agent was chosen to fetch from the origin is fetched here too when it is still nowhere after
     * this long (that agent is slow or gone without closing its connection).
     */
    public static final long DEFAULT_ORIGIN_TAKEOVER_MS = 60_000;
    /** Concurrent whole-piece origin fetches. */
    public static final int DEFAULT_MAX_ORIGIN_FETCHES = 4;
    /** A peer that leaves requests unanswered this long loses them to other peers. */
    public static final long DEFAULT_REQUEST_TIMEOUT_MS = 15_000;
    public static final long DEFAULT_CONNECT_TIMEOUT_MS = 5_000;
    /** Period of the housekeeping tick: redials, request timeouts, rate sampling, origin fallback. */
    public static final long DEFAULT_TICK_MS = 250;
    /** Known peer addresses that are not connected are dialled again this often. */
    public static final long DEFAULT_REDIAL_INTERVAL_MS = 2_000;

    private String listenHost = DEFAULT_LISTEN_HOST;
    private int listenPort = DEFAULT_LISTEN_PORT;
    private String localAddress;
    private int maxPeers = DEFAULT_MAX_PEERS;
    private PickerStrategy picker = DEFAULT_PICKER;
    private int tieBreakWindow = DEFAULT_TIE_BREAK_WINDOW;
    private int minPipelineDepth = DEFAULT_MIN_PIPELINE_DEPTH;
    private int maxPipelineDepth = DEFAULT_MAX_PIPELINE_DEPTH;
    private int maxUploadSlots = DEFAULT_MAX_UPLOAD_SLOTS;
    private int maxPendingWrites = DEFAULT_MAX_PENDING_WRITES;
    private long originGraceMs = DEFAULT_ORIGIN_GRACE_MS;
    private long originTakeoverMs = DEFAULT_ORIGIN_TAKEOVER_MS;
    private int maxOriginFetches = DEFAULT_MAX_ORIGIN_FETCHES;
    private long requestTimeoutMs = DEFAULT_REQUEST_TIMEOUT_MS;
    private long connectTimeoutMs = DEFAULT_CONNECT_TIMEOUT_MS;
    private long tickMs = DEFAULT_TICK_MS;
    private long redialIntervalMs = DEFAULT_REDIAL_INTERVAL_MS;
    private long startAtMillis;
    private int maxMessageLength = WireLimits.DEFAULT_MAX_MESSAGE_LENGTH;
    private PeerConnectionOptions connectionOptions = new PeerConnectionOptions();

    public SwarmOptions() {
    }

    public SwarmOptions(SwarmOptions other) {
        this.listenHost = other.listenHost;
        this.listenPort = other.listenPort;
        this.localAddress = other.localAddress;
        this.maxPeers = other.maxPeers;
        this.picker = other.picker;
        this.tieBreakWindow = other.tieBreakWindow;
        this.minPipelineDepth = other.minPipelineDepth;
        this.maxPipelineDepth = other.maxPipelineDepth;
        this.maxUploadSlots = other.maxUploadSlots;
        this.maxPendingWrites = other.maxPendingWrites;
        this.originGraceMs = other.originGraceMs;
        this.originTakeoverMs = other.originTakeoverMs;
        this.maxOriginFetches = other.maxOriginFetches;
        this.requestTimeoutMs = other.requestTimeoutMs;
        this.connectTimeoutMs = other.connectTimeoutMs;
        this.tickMs = other.tickMs;
        this.redialIntervalMs = other.redialIntervalMs;
        this.startAtMillis = other.startAtMillis;
        this.maxMessageLength = other.maxMessageLength;
        this.connectionOptions = new PeerConnectionOptions(other.connectionOptions);
    }

    public String getListenHost() {
        return listenHost;
    }

    public SwarmOptions setListenHost(String listenHost) {
        this.listenHost = listenHost;
        return this;
    }

    public int getListenPort() {
        return listenPort;
    }

    public SwarmOptions setListenPort(int listenPort) {
        if (listenPort < 0 || listenPort > 65535) {
            throw new IllegalArgumentException("listenPort must be in [0, 65535]");
        }
        this.listenPort = listenPort;
        return this;
    }

    /** Source address of outgoing connections; null = chosen by the OS. */
    public String getLocalAddress() {
        return localAddress;
    }

    public SwarmOptions setLocalAddress(String localAddress) {
        this.localAddress = localAddress;
        return this;
    }

    public int getMaxPeers() {
        return maxPeers;
    }

    public SwarmOptions setMaxPeers(int maxPeers) {
        this.maxPeers = atLeast(1, maxPeers, "maxPeers");
        return this;
    }

    public PickerStrategy getPicker() {
        return picker;
    }

    public SwarmOptions setPicker(PickerStrategy picker) {
        this.picker = Objects.requireNonNull(picker, "picker");
        return this;
    }

    public int getTieBreakWindow() {
        return tieBreakWindow;
    }

    /** Fresh pieces, from the front of the file, preferred among equally rare ones; 0 = ties uniform over the file. */
    public SwarmOptions setTieBreakWindow(int tieBreakWindow) {
        this.tieBreakWindow = atLeast(0, tieBreakWindow, "tieBreakWindow");
        return this;
    }

    public int getMinPipelineDepth() {
        return minPipelineDepth;
    }

    public SwarmOptions setMinPipelineDepth(int minPipelineDepth) {
        this.minPipelineDepth = atLeast(1, minPipelineDepth, "minPipelineDepth");
        return this;
    }

    public int getMaxPipelineDepth() {
        return maxPipelineDepth;
    }

    public SwarmOptions setMaxPipelineDepth(int maxPipelineDepth) {
        this.maxPipelineDepth = atLeast(1, maxPipelineDepth, "maxPipelineDepth");
        return this;
    }

    public int getMaxUploadSlots() {
        return maxUploadSlots;
    }

    public SwarmOptions setMaxUploadSlots(int maxUploadSlots) {
        this.maxUploadSlots = atLeast(0, maxUploadSlots, "maxUploadSlots");
        return this;
    }

    public int getMaxPendingWrites() {
        return maxPendingWrites;
    }

    public SwarmOptions setMaxPendingWrites(int maxPendingWrites) {
        this.maxPendingWrites = atLeast(2, maxPendingWrites, "maxPendingWrites");
        return this;
    }

    public long getOriginGraceMs() {
        return originGraceMs;
    }

    public SwarmOptions setOriginGraceMs(long originGraceMs) {
        this.originGraceMs = atLeast(0, originGraceMs, "originGraceMs");
        return this;
    }

    public long getOriginTakeoverMs() {
        return originTakeoverMs;
    }

    public SwarmOptions setOriginTakeoverMs(long originTakeoverMs) {
        this.originTakeoverMs = atLeast(0, originTakeoverMs, "originTakeoverMs");
        return this;
    }

    public int getMaxOriginFetches() {
        return maxOriginFetches;
    }

    public SwarmOptions setMaxOriginFetches(int maxOriginFetches) {
        this.maxOriginFetches = atLeast(1, maxOriginFetches, "maxOriginFetches");
        return this;
    }

    public long getRequestTimeoutMs() {
        return requestTimeoutMs;
    }

    public SwarmOptions setRequestTimeoutMs(long requestTimeoutMs) {
        this.requestTimeoutMs = atLeast(1, requestTimeoutMs, "requestTimeoutMs");
        return this;
    }

    public long getConnectTimeoutMs() {
        return connectTimeoutMs;
    }

    public SwarmOptions setConnectTimeoutMs(long connectTimeoutMs) {
        this.connectTimeoutMs = atLeast(1, connectTimeoutMs, "connectTimeoutMs");
        return this;
    }

    public long getTickMs() {
        return tickMs;
    }

    public SwarmOptions setTickMs(long tickMs) {
        this.tickMs = atLeast(10, tickMs, "tickMs");
        return this;
    }

    public long getRedialIntervalMs() {
        return redialIntervalMs;
    }

    public SwarmOptions setRedialIntervalMs(long redialIntervalMs) {
        this.redialIntervalMs = atLeast(10, redialIntervalMs, "redialIntervalMs");
        return this;
    }

    /** When the session starts downloading (epoch milliseconds); 0, the default, means at once. */
    public long getStartAtMillis() {
        return startAtMillis;
    }

    /**
     * Until this time (epoch milliseconds) the session listens, connects and serves, but requests nothing from peers
     * or the origin: it joins the swarm ahead of a job's start time, so that at the start everyone is connected.
     */
    public SwarmOptions setStartAtMillis(long startAtMillis) {
        this.startAtMillis = atLeast(0, startAtMillis, "startAtMillis");
        return this;
    }

    public int getMaxMessageLength() {
        return maxMessageLength;
    }

    public SwarmOptions setMaxMessageLength(int maxMessageLength) {
        this.maxMessageLength = atLeast(WireLimits.MIN_MAX_MESSAGE_LENGTH, maxMessageLength, "maxMessageLength");
        return this;
    }

    public PeerConnectionOptions getConnectionOptions() {
        return connectionOptions;
    }

    public SwarmOptions setConnectionOptions(PeerConnectionOptions connectionOptions) {
        this.connectionOptions = new PeerConnectionOptions(connectionOptions);
        return this;
    }

    private static int atLeast(int min, int value, String name) {
        return (int) atLeast(min, (long) value, name);
    }

    private static long atLeast(long min, long value, String name) {
        if (value < min) {
            throw new IllegalArgumentException(name + " must be at least " + min);
        }
        return value;
    }
}
