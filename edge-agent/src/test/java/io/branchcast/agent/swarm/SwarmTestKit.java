package io.branchcast.agent.swarm;

import io.branchcast.agent.swarm.peers.StaticPeerSource;
import io.branchcast.agent.swarm.storage.FilePieceStore;
import io.branchcast.agent.swarm.storage.FilePieceStoreOptions;
import io.branchcast.agent.swarm.storage.SeedTrust;
import io.branchcast.contracts.manifest.Ed25519Keys;
import io.branchcast.contracts.manifest.Manifest;
import io.branchcast.contracts.manifest.ManifestSigner;
import io.branchcast.contracts.manifest.PieceHasher;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

/**
 * SwarmTestKit builds what session tests need: a random payload with its signed manifest, seeding and downloading
 * sessions bound to their own 127.0.0.N, and file digests to compare.
 */
final class SwarmTestKit {

    static final int PIECE_LENGTH = 256 * 1024;

    final Vertx vertx;
    final Path root;
    final byte[] payload;
    final Manifest manifest;

    SwarmTestKit(Vertx vertx, Path root, int size, long seed) {
        this.vertx = vertx;
        this.root = root;
        this.payload = new byte[size];
        new Random(seed).nextBytes(payload);
        PieceHasher hasher = new PieceHasher(PIECE_LENGTH);
        hasher.update(payload, 0, size);
        this.manifest = new ManifestSigner("test", Ed25519Keys.generate().getPrivate())
                .sign(hasher.finish(), "payload.bin", List.of());
    }

    /** Fast options for loopback tests: ephemeral port on the host, short origin grace. */
    static SwarmOptions options(String host) {
        return new SwarmOptions().setListenHost(host).setListenPort(0).setLocalAddress(host).setOriginGraceMs(200)
                .setTickMs(50);
    }

    /** A seeding session over a complete copy of the payload. */
    Future<SwarmSession> seeder(String host) {
        Path file = root.resolve(host).resolve("payload.bin");
        write(file, payload);
        return FilePieceStore.openSeed(vertx, manifest, file, SeedTrust.HASH_CHECK, new FilePieceStoreOptions())
                .compose(store -> deploy(SwarmSession.builder(manifest, store).options(options(host)).build()));
    }

    /** A store for a download into {@code <root>/<host>/out}. */
    Future<FilePieceStore> downloadStore(String host) {
        return FilePieceStore.open(vertx, manifest, root.resolve(host).resolve("staging"), output(host),
                new FilePieceStoreOptions());
    }

    Path output(String host) {
        return root.resolve(host).resolve("out").resolve("payload.bin");
    }

    Future<SwarmSession> deploy(SwarmSession session) {
        return vertx.deployVerticle(session).map(id -> session);
    }

    static StaticPeerSource peers(SwarmSession... sessions) {
        return new StaticPeerSource(List.of(sessions).stream().map(SwarmSession::listenAddress).toList());
    }

    String expectedSha256() {
        return HexFormat.of().formatHex(manifest.sha256());
    }

    static String sha256(Path file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void write(Path file, byte[] bytes) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
