package io.branchcast.agent.simulation;

import io.branchcast.agent.cli.Arguments;
import io.branchcast.agent.cli.ManifestCommand;
import io.branchcast.contracts.manifest.Manifest;
import io.vertx.core.Vertx;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * SwarmFixture is a whole swarm of real agent processes on loopback, each on its own 127.0.0.N:6881: a random payload
 * generated under {@code target/simulation/<name>}, its manifest, optional seeders (agents seeding the file), leechers
 * and an HTTP origin (in this JVM, optionally rate-capped). Build it with
 * {@code SwarmFixture.named("x").seeders(1).leechers(8).size(256 << 20).start()}; close it to stop every process.
 */
final class SwarmFixture implements AutoCloseable {

    static final int PORT = 6881;
    /** A seeder verifies its whole copy before it listens: generous for a loaded 2-core machine. */
    private static final Duration STARTUP = Duration.ofMinutes(3);

    private final String name;
    private int seeders = 1;
    private int leechers = 1;
    private long size = 16 << 20;
    private int pieceLengthKib = 1024;
    private boolean origin;
    private long originCapBytesPerSecond;
    private int firstHost = 2;

    private Path dir;
    private Path payload;
    private Path manifestFile;
    private Manifest manifest;
    private Vertx vertx;
    private OriginServer originServer;
    private final List<AgentProcess> seederProcesses = new ArrayList<>();
    private final List<AgentProcess> leecherProcesses = new ArrayList<>();

    private SwarmFixture(String name) {
        this.name = name;
    }

    static SwarmFixture named(String name) {
        return new SwarmFixture(name);
    }

    SwarmFixture seeders(int count) {
        this.seeders = count;
        return this;
    }

    SwarmFixture leechers(int count) {
        this.leechers = count;
        return this;
    }

    SwarmFixture size(long bytes) {
        this.size = bytes;
        return this;
    }

    SwarmFixture pieceLengthKib(int kib) {
        this.pieceLengthKib = kib;
        return this;
    }

    /** Adds an HTTP origin capped at bytesPerSecond (0 = uncapped); agents fall back to it. */
    SwarmFixture origin(long capBytesPerSecond) {
        this.origin = true;
        this.originCapBytesPerSecond = capBytesPerSecond;
        return this;
    }

    /** Hosts are 127.0.0.first, 127.0.0.first+1, ...; tests running one after another use different ranges. */
    SwarmFixture firstHost(int first) {
        this.firstHost = first;
        return this;
    }

    /** Creates payload and manifest, starts the origin and seeders, then the leechers; waits until all listen. */
    SwarmFixture start() throws Exception {
        dir = Path.of("target", "simulation", name).toAbsolutePath();
        deleteRecursively(dir);
        Files.createDirectories(dir);
        payload = dir.resolve("payload.bin");
        writeRandom(payload, size, name.hashCode());
        manifestFile = dir.resolve("payload.torrent");
        new ManifestCommand().run(Arguments.parse(List.of("--file", payload.toString(), "--out",
                manifestFile.toString(), "--piece-length-kib", Integer.toString(pieceLengthKib), "--key-out",
                dir.resolve("trust.key").toString()), new ManifestCommand().options(), new ManifestCommand().flags()));
        manifest = Manifest.decode(Files.readAllBytes(manifestFile));
        if (origin) {
            vertx = Vertx.vertx();
            originServer = OriginServer.start(vertx, "127.0.0.1", 0, payload, originCapBytesPerSecond)
                    .await(30, TimeUnit.SECONDS);
        }
        for (int i = 0; i < seeders; i++) {
            seederProcesses.add(startAgent(host(i), List.of("--seed-file", payload.toString())));
        }
        for (int i = 0; i < leechers; i++) {
            leecherProcesses.add(startLeecher(i));
        }
        for (AgentProcess agent : allAgents()) {
            agent.await(line -> line.startsWith("listening "), STARTUP);
        }
        return this;
    }

    /** Starts leecher {@code index} (again, after a crash: it resumes from its staging directory). */
    AgentProcess startLeecher(int index) {
        String host = host(seeders + index);
        List<String> args = new ArrayList<>(List.of("--out", dir.resolve(host).resolve("out").toString(),
                "--staging", dir.resolve(host).resolve("staging").toString(), "--seed-after"));
        if (origin) {
            args.addAll(List.of("--origin", originServer.url(), "--origin-grace-ms", "500"));
        }
        AgentProcess agent = startAgent(host, args);
        if (index < leecherProcesses.size()) {
            leecherProcesses.set(index, agent);
        }
        return agent;
    }

    List<AgentProcess> leechers() {
        return leecherProcesses;
    }

    List<AgentProcess> seeders() {
        return seederProcesses;
    }

    String leecherHost(int index) {
        return host(seeders + index);
    }

    Manifest manifest() {
        return manifest;
    }

    OriginServer originServer() {
        return originServer;
    }

    /** SHA-256 (hex) that every finished copy must have. */
    String expectedSha256() {
        return HexFormat.of().formatHex(manifest.sha256());
    }

    /** SHA-256 (hex) of leecher {@code index}'s installed file. */
    String sha256Of(int index) throws Exception {
        Path file = dir.resolve(leecherHost(index)).resolve("out").resolve(manifest.info().name());
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (var in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 20];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    @Override
    public void close() throws Exception {
        for (AgentProcess agent : allAgents()) {
            agent.stop();
        }
        if (vertx != null) {
            vertx.close().await(30, TimeUnit.SECONDS);
        }
    }

    private List<AgentProcess> allAgents() {
        List<AgentProcess> all = new ArrayList<>(seederProcesses);
        all.addAll(leecherProcesses);
        return all;
    }

    private AgentProcess startAgent(String host, List<String> extra) {
        int agents = seeders + leechers;
        String peers = IntStream.range(0, agents).mapToObj(this::host).filter(other -> !other.equals(host))
                .map(other -> other + ":" + PORT).collect(Collectors.joining(","));
        List<String> args = new ArrayList<>(List.of("swarm", "--manifest", manifestFile.toString(), "--trust-key",
                dir.resolve("trust.key").toString(), "--bind", host + ":" + PORT, "--peers", peers));
        args.addAll(extra);
        return AgentProcess.start(host, args, dir.resolve(host + ".log"));
    }

    private String host(int index) {
        return "127.0.0." + (firstHost + index);
    }

    private static void writeRandom(Path file, long size, long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        byte[] chunk = new byte[1 << 20];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long written = 0; written < size; written += chunk.length) {
                for (int i = 0; i < chunk.length; i += 8) {
                    long value = random.nextLong();
                    for (int b = 0; b < 8; b++) {
                        chunk[i + b] = (byte) (value >>> (8 * b));
                    }
                }
                out.write(chunk, 0, (int) Math.min(chunk.length, size - written));
            }
        }
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (var walk = Files.walk(path)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
