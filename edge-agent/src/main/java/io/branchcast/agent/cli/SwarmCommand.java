package io.branchcast.agent.cli;

import io.branchcast.agent.jobs.JobFiles;
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

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * SwarmCommand runs one {@link SwarmSession} from the command line, for tests and benchmarks: it loads and checks the
 * manifest ({@link ManifestFiles}), opens the store (seeding a given file, or downloading into the output directory
 * with resume from the staging directory), deploys the session and prints machine-readable lines on stdout
 * ({@code listening}, {@code start}, {@code progress}, {@code complete}) while the session logs events on stderr.
 * With {@code --rounds N} it downloads the file N times in the same JVM, from scratch each time, so benchmarks can
 * tell a first (cold JIT) transfer from later ones, as an agent daemon runs job after job.
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
                "staging", "seed-file", "event-loops", "start-at", "rounds", "tie-break-window");
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
                  --rounds N             download N times in this process, from scratch each time (the file and staging
                                         directory are deleted between rounds): measures a warmed-up JVM (default 1)
                  --tie-break-window N   rarest-first breaks ties among the first N fresh pieces of the file, 0 = over
                                         the whole file (default %d)
                  --exit-when-done       exit once the file is complete (default for leechers is to keep seeding)
                  --seed-after           keep seeding after completion until killed (the default)
                stdout lines: 'listening HOST:PORT', 'start pieces_verified=N piece_count=M',
                  'progress pieces=N/M ...' per 10 %%, 'complete bytes_from_peers=.. bytes_from_origin=.. seconds=.. download_s=..
                  bytes_uploaded=.. at_ms=EPOCH_MS path=..' (with ' round=K' when --rounds is given)
                """.formatted(SwarmOptions.DEFAULT_ORIGIN_GRACE_MS, SwarmOptions.DEFAULT_TIE_BREAK_WINDOW);
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
        int rounds = (int) args.number("rounds", 1, 1, 1000);
        if (rounds > 1 && seedFile != null) {
            throw new UsageException("--rounds repeats a download; it does not go with --seed-file");
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
        AtomicReference<Running> running = new AtomicReference<>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> shutdown(vertx, running.get())));
        for (int round = 1; round <= rounds; round++) {
            if (round > 1) {
                running.getAndSet(null).stop(vertx).await(1, TimeUnit.MINUTES);
                deleteDownload(manifest, args);
                options = new SwarmOptions(options).setStartAtMillis(0);
            }
            SwarmOptions roundOptions = options;
            Running current = Running.start(vertx, openStore(vertx, manifest, seedFile, args),
                    store -> SwarmSession.builder(manifest, store).options(roundOptions)
                            .peerSource(new StaticPeerSource(peers))
                            .origin(originUrl == null ? null : fetcher(vertx, originUrl, capMib)).build());
            running.set(current);
            if (!report(vertx, current, options, manifest, startNanos, rounds > 1 ? round : 0)) {
                return 1;
            }
        }
        if (args.flag("exit-when-done")) {
            return 0;
        }
        new CountDownLatch(1).await();
        return 0;
    }

    /**
     * Prints the session's lines up to its completion; {@code round} > 0 is added to the complete line. Returns false
     * when the session failed.
     */
    private static boolean report(Vertx vertx, Running running, SwarmOptions options, Manifest manifest,
            long startNanos, int round) throws Exception {
        SwarmSession session = running.session();
        System.out.println("listening " + session.listenAddress());
        if (options.getStartAtMillis() > 0) {
            System.out.println("ready start_in_ms=" + (options.getStartAtMillis() - System.currentTimeMillis()));
        }
        System.out.println("start pieces_verified=" + running.store().verifiedPieces().cardinality() + " piece_count="
                + manifest.info().pieceCount());
        ProgressPrinter progress = new ProgressPrinter(session);
        long progressTimer = vertx.setPeriodic(250, id -> progress.print());
        try {
            Path installed = session.completion().await();
            SwarmStats stats = session.stats();
            System.out.printf("complete bytes_from_peers=%d bytes_from_origin=%d seconds=%.2f download_s=%.3f"
                            + " bytes_uploaded=%d at_ms=%d path=%s%s%n", stats.bytesFromPeers(),
                    stats.bytesFromOrigin(), (System.nanoTime() - startNanos) / 1e9, stats.downloadSeconds(),
                    stats.bytesUploaded(), System.currentTimeMillis(), installed, round > 0 ? " round=" + round : "");
            return true;
        } catch (Exception failure) {
            System.out.println("failed " + failure);
            return false;
        } finally {
            vertx.cancelTimer(progressTimer);
        }
    }

    /** Removes the installed file and the staging directory, so that the next round downloads from scratch. */
    private static void deleteDownload(Manifest manifest, Arguments args) throws IOException {
        Files.deleteIfExists(installedFile(manifest, args));
        new JobFiles(stagingDir(args)).delete();
    }

    /** A deployed session and its store. */
    private record Running(PieceStore store, SwarmSession session, String deployment) {

        static Running start(Vertx vertx, Future<PieceStore> opening, Function<PieceStore, SwarmSession> sessionOf)
                throws TimeoutException {
            PieceStore store = opening.await(5, TimeUnit.MINUTES);
            SwarmSession session = sessionOf.apply(store);
            return new Running(store, session, vertx.deployVerticle(session).await(1, TimeUnit.MINUTES));
        }

        /** Undeploys the session (closing its connections), then saves resume state. */
        Future<Void> stop(Vertx vertx) {
            return vertx.undeploy(deployment).eventually(store::close);
        }
    }

    private static SwarmOptions swarmOptions(Arguments args) {
        SwarmOptions options = new SwarmOptions()
                .setOriginGraceMs(args.number("origin-grace-ms", SwarmOptions.DEFAULT_ORIGIN_GRACE_MS, 0,
                        Long.MAX_VALUE))
                .setStartAtMillis(args.number("start-at", 0, 0, Long.MAX_VALUE))
                .setTieBreakWindow((int) args.number("tie-break-window", SwarmOptions.DEFAULT_TIE_BREAK_WINDOW, 0,
                        Integer.MAX_VALUE));
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
        Path target = installedFile(manifest, args);
        if (Files.exists(target)) {
            return FilePieceStore.openSeed(vertx, manifest, target, SeedTrust.HASH_CHECK, storeOptions)
                    .map(store -> store);
        }
        return FilePieceStore.open(vertx, manifest, stagingDir(args), target, storeOptions).map(store -> store);
    }

    /** Where a download is installed: {@code --out} and the manifest's file name. */
    private static Path installedFile(Manifest manifest, Arguments args) {
        return Path.of(args.required("out")).resolve(manifest.info().name());
    }

    /** {@code --staging}, by default {@code <out>/.staging}. */
    private static Path stagingDir(Arguments args) {
        return Path.of(args.string("staging", Path.of(args.required("out")).resolve(".staging").toString()));
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

    /** Stops the running session, if any, and Vert.x. */
    private static void shutdown(Vertx vertx, Running running) {
        try {
            if (running != null) {
                running.stop(vertx).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            }
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            System.err.println("shutdown: " + e);
        }
    }
}
