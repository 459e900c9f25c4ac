package io.branchcast.agent.swarm;

import io.branchcast.agent.swarm.peers.OpenAdmission;
import io.branchcast.agent.swarm.peers.StaticPeerSource;
import io.branchcast.contracts.manifest.Manifest;
import io.vertx.core.Vertx;
import io.vertx.core.net.SocketAddress;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Interop proof: our engine and a stock BitTorrent client (Debian's aria2) exchange a payload in both directions over
 * the plain BEP 3 wire protocol, and the SHA-256 of what arrives matches. Identity-gated admission is switched off
 * explicitly (open mode, for this test only): a stock client cannot prove a Keycloak identity.
 */
@ExtendWith(VertxExtension.class)
class StockClientInteropTest {

    private static final int SIZE = 16 * 1024 * 1024 + 4_321;

    @TempDir
    Path root;

    @Test
    void ourSeederServesAStockClientThatEndsWithTheRightFile(Vertx vertx) throws Exception {
        SwarmTestKit kit = new SwarmTestKit(vertx, root, SIZE, 11);
        SwarmSession seeder = kit.seeder("127.0.0.2").toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        InetSocketAddress seederAddress = new InetSocketAddress("127.0.0.2", seeder.listenAddress().port());

        try (CompactTracker tracker = CompactTracker.start("127.0.0.9", List.of(seederAddress));
             StockClient aria2 = StockClient.leech(torrent(kit.manifest, tracker), root.resolve("aria2-leech"),
                     "127.0.0.12", freePort("127.0.0.12"))) {
            assertThat(aria2.awaitExit(120)).as("aria2c exit code; log:%n%s", aria2.log()).isZero();
        }

        assertThat(SwarmTestKit.sha256(root.resolve("aria2-leech/payload.bin"))).isEqualTo(kit.expectedSha256());
        assertThat(seeder.stats().bytesUploaded()).isGreaterThanOrEqualTo(SIZE);
    }

    @Test
    void ourLeecherDownloadsFromAStockClientSeedAndEndsWithTheRightFile(Vertx vertx) throws Exception {
        SwarmTestKit kit = new SwarmTestKit(vertx, root, SIZE, 12);
        Path seedDir = root.resolve("aria2-seed");
        Files.createDirectories(seedDir);
        Files.write(seedDir.resolve("payload.bin"), kit.payload);
        String host = "127.0.0.13";
        int port = freePort(host);

        try (CompactTracker tracker = CompactTracker.start("127.0.0.9", List.of());
             StockClient aria2 = StockClient.seed(torrent(kit.manifest, tracker), seedDir, host, port)) {
            aria2.awaitListening(host, port, 30_000);
            SwarmSession leecher = kit.downloadStore("127.0.0.3")
                    .compose(store -> kit.deploy(SwarmSession.builder(kit.manifest, store)
                            .options(SwarmTestKit.options("127.0.0.3"))
                            .admission(new OpenAdmission())
                            .peerSource(new StaticPeerSource(List.of(SocketAddress.inetSocketAddress(port, host))))
                            .build()))
                    .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);

            leecher.completion().toCompletionStage().toCompletableFuture().get(120, TimeUnit.SECONDS);

            assertThat(SwarmTestKit.sha256(kit.output("127.0.0.3"))).isEqualTo(kit.expectedSha256());
            assertThat(leecher.stats().bytesFromPeers()).isGreaterThanOrEqualTo(SIZE);
        }
    }

    /** The manifest as a plain .torrent whose announce URL is the test tracker (outside the signed part). */
    private Path torrent(Manifest manifest, CompactTracker tracker) throws IOException {
        Manifest withTracker = new Manifest(manifest.info(), manifest.sha256(), manifest.keyId(), manifest.signature(),
                Optional.of(tracker.announceUri()), List.of());
        Path file = root.resolve("payload.torrent");
        Files.write(file, withTracker.encode());
        return file;
    }

    private static int freePort(String host) throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getByName(host))) {
            return socket.getLocalPort();
        }
    }
}
