package io.branchcast.agent.cli;

import io.branchcast.agent.origin.OriginScheduler;
import io.branchcast.agent.origin.TokenBucketOriginScheduler;
import io.branchcast.agent.origin.UnlimitedOriginScheduler;
import io.branchcast.agent.origin.WebSeedFetcher;
import io.branchcast.agent.origin.WebSeedOptions;
import io.branchcast.agent.swarm.SwarmOptions;
import io.branchcast.agent.swarm.SwarmSession;
import io.branchcast.agent.swarm.SwarmStats;
import io.branchcast.agent.swarm.peers.StaticPeerSource;
import io.branchcast.agent.swarm.storage.FilePieceStore;
import io.branchcast.agent.swarm.storage.FilePieceStoreOptions;
import io.branchcast.agent.swarm.storage.PieceStore;
import io.branchcast.agent.swarm.storage.SeedTrust;
import io.branchcast.contracts.manifest.Manifest;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.client.WebClient;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * SwarmCommand runs one {@link SwarmSession} from the command line, for tests and benchmarks: it loads and checks the
 * manifest ({@link ManifestFiles}), opens the store (seeding a given file, or downloading into the output directory
 * with resume from the staging directory), deploys the session and prints machine-readable lines on stdout
 * ({@code listening}, {@code start}, {@code progress}, {@code complete}) while the session logs events on stderr.
 * It is not the full agent: enrollment and jobs come later.
 */
public final class SwarmCommand implements Command {

    private static final long MIB = 1024 * 1024;

    @Override
    public String name() {
        return "swarm";
    }

    @Override
    public String summary() {
        return "download and/or seed one manifest's file with LAN peers and the origin";
    }

    @Override
    public Set<String> options() {
        return Set.of("manifest", "trust-key", "bind", "peers", "origin", "origin-cap-mib", "origin-grace-ms", "out",
                "staging", "seed-file", "event-loops", "start-at");
    }

    @Override
    public Set<String> flags() {
        return Set.of("exit-when-done", "seed-after");
    }

    @Override
    public String usage() {
        return """
                usage: branchcast-agent swarm --manifest FILE [options]
                  --manifest FILE        the bencoded manifest (.torrent compatible)
                  --trust-key FILE       verify the manifest's signature with this key file; without it a warning is printed
                  --bind HOST:PORT       listen address and source address of outgoing connections (default 0.0.0.0:6881)
                  --peers H:P,H:P,...    peers to connect to
                  --origin URL           web seed URL of the file (default: the manifest's first url-list entry)
                  --origin-cap-mib N     origin budget of this agent in MiB/s, 0 = uncapped (default 0)
                  --origin-grace-ms N    wait this long for peers before using the origin (default %d)
                  --out DIR              where the finished file is installed (required unless --seed-file)
                  --staging DIR          where partial data and resume state live (default: DIR/.staging)
                  --seed-file FILE       seed this complete file (hash-checked first)
                  --event-loops N        Vert.x event loops (default 1)
                  --start-at EPOCH_MS    join the swarm at once (listen, connect, print 'ready start_in_ms=N') but request
                                         nothing before this time, as for a job's start time (benchmarks start agents together)
                  --exit-when-done       exit once the file is complete (default for leechers is to keep seeding)
                  --seed-after           keep seeding after completion until killed (the default)
                stdout lines: 'listening HOST:PORT', 'start pieces_verified=N piece_count=M',
                  'progress pieces=N/M ...' per 10 %%, 'complete bytes_from_peers=.. bytes_from_origin=.. seconds=.. download_s=..'
                """.formatted(SwarmOptions.DEFAULT_ORIGIN_GRACE_MS);
    }

