package io.branchcast.agent.swarm.storage;

import io.branchcast.contracts.manifest.Manifest;
import io.branchcast.contracts.manifest.PieceHasher;
import io.branchcast.contracts.manifest.PieceHashes;
import io.vertx.core.buffer.Buffer;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * StoreFixture is a small file and its manifest for storage tests: pieces of 16 KiB, a shorter last piece. The
 * signature is a placeholder because stores trust the manifest they are given.
 */
final class StoreFixture {

    static final int PIECE = 16 * 1024;

    final byte[] content;
    final Manifest manifest;

    private StoreFixture(byte[] content, byte[] sha256Override) {
        this.content = content;
        PieceHashes hashes = new PieceHasher(PIECE).update(content, 0, content.length).finish();
        this.manifest = new Manifest(hashes.toInfo("payload.bin"), sha256Override != null ? sha256Override
                : hashes.sha256(), "test-key", new byte[64], Optional.empty(), List.of());
    }

    /** A file of three full pieces and a last piece of 1000 bytes. */
    static StoreFixture fourPieces() {
        byte[] content = new byte[3 * PIECE + 1000];
        new Random(42).nextBytes(content);
        return new StoreFixture(content, null);
    }

    /** The same file with a manifest whose whole-file SHA-256 is wrong while every piece hash is right. */
    static StoreFixture withWrongSha256() {
        return new StoreFixture(fourPieces().content, new byte[32]);
    }

    int pieceCount() {
        return manifest.info().pieceCount();
    }

    Buffer piece(int index) {
        int start = index * PIECE;
        return Buffer.buffer(Arrays.copyOfRange(content, start, Math.min(content.length, start + PIECE)));
    }
}
