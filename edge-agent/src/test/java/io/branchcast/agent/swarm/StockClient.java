package io.branchcast.agent.swarm;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * StockClient runs Debian's aria2c, a stock BitTorrent client, on its own loopback address with everything that could
 * reach beyond loopback (DHT, local peer discovery, peer exchange) switched off.
 */
final class StockClient implements AutoCloseable {

    private static final String ARIA2 = "/usr/bin/aria2c";

    private final Process process;
    private final Path log;

    private StockClient(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Downloads the torrent into {@code dir} and exits once complete (no seeding afterwards). */
    static StockClient leech(Path torrent, Path dir, String host, int port) throws IOException {
        return start(torrent, dir, host, port, List.of("--seed-time=0"));
    }

    /** Seeds the complete file already in {@code dir} until closed. */
    static StockClient seed(Path torrent, Path dir, String host, int port) throws IOException {
        return start(torrent, dir, host, port, List.of("--seed-ratio=0.0", "--bt-seed-unverified=true"));
    }

    private static StockClient start(Path torrent, Path dir, String host, int port, List<String> mode) throws IOException {
        if (!Files.isExecutable(Path.of(ARIA2))) {
            throw new IllegalStateException(ARIA2 + " is missing: the interop test needs Debian's aria2 (bin/test installs it)");
        }
        Files.createDirectories(dir);
        List<String> command = new ArrayList<>(List.of(ARIA2,
                "--dir=" + dir, "--interface=" + host, "--listen-port=" + port,
                "--enable-dht=false", "--enable-dht6=false", "--bt-enable-lpd=false", "--enable-peer-exchange=false",
                "--bt-max-peers=4", "--bt-stop-timeout=120", "--summary-interval=0", "--console-log-level=notice",
                "--allow-overwrite=true", "--auto-file-renaming=false"));
        command.addAll(mode);
        command.add(torrent.toString());
        Path log = dir.resolveSibling(dir.getFileName() + "-aria2.log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        return new StockClient(process, log);
    }

    /** Waits until the client accepts connections on its listening port. */
    void awaitListening(String host, int port, long timeoutMillis) throws IOException, InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (System.currentTimeMillis() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("aria2c exited with " + process.exitValue() + ": " + Files.readString(log));
            }
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress(host, port), 200);
                return;
            } catch (IOException notYet) {
                TimeUnit.MILLISECONDS.sleep(100);
            }
        }
        throw new IllegalStateException("aria2c did not listen on " + host + ":" + port + ": " + Files.readString(log));
    }

    /** Waits for the client to exit and returns its exit code (0: download complete). */
    int awaitExit(long timeoutSeconds) throws InterruptedException {
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            throw new IllegalStateException("aria2c did not finish within " + timeoutSeconds + " s; log: " + log);
        }
        return process.exitValue();
    }

    String log() throws IOException {
        return Files.readString(log);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