    @Override
    public int run(Arguments args) throws Exception {
        long startNanos = System.nanoTime();
        if (args.flag("exit-when-done") && args.flag("seed-after")) {
            throw new UsageException("--exit-when-done and --seed-after exclude each other");
        }
        Path seedFile = args.has("seed-file") ? Path.of(args.string("seed-file", null)) : null;
        if (seedFile == null && !args.has("out")) {
            throw new UsageException("--out is required unless --seed-file is given");
        }
        Manifest manifest = ManifestFiles.load(Path.of(args.required("manifest")),
                args.has("trust-key") ? Path.of(args.string("trust-key", null)) : null);
        SwarmOptions options = swarmOptions(args);
        List<SocketAddress> peers = peerList(args.string("peers", ""));
        long capMib = args.number("origin-cap-mib", 0, 0, 1 << 20);
        String originUrl = args.string("origin", manifest.webSeeds().isEmpty() ? null
                : manifest.webSeeds().get(0).toString());
        int eventLoops = (int) args.number("event-loops", 1, 1, 64);

        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(eventLoops).setWorkerPoolSize(2)
                .setInternalBlockingPoolSize(2).setPreferNativeTransport(true));
        Future<PieceStore> store = openStore(vertx, manifest, seedFile, args);
        SwarmSession session = store.map(opened -> SwarmSession.builder(manifest, opened)
                .options(options)
                .peerSource(new StaticPeerSource(peers))
                .origin(originUrl == null ? null : fetcher(vertx, originUrl, capMib))
                .build()).await(5, TimeUnit.MINUTES);
        String deployment = vertx.deployVerticle(session).await(1, TimeUnit.MINUTES);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> shutdown(vertx, deployment, store.result())));

        System.out.println("listening " + session.listenAddress());
        if (options.getStartAtMillis() > 0) {
            System.out.println("ready start_in_ms=" + (options.getStartAtMillis() - System.currentTimeMillis()));
        }
        int verifiedAtStart = store.result().verifiedPieces().cardinality();
        System.out.println("start pieces_verified=" + verifiedAtStart + " piece_count="
                + manifest.info().pieceCount());
        ProgressPrinter progress = new ProgressPrinter(session);
        long progressTimer = vertx.setPeriodic(250, id -> progress.print());

        CompletableFuture<Integer> exit = new CompletableFuture<>();
        session.completion().onComplete(result -> {
            vertx.cancelTimer(progressTimer);
            if (result.failed()) {
                System.out.println("failed " + result.cause());
                exit.complete(1);
                return;
            }
            SwarmStats stats = session.stats();
            System.out.printf("complete bytes_from_peers=%d bytes_from_origin=%d seconds=%.2f download_s=%.3f"
                            + " bytes_uploaded=%d path=%s%n", stats.bytesFromPeers(), stats.bytesFromOrigin(),
                    (System.nanoTime() - startNanos) / 1e9, stats.downloadSeconds(), stats.bytesUploaded(),
                    result.result());
            if (args.flag("exit-when-done")) {
                exit.complete(0);
            }
        });
        return exit.get();
    }

    private static SwarmOptions swarmOptions(Arguments args) {
        SwarmOptions options = new SwarmOptions()
                .setOriginGraceMs(args.number("origin-grace-ms", SwarmOptions.DEFAULT_ORIGIN_GRACE_MS, 0,
                        Long.MAX_VALUE))
                .setStartAtMillis(args.number("start-at", 0, 0, Long.MAX_VALUE));
        if (args.has("bind")) {
            SocketAddress bind = address(args.string("bind", null));
            options.setListenHost(bind.host()).setListenPort(bind.port()).setLocalAddress(bind.host());
        }
        return options;
    }

    private static Future<PieceStore> openStore(Vertx vertx, Manifest manifest, Path seedFile, Arguments args) {
        FilePieceStoreOptions storeOptions = new FilePieceStoreOptions();
        if (seedFile != null) {
            return FilePieceStore.openSeed(vertx, manifest, seedFile, SeedTrust.HASH_CHECK, storeOptions)
                    .map(store -> store);
        }
        Path out = Path.of(args.required("out"));
        Path target = out.resolve(manifest.info().name());
        if (Files.exists(target)) {
            return FilePieceStore.openSeed(vertx, manifest, target, SeedTrust.HASH_CHECK, storeOptions)
                    .map(store -> store);
        }
        Path staging = Path.of(args.string("staging", out.resolve(".staging").toString()));
        return FilePieceStore.open(vertx, manifest, staging, target, storeOptions).map(store -> store);
    }

    private static WebSeedFetcher fetcher(Vertx vertx, String url, long capMib) {
        OriginScheduler scheduler = capMib == 0 ? new UnlimitedOriginScheduler()
                : new TokenBucketOriginScheduler(vertx, capMib * MIB);
        return new WebSeedFetcher(vertx, WebClient.create(vertx), new WebSeedOptions().setUrl(url), scheduler, null);
    }

    private static List<SocketAddress> peerList(String text) {
        return Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .map(SwarmCommand::address).toList();
    }

    private static SocketAddress address(String text) {
        int colon = text.lastIndexOf(':');
        if (colon <= 0) {
            throw new UsageException("expected HOST:PORT, got '" + text + "'");
        }
        try {
            return SocketAddress.inetSocketAddress(Integer.parseInt(text.substring(colon + 1)),
                    text.substring(0, colon));
        } catch (NumberFormatException e) {
            throw new UsageException("expected HOST:PORT, got '" + text + "'");
        }
    }

    /** Undeploys the session (closing its connections), then saves resume state and stops Vert.x. */
    private static void shutdown(Vertx vertx, String deployment, PieceStore store) {
        try {
            vertx.undeploy(deployment).eventually(store::close)
                    .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            System.err.println("shutdown: " + e);
        }
    }
}
